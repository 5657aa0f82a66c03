import { ClubEventChange, ClubEventSnapshot } from '@ic/contracts';
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DeliveriesRepository } from '../../deliveries/deliveries.repository';
import { MailsIncompleteError } from '../../deliveries/deliver-mail/deliver-each';
import {
  DeliveryOutcome,
  DeliveryRequest,
  MailDeliveryError,
} from '../../deliveries/deliver-mail/deliver-mail.usecase';
import { ContactRecord, ContactsRepository } from '../../replicas/contacts.repository';
import { KnownEventsRepository } from '../../replicas/known-events.repository';
import { KnownInterestsRepository } from '../../replicas/known-interests.repository';
import { buttonsOf } from '../../testing/mail-buttons';
import { eventPageOf, eventsKnowing, lounge, newMailSettings } from '../../testing/registration-factories';
import { AnnounceRegistrationOpeningUseCase } from './announce-registration-opening.usecase';
import { mock } from 'jest-mock-extended';
import { newContact, sentDelivery } from '../../testing/delivery-factories';
import { firstAttempt, recordingDeliverer } from '../../testing/recording-deliverer';

/** Before the lounge's window opens (1 February 2030, 09:00): the office opened it early. */
const early = new Date('2030-01-20T10:00:00Z');
/** After it opened: registration opened at its date. */
const onTime = new Date('2030-02-01T08:00:30Z');

interface TestOptions {
  readonly contacts: readonly ContactRecord[];
  /** Members this service knows to have declared interest. */
  readonly interested?: readonly string[];
  /** Members whose announcement was not sent (all others' was). */
  readonly notAnnouncedTo?: readonly string[];
  /** What the announcement said: an opening still ahead (true), registration open (false), nothing here (undefined). */
  readonly announcedBeforeOpening?: boolean;
  /** The event as known by now, if newer than RegistrationOpened's. */
  readonly known?: ClubEventSnapshot;
  readonly now?: Date;
  readonly outcomeOf?: (request: DeliveryRequest) => DeliveryOutcome;
}

function newTestUseCase(options: TestOptions) {
  const settings = newMailSettings();
  const { deliver, requests } = recordingDeliverer(options.outcomeOf);
  const events = eventsKnowing(options.known);
  const knownEvents = mock<KnownEventsRepository>({
    wasAnnouncedBeforeOpening: () => Promise.resolve(options.announcedBeforeOpening === true),
  });
  const interests = mock<KnownInterestsRepository>({
    declared: (_eventId: string, memberId: string) =>
      Promise.resolve((options.interested ?? []).includes(memberId)),
  });
  const contacts = mock<ContactsRepository>({
    findActive: () => Promise.resolve([...options.contacts]),
  });
  const deliveries = mock<DeliveriesRepository>({
    find: (id: string) =>
      Promise.resolve(
        (options.notAnnouncedTo ?? []).some((memberId) => id.endsWith(memberId))
          ? undefined
          : sentDelivery(id),
      ),
  });
  const now = options.now ?? early;
  return {
    sut: new AnnounceRegistrationOpeningUseCase(
      events,
      knownEvents,
      interests,
      contacts,
      deliveries,
      deliver,
      settings,
      {
        now: () => now,
      },
    ),
    requests,
    unsubscribeTokens: settings.unsubscribeLinks,
  };
}

const opened = (event: ClubEventSnapshot = lounge({ announceTo: 'matching-themes' })) => ({
  causedBy: randomUUID(),
  correlationId: 'corr-1',
  change: {
    eventId: event.eventId,
    revision: event.revision,
    by: { subject: 'staff-1', role: 'staff' },
    event,
  } satisfies ClubEventChange,
});

describe(AnnounceRegistrationOpeningUseCase.name, () => {
  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  describe('execute', () => {
    it('tells each member of the announced audience once, by a delivery per event and member', async () => {
      const fits = newContact();
      const optedOut = newContact({ announcementsOptOut: true });
      const otherThemes = newContact({ themes: ['Bildung'] });
      const inactive = newContact({ status: 'inactive' });
      const { sut, requests } = newTestUseCase({
        contacts: [fits, optedOut, otherThemes, inactive],
        announcedBeforeOpening: true,
      });
      const command = opened();

      await expect(sut.execute(command, firstAttempt)).resolves.toMatchObject({ sent: 1 });

      expect(requests).toEqual([
        expect.objectContaining({
          kind: 'registration-opened',
          memberId: fits.memberId,
          causedBy: command.causedBy,
          correlationId: 'corr-1',
          deliveryId: `registration-opened:${lounge().eventId}:${fits.memberId}`,
          subject: 'Anmeldung geöffnet: Innovators Lounge Ulm: Die smarte Stadt im Alltag',
        }),
      ]);
    });

    it('leaves members who declared interest to their own mail, which reaches them whatever their preference', async () => {
      const interested = newContact();
      const other = newContact();
      const { sut, requests } = newTestUseCase({
        contacts: [interested, other],
        interested: [interested.memberId],
        announcedBeforeOpening: true,
      });

      await sut.execute(opened(), firstAttempt);

      expect(requests.map((request) => request.memberId)).toEqual([other.memberId]);
    });

    it('tells only members who got the announcement: one who joined since finds the event in the portal', async () => {
      const announcedTo = newContact();
      const joinedSince = newContact();
      const { sut, requests } = newTestUseCase({
        contacts: [announcedTo, joinedSince],
        notAnnouncedTo: [joinedSince.memberId],
        announcedBeforeOpening: true,
      });

      await sut.execute(opened(), firstAttempt);

      expect(requests.map((request) => request.memberId)).toEqual([announcedTo.memberId]);
    });

    it('writes that the office opened registration early, leads to the event page and can be switched off', async () => {
      const contact = newContact({ firstName: 'Anna', lastName: 'Müller' });
      const { sut, requests, unsubscribeTokens } = newTestUseCase({
        contacts: [contact],
        announcedBeforeOpening: true,
      });

      await sut.execute(opened(), firstAttempt);

      const mail = await requests[0].compose();
      expect(mail.to).toEqual({ name: 'Anna Müller', address: contact.email });
      expect(mail.text).toMatch(
        /^Sehr geehrte Frau Müller,\n\nwir haben Ihnen die folgende Veranstaltung angekündigt\. Die Geschäftsstelle hat die Anmeldung früher als angekündigt geöffnet:/,
      );
      expect(mail.text).not.toContain('1. Februar 2030');
      expect(buttonsOf(mail)).toEqual([{ label: 'Jetzt anmelden', link: eventPageOf(lounge().eventId) }]);
      const unsubscribe = `https://portal.example/abmelden/${unsubscribeTokens.issue(contact.memberId)}`;
      expect(mail.headers).toMatchObject({ 'List-Unsubscribe': `<${unsubscribe}>` });
    });

    it('says registration opened as announced when it opened at the window’s date', async () => {
      const { sut, requests } = newTestUseCase({
        contacts: [newContact()],
        announcedBeforeOpening: true,
        now: onTime,
      });

      await sut.execute(opened(), firstAttempt);

      const mail = await requests[0].compose();
      expect(mail.text).toContain(
        'wir haben Ihnen die folgende Veranstaltung angekündigt. Die Anmeldung ist jetzt geöffnet:',
      );
    });

    it('sends nothing when the announcement already said registration was open, or was not sent here', async () => {
      for (const announcedBeforeOpening of [false, undefined]) {
        const { sut, requests } = newTestUseCase({ contacts: [newContact()], announcedBeforeOpening });

        await expect(sut.execute(opened(), firstAttempt)).resolves.toMatchObject({ sent: 0 });

        expect(requests).toEqual([]);
      }
    });

    it('sends nothing when registration is closed or the event cancelled by the time it is handled', async () => {
      const closed = lounge({ revision: 6, status: 'registration-closed' });
      const { sut, requests } = newTestUseCase({
        contacts: [newContact()],
        announcedBeforeOpening: true,
        known: closed,
      });

      await expect(sut.execute(opened(), firstAttempt)).resolves.toMatchObject({ sent: 0 });

      expect(requests).toEqual([]);
    });

    it('goes on past a mail that failed for now, then throws so that the event is handled again', async () => {
      const contacts = [newContact(), newContact(), newContact()];
      const { sut, requests } = newTestUseCase({
        contacts,
        announcedBeforeOpening: true,
        outcomeOf: (request) => {
          if (request.memberId === contacts[1].memberId) {
            throw new MailDeliveryError(request.deliveryId ?? '', '421 try again later', false);
          }
          return 'sent';
        },
      });

      await expect(sut.execute(opened(), firstAttempt)).rejects.toThrow(MailsIncompleteError);

      expect(requests).toHaveLength(3);
    });
  });
});
