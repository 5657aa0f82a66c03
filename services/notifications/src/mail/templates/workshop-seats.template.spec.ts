import {
  eventPageOf,
  forum,
  mailBase,
  registration,
  SECOND_WORKSHOP_ID,
  WORKSHOP_ID,
} from '../../testing/registration-factories';
import { buttonsOf } from '../../testing/mail-buttons';
import { renderWorkshopSeatsMail } from './workshop-seats.template';

const removedWorkshop = '6f5e4d3c-2b1a-4f0e-9d8c-7b6a5f4e3d2c';

describe(renderWorkshopSeatsMail.name, () => {
  const sut = renderWorkshopSeatsMail({
    ...mailBase({
      event: forum(),
      registration: registration({
        revision: 3,
        sessions: [
          { sessionId: WORKSHOP_ID, status: 'confirmed' },
          { sessionId: SECOND_WORKSHOP_ID, status: 'waiting', waitingPlace: 4 },
        ],
      }),
    }),
    cause: 'seat-freed',
    changes: [
      { sessionId: WORKSHOP_ID, from: 'waiting', to: 'confirmed' },
      { sessionId: SECOND_WORKSHOP_ID, to: 'waiting' },
      { sessionId: removedWorkshop, from: 'confirmed' },
    ],
  });

  it('names the forum in the subject and addresses the member', () => {
    expect(sut.subject).toBe('Ihre Workshops: 26. Deutschlandforum des Innovators Club');
    expect(sut.text).toMatch(/^Sehr geehrte Frau Oberbürgermeisterin Müller,\n\nbei Ihren Workshops/);
  });

  it('says what changed, workshop by workshop, with Berlin times', () => {
    expect(sut.text).toContain(
      'Was sich geändert hat\n' +
        '– „Daten teilen zwischen Kommunen“ (Samstag, 26. Oktober 2030, 14:00–15:30 Uhr, Raum Spree): Sie sind von der Warteliste nachgerückt; Ihr Platz ist bestätigt.\n' +
        '– „Bürgerbeteiligung digital“ (Samstag, 26. Oktober 2030, 14:00–15:30 Uhr, Raum Havel): Sie stehen auf Platz 4 der Warteliste des Workshops.\n' +
        '– Ein von Ihnen gewählter Workshop: Der Workshop wurde aus dem Programm genommen und entfällt.',
    );
  });

  it('then lists all workshops with their seats, and attaches nothing', () => {
    expect(sut.text).toContain('Ihre Workshops\n– „Daten teilen zwischen Kommunen“');
    expect(sut.html).toContain(
      '<li style="margin:0 0 6px 0;">„Bürgerbeteiligung digital“ (Samstag, 26. Oktober 2030, 14:00–15:30 Uhr, Raum Havel): Warteliste, Platz 4</li>',
    );
    expect(sut.attachments).toBeUndefined();
  });

  it('leads to the event page, where the workshops and seats are shown', () => {
    expect(buttonsOf(sut)).toEqual([{ label: 'Anmeldung verwalten', link: eventPageOf(forum().eventId) }]);
  });
});
