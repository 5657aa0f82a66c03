import { ClubEventSnapshot, RegistrationChange, RegistrationSnapshot } from '@ic/contracts';
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { readCalendar } from '../../../../../libs/platform/src/calendar/testing/read-calendar';
import {
  DeliveryOutcome,
  DeliveryRequest,
  MailDeliveryError,
} from '../../deliveries/deliver-mail/deliver-mail.usecase';
import { ContactRecord, ContactsRepository } from '../../replicas/contacts.repository';
import { KnownRegistrationsRepository } from '../../replicas/known-registrations.repository';
import {
  circle,
  delegationPerson,
  delegationRegistration,
  eventPageOf,
  eventsKnowing,
  lounge,
  MEMBER_ID,
  newMailSettings,
  registration,
} from '../../testing/registration-factories';
import { buttonsOf } from '../../testing/mail-buttons';
import { RegistrationRecipients } from '../registration-recipients';
import { SendRegistrationMailsUseCase } from './send-registration-mails.usecase';
import { mock } from 'jest-mock-extended';
import { firstAttempt, recordingDeliverer } from '../../testing/recording-deliverer';

const contact: ContactRecord = {
  memberId: MEMBER_ID,
  salutation: 'Frau',
  officeTitle: 'Oberbürgermeisterin',
  firstName: 'Anna',
  lastName: 'Müller',
  email: 'anna.mueller@lemgo.example',
  status: 'active',
  themes: [],
  announcementsOptOut: true,
};

function newTestUseCase(
  options: { known?: ClubEventSnapshot; outcomeOf?: (request: DeliveryRequest) => DeliveryOutcome } = {},
) {
  const settings = newMailSettings();
  const recorded: RegistrationSnapshot[] = [];
  const { deliver, requests } = recordingDeliverer(async (request) => {
    await request.compose();
    return (options.outcomeOf ?? (() => 'sent'))(request);
  });
  const registrations = mock<KnownRegistrationsRepository>({
    record: (snapshot: RegistrationSnapshot) => Promise.resolve(recorded.push(snapshot) > 0),
  });
  const events = eventsKnowing(options.known);
  const contacts = mock<ContactsRepository>({ find: () => Promise.resolve(contact) });
  const sut = new SendRegistrationMailsUseCase(
    registrations,
    events,
    new RegistrationRecipients(contacts, settings),
    deliver,
    settings,
    { now: () => new Date('2030-03-01T09:00:00Z') },
  );
  return { sut, requests, recorded, box: settings.linkTokens };
}

const change = (snapshot: RegistrationSnapshot, event: ClubEventSnapshot = lounge()): RegistrationChange => ({
  eventId: event.eventId,
  registrationId: snapshot.registrationId,
  revision: snapshot.revision,
  registration: snapshot,
  event,
  seats: { capacity: 50, confirmed: 1, waiting: 0 },
});

describe(SendRegistrationMailsUseCase.name, () => {
  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  describe('execute', () => {
    it('sends a member one confirmation named by registration and revision, and keeps the registration', async () => {
      const { sut, requests, recorded } = newTestUseCase();
      const causedBy = randomUUID();

      await expect(
        sut.execute(
          { causedBy, change: change(registration({ revision: 3 })), what: { fact: 'confirmed' } },
          firstAttempt,
        ),
      ).resolves.toMatchObject({ sent: 1 });

      expect(requests).toEqual([
        expect.objectContaining({
          kind: 'registration-confirmed',
          memberId: MEMBER_ID,
          causedBy,
          deliveryId: `registration-confirmed:${registration().registrationId}:3`,
          subject: 'Anmeldung bestätigt: Innovators Lounge Ulm: Die smarte Stadt im Alltag',
        }),
      ]);
      const mail = await requests[0].compose();
      expect(mail.to).toEqual({ name: 'Anna Müller', address: contact.email });
      expect(mail.attachments?.map((file) => file.filename)).toEqual(['termin.ics']);
      expect(buttonsOf(mail)).toEqual([
        { label: 'Anmeldung verwalten', link: eventPageOf(lounge().eventId) },
      ]);
      expect(readCalendar(mail.attachments?.[0].content ?? '').entries[0].url).toBe(
        eventPageOf(lounge().eventId),
      );
      expect(recorded).toEqual([registration({ revision: 3 })]);
    });

    it('keeps no waiting registration for the reminders, which go to confirmed people only', async () => {
      const { sut, requests, recorded } = newTestUseCase();
      const waiting = registration({ status: 'waiting', waitingPlace: 5, confirmedAt: undefined });

      await sut.execute(
        { causedBy: randomUUID(), change: change(waiting), what: { fact: 'waitlisted' } },
        firstAttempt,
      );

      expect(requests.map((request) => [request.kind, request.subject])).toEqual([
        ['registration-waitlisted', 'Warteliste, Platz 5: Innovators Lounge Ulm: Die smarte Stadt im Alltag'],
      ]);
      expect(recorded).toEqual([]);
    });

    it('writes to each person of a delegation, each with a delivery of their own and no member id', async () => {
      const { sut, requests, box } = newTestUseCase();
      const people = [
        delegationPerson(box, { email: 'anna.vogel@pegnitz.example' }),
        delegationPerson(
          box,
          { firstName: 'Jan', lastName: 'Kurz', email: 'jan.kurz@pegnitz.example' },
          'civil-society',
        ),
      ];
      const snapshot = delegationRegistration(people);

      await sut.execute(
        { causedBy: randomUUID(), change: change(snapshot, circle()), what: { fact: 'confirmed' } },
        firstAttempt,
      );

      expect(requests.map((request) => [request.deliveryId, request.memberId])).toEqual(
        people.map((person) => [
          `registration-confirmed:${snapshot.registrationId}:1:${person.personId}`,
          undefined,
        ]),
      );
      const mails = await Promise.all(requests.map((request) => request.compose()));
      expect(mails.map((mail) => mail.to.address)).toEqual([
        'anna.vogel@pegnitz.example',
        'jan.kurz@pegnitz.example',
      ]);
      expect(mails[1].text).toMatch(
        /^Guten Tag Jan Kurz,\n\ndie Kommune Pegnitz hat Sie als Vertretung der Zivilgesellschaft angemeldet\./,
      );
      // Delegation people do not sign in: no way into the portal, but the calendar entry links the event.
      expect(mails.map((mail) => buttonsOf(mail))).toEqual([[], []]);
    });

    it('mails a changed delegation’s added, changed and removed people, each what fits', async () => {
      const { sut, requests, box } = newTestUseCase();
      const [stays, added, changed, removed] = [1, 2, 3, 4].map((n) =>
        delegationPerson(box, { email: `person-${n}@pegnitz.example` }),
      );
      const snapshot = delegationRegistration([stays, added, changed], { revision: 4 });

      await sut.execute(
        {
          causedBy: randomUUID(),
          change: change(snapshot, circle()),
          what: {
            fact: 'delegation-changed',
            added: [added.personId],
            changed: [changed.personId],
            removed: [removed],
          },
        },
        firstAttempt,
      );

      expect(requests.map((request) => request.deliveryId)).toEqual([
        `registration-confirmed:${snapshot.registrationId}:4:${added.personId}`,
        `registration-confirmed:${snapshot.registrationId}:4:${changed.personId}`,
        `registration-cancelled:${snapshot.registrationId}:4:${removed.personId}`,
      ]);
      const removal = await requests[2].compose();
      expect(removal.to.address).toBe('person-4@pegnitz.example');
      expect(removal.attachments?.map((file) => file.filename)).toEqual([
        'absage-modul-1.ics',
        'absage-modul-2.ics',
      ]);
    });

    it('writes nobody when the registration ended with the member’s erasure, but keeps it for the reminders', async () => {
      const { sut, requests, recorded } = newTestUseCase();
      const cancelled = registration({
        revision: 2,
        status: 'cancelled',
        cancellation: { cause: 'member-erased' },
      });

      await expect(
        sut.execute(
          {
            causedBy: randomUUID(),
            change: change(cancelled),
            what: { fact: 'cancelled', cause: 'member-erased', previousStatus: 'confirmed' },
          },
          firstAttempt,
        ),
      ).resolves.toMatchObject({ sent: 0 });

      expect(requests).toEqual([]);
      expect(recorded).toEqual([cancelled]);
    });

    it('attaches the removal of the calendar entry only for a seat given up', async () => {
      const { sut, requests } = newTestUseCase();
      const cancelled = registration({
        revision: 2,
        status: 'cancelled',
        cancellation: { cause: 'registrant' },
      });

      await sut.execute(
        {
          causedBy: randomUUID(),
          change: change(cancelled),
          what: { fact: 'cancelled', cause: 'registrant', previousStatus: 'waiting' },
        },
        firstAttempt,
      );
      await sut.execute(
        {
          causedBy: randomUUID(),
          change: change({ ...cancelled, revision: 3 }),
          what: { fact: 'cancelled', cause: 'registrant', previousStatus: 'confirmed' },
        },
        firstAttempt,
      );

      const [fromWaiting, fromSeat] = await Promise.all(requests.map((request) => request.compose()));
      expect(fromWaiting.attachments).toBeUndefined();
      expect(fromSeat.attachments?.map((file) => file.contentType)).toEqual([
        'text/calendar; charset=utf-8; method=CANCEL',
      ]);
    });

    it('shows the newest known event, and sends nothing but cancellations for an event known to be cancelled', async () => {
      const known = lounge({
        revision: 9,
        status: 'cancelled',
        cancellation: { reason: 'Sturm', cancelledAt: '2030-03-01T08:00:00Z' },
      });
      const { sut, requests } = newTestUseCase({ known });

      await expect(
        sut.execute(
          { causedBy: randomUUID(), change: change(registration()), what: { fact: 'confirmed' } },
          firstAttempt,
        ),
      ).resolves.toMatchObject({ sent: 0 });
      await sut.execute(
        {
          causedBy: randomUUID(),
          change: change(registration({ revision: 2, status: 'cancelled' })),
          what: { fact: 'cancelled', cause: 'event-cancelled', previousStatus: 'confirmed' },
        },
        firstAttempt,
      );

      expect(requests.map((request) => request.kind)).toEqual(['registration-cancelled']);
      expect((await requests[0].compose()).text).toContain('Grund der Absage: Sturm');
    });

    it('throws when a mail could not be sent yet, after trying all of them', async () => {
      const { sut, requests, box } = newTestUseCase({
        outcomeOf: (request) => {
          if (request.deliveryId?.endsWith('fails')) throw new MailDeliveryError('x', '421 try later', false);
          return 'sent';
        },
      });
      const people = [delegationPerson(box), delegationPerson(box)];
      const failing = { ...people[0], personId: `${people[0].personId.slice(0, -5)}fails` };

      await expect(
        sut.execute(
          {
            causedBy: randomUUID(),
            change: change(delegationRegistration([failing, people[1]]), circle()),
            what: { fact: 'confirmed' },
          },
          firstAttempt,
        ),
      ).rejects.toThrow('1 von 2 E-Mails nicht zugestellt');
      expect(requests).toHaveLength(2);
    });
  });
});
