import { InvitationMail, INVITATION_SUBJECT, renderInvitationMail } from './invitation.template';

const office = { name: 'Innovators Club des DStGB', email: 'innovators-club@dstgb.example' };
const link = 'https://portal.example/einladung/abcDEF123_-xyz';

const invitation = (overrides: Partial<InvitationMail> = {}): InvitationMail => ({
  addressee: {
    salutation: 'Frau',
    officeTitle: 'Oberbürgermeisterin',
    academicTitle: 'Dr.',
    firstName: 'Anna',
    lastName: 'Müller',
  },
  personalMessage: 'Wir freuen uns auf Ihre Erfahrung mit digital.interkommunal.',
  link,
  expiresAt: new Date('2026-12-21T10:00:00Z'),
  office,
  ...overrides,
});

describe(renderInvitationMail.name, () => {
  it('addresses the person correctly in both parts, with the subject naming the appointment', () => {
    const sut = renderInvitationMail(invitation());

    expect(sut.subject).toBe(INVITATION_SUBJECT);
    expect(sut.text.startsWith('Sehr geehrte Frau Oberbürgermeisterin Dr. Müller,\n')).toBe(true);
    expect(sut.html).toContain('Sehr geehrte Frau Oberbürgermeisterin Dr. Müller,');
  });

  it('puts the link into both parts', () => {
    const sut = renderInvitationMail(invitation());

    expect(sut.text).toContain(`\n${link}\n`);
    expect(sut.html).toContain(`href="${link}"`);
  });

  it('says who invites, what accepting means, about the club and how to reach the office', () => {
    const sut = renderInvitationMail(invitation());

    for (const part of [sut.text, sut.html]) {
      expect(part).toContain('Innovators Club des Deutschen Städte- und Gemeindebundes (DStGB)');
      expect(part).toContain('Mit Ihrer Zusage werden Sie Mitglied');
      expect(part).toContain('kommunale Ideenschmiede');
      expect(part).toContain('absagen');
      expect(part).toContain('innovators-club@dstgb.example');
    }
  });

  it('gives the expiry as a German date and time in Berlin', () => {
    const sut = renderInvitationMail(invitation());

    expect(sut.text).toContain('gilt bis Montag, 21. Dezember 2026, 11:00 Uhr');
    expect(sut.html).toContain('gilt bis Montag, 21. Dezember 2026, 11:00 Uhr');
  });

  it('escapes a personal message in the HTML part and keeps it word for word in the text part', () => {
    const message = 'Hallo <script>alert("x")</script> & willkommen!\nZweite Zeile';

    const sut = renderInvitationMail(invitation({ personalMessage: message }));

    expect(sut.html).not.toContain('<script>');
    expect(sut.html).toContain(
      'Hallo &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; willkommen!<br>Zweite Zeile',
    );
    expect(sut.text).toContain('> Hallo <script>alert("x")</script> & willkommen!\n> Zweite Zeile');
  });

  it('escapes names and links that carry markup', () => {
    const sut = renderInvitationMail(
      invitation({
        addressee: { salutation: 'Herr', firstName: 'Sean', lastName: `O'Brien<img src=x onerror=alert(1)>` },
        link: 'https://portal.example/einladung/a?x=1&y="2"',
      }),
    );

    expect(sut.html).toContain('Sehr geehrter Herr O&#39;Brien&lt;img src=x onerror=alert(1)&gt;,');
    expect(sut.html).toContain('href="https://portal.example/einladung/a?x=1&amp;y=&quot;2&quot;"');
    expect(sut.html).not.toContain('<img');
  });

  it('leaves the personal part out when there is no message', () => {
    const sut = renderInvitationMail(invitation({ personalMessage: '   ' }));

    expect(sut.text).not.toContain('persönlich:');
    expect(sut.html).not.toContain('<blockquote');
  });
});
