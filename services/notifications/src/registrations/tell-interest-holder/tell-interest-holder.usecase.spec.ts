import { ClubEventSnapshot, InterestHolder, InterestRegistrationOpened } from '@ic/contracts';
import { sealPersonContact } from '@ic/platform';
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ContactRecord, ContactsRepository } from '../../replicas/contacts.repository';
import { buttonsOf } from '../../testing/mail-buttons';
import {
  circle,
  eventPageOf,
  eventsKnowing,
  lounge,
  MEMBER_ID,
  newMailSettings,
} from '../../testing/registration-factories';
import { RegistrationRecipients } from '../registration-recipients';
import { TellInterestHolderUseCase } from './tell-interest-holder.usecase';
import { mock } from 'jest-mock-extended';
import { firstAttempt, recordingDeliverer } from '../../testing/recording-deliverer';

const contact: ContactRecord = {
  memberId: MEMBER_ID,
  salutation: 'Herr',
  officeTitle: 'Bürgermeister',
  firstName: 'Uwe',
  lastName: 'Raab',
  email: 'uwe.raab@pegnitz.example',
  status: 'active',
  themes: [],
  // Announcements off: an interest holder asked to be told all the same.
  announcementsOptOut: true,
};

function newTestUseCase(options: { known?: ClubEventSnapshot; now?: Date } = {}) {
  const settings = newMailSettings();
  const { deliver, requests } = recordingDeliverer();
  const events = eventsKnowing(options.known);
  const contacts = mock<ContactsRepository>({ find: () => Promise.resolve(contact) });
  const now = options.now ?? new Date('2030-03-01T09:00:00Z');
  const sut = new TellInterestHolderUseCase(
    events,
    new RegistrationRecipients(contacts, settings),
    deliver,
    settings,
    { now: () => now },
  );
  return { sut, requests, box: settings.linkTokens };
}

const command = (holder: InterestHolder, event: ClubEventSnapshot = lounge()) => {
  const opened: InterestRegistrationOpened = {
    eventId: event.eventId,
    interestId: randomUUID(),
    holder,
    event,
  };
  return { causedBy: randomUUID(), opened };
};
const pegnitz = { name: 'Pegnitz', ags: '09472175', population: 13_700 };

describe(TellInterestHolderUseCase.name, () => {
  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  describe('execute', () => {
    it('tells a member by the delivery of the event and member, which the announced audience’s mail shares', async () => {
      const { sut, requests } = newTestUseCase();

      await sut.execute(command({ kind: 'member', memberId: MEMBER_ID }), firstAttempt);

      expect(requests).toEqual([
        expect.objectContaining({
          kind: 'registration-opened',
          memberId: MEMBER_ID,
          deliveryId: `registration-opened:${lounge().eventId}:${MEMBER_ID}`,
        }),
      ]);
      const mail = await requests[0].compose();
      expect(mail.to.address).toBe(contact.email);
      expect(mail.text).toContain('Sie haben Interesse an der folgenden Veranstaltung bekundet.');
      expect(buttonsOf(mail)).toEqual([{ label: 'Jetzt anmelden', link: eventPageOf(lounge().eventId) }]);
    });

    it('says the office opened registration early while the window’s date is still ahead', async () => {
      const { sut, requests } = newTestUseCase({ now: new Date('2030-01-15T09:00:00Z') });

      await sut.execute(command({ kind: 'member', memberId: MEMBER_ID }), firstAttempt);

      const mail = await requests[0].compose();
      expect(mail.text).toContain('Die Geschäftsstelle hat die Anmeldung früher als angekündigt geöffnet:');
    });

    it('writes to the contact person of a municipality once per interest, without a link into the portal', async () => {
      const { sut, requests, box } = newTestUseCase();
      const sealed = sealPersonContact(box, {
        salutation: 'keine',
        firstName: 'Andrea',
        lastName: 'Lindner',
        email: 'andrea.lindner@hersbruck.example',
      });
      const told = command({ kind: 'municipality', municipality: pegnitz, contact: sealed }, circle());

      await sut.execute(told, firstAttempt);

      expect(requests.map((request) => [request.deliveryId, request.memberId])).toEqual([
        [`registration-opened:${told.opened.interestId}`, undefined],
      ]);
      const mail = await requests[0].compose();
      expect(mail.to.address).toBe('andrea.lindner@hersbruck.example');
      expect(buttonsOf(mail)).toEqual([]);
      expect(mail.text).toContain('Die Anmeldung Ihrer Kommune nimmt die Geschäftsstelle vor');
    });

    it('tells nobody once registration is known to be closed again', async () => {
      const { sut, requests } = newTestUseCase({
        known: lounge({ revision: 9, status: 'registration-closed' }),
      });

      await expect(sut.execute(command({ kind: 'member', memberId: MEMBER_ID }), firstAttempt)).resolves.toBe(
        'nobody',
      );

      expect(requests).toEqual([]);
    });
  });
});
