import { readCalendar } from '../../../../../libs/platform/src/calendar/testing/read-calendar';
import {
  calendarFilesOf,
  circle,
  delegateMailBase,
  forum,
  lounge,
  mailBase,
  registration,
  SECOND_WORKSHOP_ID,
  WORKSHOP_ID,
} from '../../testing/registration-factories';
import { buttonsOf } from '../../testing/mail-buttons';
import { renderRegistrationConfirmedMail } from './registration-confirmed.template';

describe(renderRegistrationConfirmedMail.name, () => {
  it('names the event in the subject and addresses the member by office title', () => {
    const sut = renderRegistrationConfirmedMail({ ...mailBase(), reason: 'registered' });

    expect(sut.subject).toBe('Anmeldung bestätigt: Innovators Lounge Ulm: Die smarte Stadt im Alltag');
    expect(sut.text).toMatch(
      /^Sehr geehrte Frau Oberbürgermeisterin Müller,\n\nvielen Dank für Ihre Anmeldung\. Ihre Teilnahme an der folgenden Veranstaltung ist bestätigt:\n/,
    );
    expect(sut.html).toContain('Sehr geehrte Frau Oberbürgermeisterin Müller,');
  });

  it('gives the times in Berlin wall time on both sides of the end of summer time, and the venue', () => {
    const sut = renderRegistrationConfirmedMail({ ...mailBase(), reason: 'registered' });

    for (const part of [sut.text, sut.html]) {
      expect(part).toContain('Samstag, 26. Oktober 2030, 09:30 Uhr bis Sonntag, 27. Oktober 2030, 16:00 Uhr');
      expect(part).toContain('Stadthaus Ulm, Münsterplatz 50, 89073 Ulm');
    }
  });

  it('attaches the calendar entry given and says so; the entry reads back as PUBLISH with UID and SEQUENCE', () => {
    const base = mailBase({ registration: registration({ revision: 2 }) });
    const calendarFiles = calendarFilesOf(base.event, base.registration);
    const sut = renderRegistrationConfirmedMail({ ...base, calendarFiles, reason: 'registered' });

    expect(sut.attachments).toEqual(calendarFiles);
    expect(sut.text).toContain('Den Termin finden Sie im Anhang als Kalenderdatei (termin.ics)');
    const calendar = readCalendar(sut.attachments?.[0].content ?? '');
    expect(calendar.properties.method).toBe('PUBLISH');
    expect(calendar.entries[0]).toMatchObject({
      uid: `${lounge().eventId}@innovators-club.dstgb.de`,
      status: 'CONFIRMED',
      sequence: lounge().revision + 2,
    });
  });

  it('says until when a member can cancel, and to ask the office once registration has closed', () => {
    const open = renderRegistrationConfirmedMail({ ...mailBase(), reason: 'registered' });
    const closed = renderRegistrationConfirmedMail({
      ...mailBase({ now: new Date('2030-10-21T09:00:00Z') }),
      reason: 'registered',
    });

    expect(open.text).toContain(
      'Falls Sie doch nicht teilnehmen können, stornieren Sie Ihre Anmeldung bitte bis Samstag, 19. Oktober 2030, 23:59 Uhr, damit jemand von der Warteliste nachrücken kann.',
    );
    expect(closed.text).toContain('geben Sie bitte der Geschäftsstelle Bescheid');
  });

  it('tells a member the office registered them', () => {
    const sut = renderRegistrationConfirmedMail({
      ...mailBase({ registration: registration({ registeredBy: { subject: 'staff-1', role: 'staff' } }) }),
      reason: 'registered',
    });

    expect(sut.text).toContain('die Geschäftsstelle hat Sie für die folgende Veranstaltung angemeldet.');
  });

  it('lists the workshops of a forum with their seats', () => {
    const sut = renderRegistrationConfirmedMail({
      ...mailBase({
        event: forum(),
        registration: registration({
          sessions: [
            { sessionId: WORKSHOP_ID, status: 'confirmed' },
            { sessionId: SECOND_WORKSHOP_ID, status: 'waiting', waitingPlace: 2 },
          ],
        }),
      }),
      reason: 'registered',
    });

    expect(sut.subject).toBe('Anmeldung bestätigt: 26. Deutschlandforum des Innovators Club');
    expect(sut.text).toContain(
      'Ihre Workshops\n' +
        '– „Daten teilen zwischen Kommunen“ (Samstag, 26. Oktober 2030, 14:00–15:30 Uhr, Raum Spree): Platz bestätigt\n' +
        '– „Bürgerbeteiligung digital“ (Samstag, 26. Oktober 2030, 14:00–15:30 Uhr, Raum Havel): Warteliste, Platz 2',
    );
  });

  describe('to a person of a delegation', () => {
    it('greets them by name without a gendered form, and says who sent them in which role', () => {
      const sut = renderRegistrationConfirmedMail({ ...delegateMailBase(), reason: 'registered' });

      expect(sut.subject).toBe(
        'Anmeldung bestätigt: Kommunalzirkel „Kommunen for future – Wandel vor Ort gestalten“',
      );
      expect(sut.text).toMatch(
        /^Guten Tag Anna Vogel,\n\ndie Kommune Pegnitz hat Sie als Vertretung der Verwaltung angemeldet\. Ihre Teilnahme an der folgenden Veranstaltung ist bestätigt:/,
      );
      expect(sut.text).toContain(
        'Ihre Kommune kann die Delegation bis Samstag, 19. Oktober 2030, 23:59 Uhr ändern.',
      );
    });

    it('lists the modules, a date after the change to winter time in winter time', () => {
      const sut = renderRegistrationConfirmedMail({ ...delegateMailBase(), reason: 'registered' });

      expect(sut.text).toContain(
        'Die Module:\n1. Auftakt in Pegnitz\n   Donnerstag, 24. Oktober 2030, 10:00–16:00 Uhr, Rathaus Pegnitz\n' +
          '2. Energie vor Ort\n   Donnerstag, 7. November 2030, 10:00–16:00 Uhr\n3. Abschluss\n   Termin folgt (Frühjahr 2031)',
      );
    });

    it('has its own words for a person added to the delegation and for changed details', () => {
      const added = renderRegistrationConfirmedMail({ ...delegateMailBase(), reason: 'added-to-delegation' });
      const changed = renderRegistrationConfirmedMail({ ...delegateMailBase(), reason: 'details-changed' });

      expect(added.text).toContain(
        'die Kommune Pegnitz hat Sie als Vertretung der Verwaltung in ihre Delegation aufgenommen.',
      );
      expect(changed.text).toContain(
        'die Angaben zu Ihrer Teilnahme in der Delegation der Kommune Pegnitz wurden geändert. Sie nehmen als Vertretung der Verwaltung teil; Ihre Teilnahme an der folgenden Veranstaltung bleibt bestätigt:',
      );
    });

    it.each([
      ['Frau', 'mayor', 'als Bürgermeisterin angemeldet'],
      ['Herr', 'mayor', 'als Bürgermeister angemeldet'],
      ['keine', 'mayor', 'als Bürgermeister*in angemeldet'],
      ['Frau', 'civil-society', 'als Vertreterin der Zivilgesellschaft angemeldet'],
      ['Herr', 'administration', 'als Vertreter der Verwaltung angemeldet'],
      ['keine', 'civil-society', 'als Vertretung der Zivilgesellschaft angemeldet'],
      ['Frau', 'other', 'als weitere Teilnehmerin angemeldet'],
      ['Herr', 'other', 'als weiterer Teilnehmer angemeldet'],
      ['keine', 'other', 'als weitere teilnehmende Person angemeldet'],
    ] as const)(
      'names the role of a person addressed as %s in the %s role: „%s“',
      (salutation, role, words) => {
        const sut = renderRegistrationConfirmedMail({
          ...delegateMailBase({
            addressee: { salutation, firstName: 'Eva', lastName: 'Brenner' },
            delegate: { role, municipality: 'Pegnitz' },
          }),
          reason: 'registered',
        });

        expect(sut.text).toContain(`die Kommune Pegnitz hat Sie ${words}.`);
      },
    );

    it('addresses a person who gave a salutation with it', () => {
      const sut = renderRegistrationConfirmedMail({
        ...delegateMailBase({ addressee: { salutation: 'Herr', firstName: 'Jan', lastName: 'Kurz' } }),
        reason: 'registered',
      });

      expect(sut.text).toMatch(/^Sehr geehrter Herr Kurz,\n/);
    });
  });

  it('escapes what the office typed', () => {
    const sut = renderRegistrationConfirmedMail({
      ...mailBase({ event: lounge({ title: 'Lounge <b>Ulm</b> & "mehr"' }) }),
      reason: 'registered',
    });

    expect(sut.html).toContain('Lounge &lt;b&gt;Ulm&lt;/b&gt; &amp; &quot;mehr&quot;');
    expect(sut.html).not.toContain('<b>Ulm</b>');
  });

  describe('the way to the event page', () => {
    it('leads a member to the event page to manage the registration, in both parts', () => {
      const sut = renderRegistrationConfirmedMail({ ...mailBase(), reason: 'registered' });

      expect(buttonsOf(sut)).toEqual([
        { label: 'Anmeldung verwalten', link: 'https://portal.example/veranstaltungen/' + lounge().eventId },
      ]);
      expect(sut.text).toContain(
        'Ihre Anmeldung und alles zur Veranstaltung finden Sie im Mitgliederbereich:\n' +
          `Anmeldung verwalten: https://portal.example/veranstaltungen/${lounge().eventId}`,
      );
    });

    it('offers a delegation person no link into the portal, which only members sign in to', () => {
      const sut = renderRegistrationConfirmedMail({ ...delegateMailBase(), reason: 'registered' });

      expect(buttonsOf(sut)).toEqual([]);
      expect(sut.text).not.toContain('/veranstaltungen/');
    });

    it('promises no cancellation deadline once the office closed registration early', () => {
      const closedEarly = lounge({ status: 'registration-closed' });
      const member = renderRegistrationConfirmedMail({
        ...mailBase({ event: closedEarly }),
        reason: 'registered',
      });
      const delegate = renderRegistrationConfirmedMail({
        ...delegateMailBase({ event: { ...circle(), status: 'registration-closed' } }),
        reason: 'registered',
      });

      expect(member.text).toContain(
        'Falls Sie doch nicht teilnehmen können, geben Sie bitte der Geschäftsstelle Bescheid, damit jemand von der Warteliste nachrücken kann.',
      );
      expect(delegate.text).toContain(
        'Können Sie nicht teilnehmen, geben Sie bitte Ihrer Kommune oder der Geschäftsstelle Bescheid.',
      );
      for (const sut of [member, delegate]) expect(sut.text).not.toContain('19. Oktober 2030');
    });
  });
});
