import {
  delegateMailBase,
  eventPageOf,
  forum,
  lounge,
  mailBase,
  registration,
  WORKSHOP_ID,
} from '../../testing/registration-factories';
import { buttonsOf } from '../../testing/mail-buttons';
import { renderRegistrationWaitlistedMail } from './registration-waitlisted.template';

const waiting = registration({ status: 'waiting', waitingPlace: 12, confirmedAt: undefined });

describe(renderRegistrationWaitlistedMail.name, () => {
  it('names the place in the subject and the text, and attaches no calendar entry', () => {
    const sut = renderRegistrationWaitlistedMail({
      ...mailBase({ registration: waiting }),
      reason: 'registered',
    });

    expect(sut.subject).toBe('Warteliste, Platz 12: Innovators Lounge Ulm: Die smarte Stadt im Alltag');
    expect(sut.text).toMatch(
      /^Sehr geehrte Frau Oberbürgermeisterin Müller,\n\nvielen Dank für Ihre Anmeldung\. Die Veranstaltung ist derzeit ausgebucht; Sie stehen auf Platz 12 der Warteliste:/,
    );
    expect(sut.text).toContain(
      'Sobald ein Platz frei wird, rücken die Angemeldeten in der Reihenfolge der Warteliste nach.',
    );
    expect(sut.attachments).toBeUndefined();
  });

  it('gives the times in Berlin wall time across the change of summer time', () => {
    const sut = renderRegistrationWaitlistedMail({
      ...mailBase({ registration: waiting }),
      reason: 'registered',
    });

    expect(sut.text).toContain(
      'Wann: Samstag, 26. Oktober 2030, 09:30 Uhr bis Sonntag, 27. Oktober 2030, 16:00 Uhr',
    );
  });

  it('asks a waiting member to cancel in time so that the next ones move up', () => {
    const sut = renderRegistrationWaitlistedMail({
      ...mailBase({ registration: waiting }),
      reason: 'registered',
    });

    expect(sut.text).toContain(
      'Möchten Sie nicht mehr teilnehmen, stornieren Sie Ihre Anmeldung bitte bis Samstag, 19. Oktober 2030, 23:59 Uhr, damit die Nächsten auf der Warteliste nachrücken können.',
    );
  });

  it('shows workshop choices as noted until the seat is confirmed', () => {
    const sut = renderRegistrationWaitlistedMail({
      ...mailBase({
        event: forum(),
        registration: { ...waiting, sessions: [{ sessionId: WORKSHOP_ID, status: 'pending' }] },
      }),
      reason: 'registered',
    });

    expect(sut.text).toContain(
      '„Daten teilen zwischen Kommunen“ (Samstag, 26. Oktober 2030, 14:00–15:30 Uhr, Raum Spree): vorgemerkt, bis Ihre Teilnahme bestätigt ist',
    );
  });

  it('tells a delegation person that their municipality waits, and on which place', () => {
    const base = delegateMailBase();
    const sut = renderRegistrationWaitlistedMail({
      ...base,
      registration: { ...base.registration, status: 'waiting', waitingPlace: 2 },
      reason: 'added-to-delegation',
    });

    expect(sut.subject).toBe(
      'Warteliste, Platz 2: Kommunalzirkel „Kommunen for future – Wandel vor Ort gestalten“',
    );
    expect(sut.text).toMatch(
      /^Guten Tag Anna Vogel,\n\ndie Kommune Pegnitz hat Sie als Vertretung der Verwaltung in ihre Delegation aufgenommen\. Die folgende Veranstaltung ist derzeit ausgebucht; die Delegation steht auf Platz 2 der Warteliste:/,
    );
  });

  it('leads a waiting member to the event page, where they see their place and can step back', () => {
    const sut = renderRegistrationWaitlistedMail({
      ...mailBase({ registration: waiting }),
      reason: 'registered',
    });

    expect(buttonsOf(sut)).toEqual([{ label: 'Anmeldung verwalten', link: eventPageOf(lounge().eventId) }]);
  });

  it('offers a delegation person no link into the portal', () => {
    const base = delegateMailBase();
    const sut = renderRegistrationWaitlistedMail({
      ...base,
      registration: { ...base.registration, status: 'waiting', waitingPlace: 2 },
      reason: 'registered',
    });

    expect(buttonsOf(sut)).toEqual([]);
  });
});
