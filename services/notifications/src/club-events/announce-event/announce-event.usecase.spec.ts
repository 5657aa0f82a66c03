import { ClubEventSnapshot, exampleLoungeSnapshot } from '@ic/contracts';
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { readCalendar } from '../../../../../libs/platform/src/calendar/testing/read-calendar';
import {
  DeliveryOutcome,
  DeliveryRequest,
  MailDeliveryError,
} from '../../deliveries/deliver-mail/deliver-mail.usecase';
import { ContactRecord, ContactsRepository } from '../../replicas/contacts.repository';
import { KnownEventsRepository } from '../../replicas/known-events.repository';
import { newContact } from '../../testing/delivery-factories';
import { buttonsOf } from '../../testing/mail-buttons';
import { AnnounceEventUseCase, AnnouncementIncompleteError } from './announce-event.usecase';
import { mock } from 'jest-mock-extended';
import { firstAttempt, recordingDeliverer } from '../../testing/recording-deliverer';
import { eventsKnowing, newMailSettings } from '../../testing/registration-factories';

const now = new Date('2027-01-20T10:00:00.000Z');

function newTestUseCase(
  contacts: ContactRecord[],
  outcomeOf: (request: DeliveryRequest) => DeliveryOutcome = () => 'sent',
  /** The event as this service knows it by now, if newer than the announcement. */
  known?: ClubEventSnapshot,
) {
  const { deliver, requests } = recordingDeliverer(outcomeOf);
  const repository = mock<ContactsRepository>({ findActive: () => Promise.resolve(contacts) });
  const settings = newMailSettings();
  const events = eventsKnowing(known);
  const noted: [string, boolean][] = [];
  const knownEvents = mock<KnownEventsRepository>({
    recordAnnouncement: (eventId: string, beforeOpening: boolean) =>
      Promise.resolve(void noted.push([eventId, beforeOpening])),
  });
  return {
    sut: new AnnounceEventUseCase(deliver, repository, events, knownEvents, settings, { now: () => now }),
    requests,
    noted,
    unsubscribeTokens: settings.unsubscribeLinks,
  };
}

const eventPage = `https://portal.example/veranstaltungen/${exampleLoungeSnapshot.eventId}`;

const command = (event: ClubEventSnapshot = { ...exampleLoungeSnapshot, status: 'announced' }) => ({
  causedBy: randomUUID(),
  correlationId: 'corr-1',
  event,
});

describe(AnnounceEventUseCase.name, () => {
  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  describe('execute', () => {
    it('asks for one delivery per fitting member, named by the club event and the member', async () => {
      const fits = newContact();
      const optedOut = newContact({ announcementsOptOut: true });
      const otherThemes = newContact({ themes: ['Bildung'] });
      const { sut, requests } = newTestUseCase([fits, optedOut, otherThemes]);
      const announced = command({
        ...exampleLoungeSnapshot,
        status: 'announced',
        announceTo: 'matching-themes',
      });

      await expect(sut.execute(announced, firstAttempt)).resolves.toMatchObject({ sent: 1 });

      expect(requests).toHaveLength(1);
      expect(requests[0]).toMatchObject({
        kind: 'announcement',
        memberId: fits.memberId,
        causedBy: announced.causedBy,
        correlationId: 'corr-1',
        deliveryId: `announcement:${exampleLoungeSnapshot.eventId}:${fits.memberId}`,
        subject: 'Ankündigung: Innovators Lounge Ulm: Die smarte Stadt im Alltag',
      });
    });

    it("writes each mail to the member's address with their own unsubscribe link", async () => {
      const contact = newContact({ salutation: 'Frau', firstName: 'Anna', lastName: 'Müller' });
      const { sut, requests, unsubscribeTokens } = newTestUseCase([contact]);

      await sut.execute(command(), firstAttempt);

      const mail = await requests[0].compose();
      const link = `https://portal.example/abmelden/${unsubscribeTokens.issue(contact.memberId)}`;
      expect(mail.to).toEqual({ name: 'Anna Müller', address: contact.email });
      expect(mail.text.startsWith('Sehr geehrte Frau Müller,')).toBe(true);
      expect(mail.headers).toEqual({
        'List-Unsubscribe': `<${link}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      });
      expect(mail.text).toContain('https://portal.example/api/v1/calendar.ics');
      expect(mail.attachments?.[0]).toMatchObject({ filename: 'termin.ics' });
      expect(mail.attachments?.[0].content).toContain(`UID:${exampleLoungeSnapshot.eventId}@`);
    });

    it('leads to the event page from the mail and from the calendar entry', async () => {
      const { sut, requests } = newTestUseCase([newContact()]);

      await sut.execute(command(), firstAttempt);

      const mail = await requests[0].compose();
      expect(buttonsOf(mail)).toEqual([{ label: 'Interesse bekunden', link: eventPage }]);
      const [entry] = readCalendar(mail.attachments?.[0].content ?? '').entries;
      expect(entry.url).toBe(eventPage);
      expect(entry.description?.split('\n').at(-1)).toBe(`Details: ${eventPage}`);
    });

    it('notes that the announcement named an opening still ahead, or that registration was open', async () => {
      const ahead = newTestUseCase([newContact()]);
      const open = newTestUseCase([newContact()]);
      const opensSoon = { opensAt: '2027-02-01T09:00:00+01:00', closesAt: '2027-04-08T23:59:00+02:00' };
      const openedAlready = { opensAt: '2027-01-20T09:00:00+01:00', closesAt: '2027-04-08T23:59:00+02:00' };

      await ahead.sut.execute(
        command({ ...exampleLoungeSnapshot, status: 'announced', registration: opensSoon }),
        firstAttempt,
      );
      await open.sut.execute(
        command({ ...exampleLoungeSnapshot, status: 'announced', registration: openedAlready }),
        firstAttempt,
      );

      expect(ahead.noted).toEqual([[exampleLoungeSnapshot.eventId, true]]);
      expect(open.noted).toEqual([[exampleLoungeSnapshot.eventId, false]]);
      const [aheadMail, openMail] = await Promise.all([
        ahead.requests[0].compose(),
        open.requests[0].compose(),
      ]);
      expect(buttonsOf(aheadMail)[0].label).toBe('Interesse bekunden');
      expect(buttonsOf(openMail)[0].label).toBe('Jetzt anmelden');
    });

    it('tells registration as it stands when handled again after the office opened it early: no old date', async () => {
      const announced = command();
      const openedEarly: ClubEventSnapshot = {
        ...exampleLoungeSnapshot,
        revision: exampleLoungeSnapshot.revision + 1,
        status: 'registration-open',
      };
      const { sut, requests } = newTestUseCase([newContact()], () => 'sent', openedEarly);

      await sut.execute(announced, firstAttempt);

      const mail = await requests[0].compose();
      expect(mail.text).toContain(
        'Die Anmeldung ist geöffnet: Sie können sich bis Donnerstag, 8. April 2027, 23:59 Uhr anmelden.',
      );
      expect(mail.text).not.toContain('1. Februar 2027');
      expect(buttonsOf(mail)).toEqual([{ label: 'Jetzt anmelden', link: eventPage }]);
    });

    it('sends nothing when the event is known to be cancelled by then', async () => {
      const cancelled: ClubEventSnapshot = {
        ...exampleLoungeSnapshot,
        revision: exampleLoungeSnapshot.revision + 1,
        status: 'cancelled',
        cancellation: { reason: 'Der Saal steht nicht zur Verfügung.', cancelledAt: now.toISOString() },
      };
      const { sut, requests, noted } = newTestUseCase([newContact()], () => 'sent', cancelled);

      await expect(sut.execute(command(), firstAttempt)).resolves.toMatchObject({ sent: 0 });

      expect(requests).toEqual([]);
      expect(noted).toEqual([]);
    });

    it('counts what was sent before, as the deliveries report it', async () => {
      const contacts = [newContact(), newContact(), newContact()];
      const { sut } = newTestUseCase(contacts, (request) =>
        request.memberId === contacts[1].memberId ? 'sent' : 'already-sent',
      );

      await expect(sut.execute(command(), firstAttempt)).resolves.toMatchObject({
        sent: 1,
        'already-sent': 2,
      });
    });

    it('goes on past a mail that failed for now, then throws so that the event is handled again', async () => {
      const contacts = [newContact(), newContact(), newContact()];
      const { sut, requests } = newTestUseCase(contacts, (request) => {
        if (request.memberId === contacts[0].memberId) {
          throw new MailDeliveryError(request.deliveryId ?? '', '421 try again later', false);
        }
        return 'sent';
      });

      await expect(sut.execute(command(), firstAttempt)).rejects.toThrow(AnnouncementIncompleteError);

      expect(requests.map((request) => request.memberId)).toEqual(
        contacts.map((contact) => contact.memberId),
      );
    });

    it('stops on anything but a failed mail (the database is gone, say)', async () => {
      const contacts = Array.from({ length: 20 }, () => newContact());
      const { sut, requests } = newTestUseCase(contacts, () => {
        throw new Error('connection refused');
      });

      await expect(sut.execute(command(), firstAttempt)).rejects.toThrow('connection refused');

      // Only the few mails already under way when it failed were asked for.
      expect(requests.length).toBeLessThanOrEqual(4);
    });

    it('sends nothing for an event that is over by the time the announcement is handled', async () => {
      const { sut, requests } = newTestUseCase([newContact()]);
      const over = command({
        ...exampleLoungeSnapshot,
        startsAt: '2027-01-15T17:00:00+01:00',
        endsAt: '2027-01-15T21:00:00+01:00',
      });

      await expect(sut.execute(over, firstAttempt)).resolves.toMatchObject({ sent: 0 });

      expect(requests).toHaveLength(0);
    });
  });
});
