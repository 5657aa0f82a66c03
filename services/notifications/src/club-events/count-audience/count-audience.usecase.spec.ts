import { ClubEventSnapshot } from '@ic/contracts';
import { ForbiddenError, UnauthenticatedError } from '@ic/platform';
import { DeliveriesRepository } from '../../deliveries/deliveries.repository';
import { ContactRecord, ContactsRepository } from '../../replicas/contacts.repository';
import { KnownEventsRepository } from '../../replicas/known-events.repository';
import { KnownInterestsRepository } from '../../replicas/known-interests.repository';
import { circle, lounge } from '../../testing/registration-factories';
import { CountAudienceUseCase } from './count-audience.usecase';
import { mock } from 'jest-mock-extended';
import { newContact, sentDelivery } from '../../testing/delivery-factories';
import { anonymous, member, staff } from '../../testing/callers';

interface TestOptions {
  readonly contacts: readonly ContactRecord[];
  /** What the announcement said: an opening still ahead (true), registration open (false), nothing here (undefined). */
  readonly announcedBeforeOpening?: boolean;
  /** Members whose announcement was sent. */
  readonly announcedTo?: readonly string[];
  readonly interested?: readonly string[];
}

function newTestUseCase(options: TestOptions) {
  const contacts = mock<ContactsRepository>({
    findActive: () => Promise.resolve(options.contacts.filter((contact) => contact.status === 'active')),
  });
  const knownEvents = mock<KnownEventsRepository>({
    wasAnnouncedBeforeOpening: () => Promise.resolve(options.announcedBeforeOpening === true),
  });
  const deliveries = mock<DeliveriesRepository>({
    find: (id: string) =>
      Promise.resolve(
        (options.announcedTo ?? []).some((memberId) => id.endsWith(memberId)) ? sentDelivery(id) : undefined,
      ),
  });
  const interests = mock<KnownInterestsRepository>({
    declared: (_eventId: string, memberId: string) =>
      Promise.resolve((options.interested ?? []).includes(memberId)),
  });
  return { sut: new CountAudienceUseCase(contacts, knownEvents, deliveries, interests) };
}

const request = (event: ClubEventSnapshot) => ({ event });

describe(CountAudienceUseCase.name, () => {
  describe('execute', () => {
    it('counts the members an announcement to matching themes would reach, as the announcement picks them', async () => {
      const fits = newContact();
      const { sut } = newTestUseCase({
        contacts: [
          fits,
          newContact({ announcementsOptOut: true }),
          newContact({ themes: ['Bildung'] }),
          newContact({ status: 'inactive' }),
        ],
      });
      const event = lounge({ status: 'draft', announceTo: 'matching-themes' });

      await expect(sut.execute(request(event), staff)).resolves.toEqual({
        eventId: event.eventId,
        announcement: 1,
        registrationOpened: 0,
      });
    });

    it("counts a Kommunalzirkel's target group by the municipality's Land and population", async () => {
      const { sut } = newTestUseCase({
        contacts: [
          newContact({ municipality: { ags: '09472175', population: 13_500 } }),
          newContact({ municipality: { ags: '09162000', population: 1_510_000 } }),
          newContact({ municipality: { ags: '05315000', population: 20_000 } }),
          newContact(),
        ],
      });

      await expect(sut.execute(request(circle({ status: 'draft' })), staff)).resolves.toMatchObject({
        announcement: 1,
      });
    });

    it('counts for the opening those of the audience whose announcement was sent, without interest holders', async () => {
      const told = newContact();
      const interested = newContact();
      const notAnnounced = newContact();
      const { sut } = newTestUseCase({
        contacts: [told, interested, notAnnounced],
        announcedBeforeOpening: true,
        announcedTo: [told.memberId, interested.memberId],
        interested: [interested.memberId],
      });

      await expect(
        sut.execute(request(lounge({ status: 'announced', announceTo: 'all-members' })), staff),
      ).resolves.toMatchObject({ announcement: 3, registrationOpened: 1 });
    });

    it('counts nobody for the opening when the announcement said registration was open', async () => {
      const told = newContact();
      const { sut } = newTestUseCase({
        contacts: [told],
        announcedBeforeOpening: false,
        announcedTo: [told.memberId],
      });

      await expect(sut.execute(request(lounge({ status: 'announced' })), staff)).resolves.toMatchObject({
        registrationOpened: 0,
      });
    });

    it('answers only the office', async () => {
      const { sut } = newTestUseCase({ contacts: [newContact()] });

      await expect(sut.execute(request(lounge()), member)).rejects.toThrow(ForbiddenError);
      await expect(sut.execute(request(lounge()), anonymous)).rejects.toThrow(UnauthenticatedError);
    });
  });
});
