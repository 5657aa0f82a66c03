import { ClubEventSnapshot, exampleLoungeSnapshot } from '@ic/contracts';
import { buttonsOf } from '../../testing/mail-buttons';
import { eventPageOf, lordMayor, office } from '../../testing/registration-factories';
import { AnnouncementMail, announcementSubject, renderAnnouncementMail } from './announcement.template';

const feedLink = 'https://portal.example/api/v1/calendar.ics';
const calendarFile = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';
const unsubscribeLink =
  'https://portal.example/abmelden/5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10.Gf1x2yZ_-abcdefghijklmnopqrstuvwxyz0123456';

const announcement = (event: ClubEventSnapshot = exampleLoungeSnapshot): AnnouncementMail => ({
  addressee: lordMayor,
  event,
  calendarFile,
  feedLink,
  unsubscribeLink,
  eventPage: eventPageOf(event.eventId),
  registration: 'ahead',
  office,
});
const eventPage = `https://portal.example/veranstaltungen/${exampleLoungeSnapshot.eventId}`;

/** "Kommunen for future" for Bavarian municipalities up to 25,000 inhabitants, one module still undated. */
const circle: ClubEventSnapshot = {
  ...exampleLoungeSnapshot,
  kind: 'kommunalzirkel',
  title: 'Kommunen for future – Wandel vor Ort gestalten',
  summary: undefined,
  audience: 'target-group',
  targetGroup: { federalStates: ['BY'], maxPopulation: 25_000 },
  federalStates: ['BY'],
  startsAt: '2027-08-14T10:00:00+02:00',
  endsAt: '2027-11-07T16:00:00+01:00',
  venue: undefined,
  lounge: undefined,
  circle: {
    modules: [
      {
        moduleId: '0b5e2a9c-1d4f-4e3a-8b7c-6d5e4f3a2b1c',
        title: 'Auftakt',
        startsAt: '2027-08-14T10:00:00+02:00',
        endsAt: '2027-08-14T16:00:00+02:00',
        place: 'Pegnitz',
        guidingQuestions: ['Was heißt Nachhaltigkeit für eine kleine Kommune?'],
      },
      {
        moduleId: '1c6f3b0d-2e5a-4f4b-9c8d-7e6f5a4b3c2d',
        title: 'Abschluss',
        dateNote: 'Frühjahr/Sommer 2028',
        guidingQuestions: [],
      },
    ],
    delegation: { maxPeople: 3, suggestedRoles: ['mayor', 'administration', 'civil-society'] },
    feeCents: 0,
  },
};

describe(renderAnnouncementMail.name, () => {
  it('addresses the member and says what kind of event it is, with its title and summary', () => {
    const sut = renderAnnouncementMail(announcement());

    expect(sut.subject).toBe('Ankündigung: Innovators Lounge Ulm: Die smarte Stadt im Alltag');
    expect(sut.text.startsWith('Sehr geehrte Frau Oberbürgermeisterin Müller,\n')).toBe(true);
    expect(sut.html).toContain('Sehr geehrte Frau Oberbürgermeisterin Müller,');
    expect(sut.text).toContain('\n\nInnovators Lounge Ulm: Die smarte Stadt im Alltag\n\n');
    for (const part of [sut.text, sut.html]) {
      expect(part).toContain('Wie Ulm Daten, Sensorik und Bürgerbeteiligung zusammenbringt.');
    }
  });

  it('gives the date and time in Berlin local time, the venue and the host', () => {
    const sut = renderAnnouncementMail(announcement());

    expect(sut.text).toContain('Wann: Donnerstag, 15. April 2027, 17:00–21:00 Uhr');
    expect(sut.text).toContain('Wo: Stadthaus Ulm, Münsterplatz 50, 89073 Ulm');
    expect(sut.text).toContain('Gastgeber: Ulm (Baden-Württemberg)');
    expect(sut.text).toContain('Thema: Die smarte Stadt im Alltag');
    for (const part of [sut.text, sut.html]) {
      expect(part).toContain('Donnerstag, 15. April 2027, 17:00–21:00 Uhr');
    }
  });

  describe('registration and the way to the event page', () => {
    it('names the opening date while it is ahead, and offers to declare interest on the event page', () => {
      const sut = renderAnnouncementMail(announcement());

      for (const part of [sut.text, sut.html]) {
        expect(part).toContain(
          'Die Anmeldung öffnet am Montag, 1. Februar 2027, 09:00 Uhr und ist bis Donnerstag, 8. April 2027, 23:59 Uhr möglich. ' +
            'Schon jetzt können Sie Ihr Interesse bekunden; dann schreiben wir Ihnen, sobald die Anmeldung geöffnet ist.',
        );
      }
      expect(buttonsOf(sut)).toEqual([{ label: 'Interesse bekunden', link: eventPage }]);
    });

    it('says registration is open, without the opening date, and leads to "Jetzt anmelden"', () => {
      const sut = renderAnnouncementMail({ ...announcement(), registration: 'open' });

      expect(sut.text).toContain(
        'Die Anmeldung ist geöffnet: Sie können sich bis Donnerstag, 8. April 2027, 23:59 Uhr anmelden.\n' +
          `Jetzt anmelden: ${eventPage}`,
      );
      expect(buttonsOf(sut)).toEqual([{ label: 'Jetzt anmelden', link: eventPage }]);
      expect(sut.text).not.toContain('1. Februar 2027');
      expect(sut.html).not.toContain('1. Februar 2027');
    });

    it('says registration has closed and offers the details', () => {
      const sut = renderAnnouncementMail({ ...announcement(), registration: 'over' });

      expect(sut.text).toContain('Die Anmeldung ist bereits geschlossen.');
      expect(buttonsOf(sut)).toEqual([{ label: 'Details ansehen', link: eventPage }]);
    });

    it('speaks of the municipality for a Kommunalzirkel', () => {
      const ahead = renderAnnouncementMail(announcement(circle));
      const open = renderAnnouncementMail({ ...announcement(circle), registration: 'open' });

      expect(ahead.text).toContain('Schon jetzt können Sie das Interesse Ihrer Kommune bekunden;');
      expect(open.text).toContain(
        'Die Anmeldung ist geöffnet: Ihre Kommune kann sich bis Donnerstag, 8. April 2027, 23:59 Uhr anmelden.',
      );
    });
  });

  it('shows the rendered description in the HTML part and as readable text, without Markdown, in the text part', () => {
    const sut = renderAnnouncementMail(
      announcement({
        ...exampleLoungeSnapshot,
        description: '## Programm\n\nDie **Lounge** in Ulm.',
        descriptionHtml: '<h2>Programm</h2>\n<p>Die <strong>Lounge</strong> in Ulm.</p>\n',
      }),
    );

    expect(sut.html).toContain('<h2>Programm</h2>');
    expect(sut.text).toContain('\n\nProgramm\n\nDie Lounge in Ulm.\n\n');
    expect(sut.text).not.toMatch(/##|\*\*/);
  });

  it('attaches the calendar entry and links the calendar feed', () => {
    const sut = renderAnnouncementMail(announcement());

    expect(sut.attachments).toEqual([
      {
        filename: 'termin.ics',
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        content: calendarFile,
      },
    ]);
    for (const part of [sut.text, sut.html])
      expect(part).toContain('Den Termin finden Sie im Anhang als Kalenderdatei (termin.ics)');
    expect(sut.text).toContain(`\n${feedLink}\n`);
    expect(sut.html).toContain(`href="${feedLink}"`);
  });

  it('offers the unsubscribe link in the footer and in the List-Unsubscribe headers (RFC 8058 one-click)', () => {
    const sut = renderAnnouncementMail(announcement());

    expect(sut.headers).toEqual({
      'List-Unsubscribe': `<${unsubscribeLink}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(sut.html).toContain(`href="${unsubscribeLink}"`);
    const footer = sut.text.slice(sut.text.indexOf('\n-- \n'));
    expect(footer).toContain(`\n${unsubscribeLink}\n`);
    expect(footer).toContain('Einladungen, Anmeldelinks und Bestätigungen erhalten Sie weiterhin');
  });

  it('escapes what the office typed', () => {
    const sut = renderAnnouncementMail(
      announcement({ ...exampleLoungeSnapshot, title: 'Lounge <b>Ulm</b> & "mehr"' }),
    );

    expect(sut.html).toContain('Lounge &lt;b&gt;Ulm&lt;/b&gt; &amp; &quot;mehr&quot;');
    expect(sut.html).not.toContain('<b>Ulm</b>');
  });

  describe('a Kommunalzirkel', () => {
    const sut = renderAnnouncementMail(announcement(circle));

    it('names the kind in the subject when the title does not', () => {
      expect(sut.subject).toBe(
        'Ankündigung: Kommunalzirkel „Kommunen for future – Wandel vor Ort gestalten“',
      );
      expect(announcementSubject(exampleLoungeSnapshot)).toBe(`Ankündigung: ${exampleLoungeSnapshot.title}`);
    });

    it('lists its modules, with "Termin folgt" for one without a date yet', () => {
      expect(sut.text).toContain(
        'Die Module:\n1. Auftakt\n   Samstag, 14. August 2027, 10:00–16:00 Uhr, Pegnitz\n' +
          '2. Abschluss\n   Termin folgt (Frühjahr/Sommer 2028)',
      );
      expect(sut.html).toContain(
        '<strong>Auftakt</strong><br>Samstag, 14. August 2027, 10:00–16:00 Uhr, Pegnitz',
      );
      expect(sut.html).toContain('Termin folgt (Frühjahr/Sommer 2028)');
      expect(sut.text).not.toContain('Wann:');
      expect(sut.text).toContain('\n\nKommunalzirkel: Kommunen for future – Wandel vor Ort gestalten\n\n');
      expect(sut.text).toContain('Die Termine der Module, die schon feststehen, finden Sie im Anhang');
    });

    it('states the target group, the delegation and the fee', () => {
      expect(sut.text).toContain(
        'Zielgruppe: Kommunen in Bayern mit bis zu 25.000 Einwohnerinnen und Einwohnern',
      );
      expect(sut.text).toContain(
        'Teilnahme: je Kommune bis zu 3 Personen, am besten Bürgermeisterin oder Bürgermeister, Verwaltung, Zivilgesellschaft',
      );
      expect(sut.text).toContain('Kosten: kostenfrei');
    });
  });
});
