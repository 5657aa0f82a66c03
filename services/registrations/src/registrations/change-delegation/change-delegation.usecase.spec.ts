import { DelegationChanged, DelegationChangedEvent, DelegationPersonDto } from '@ic/contracts';
import { NotFoundError } from '@ic/platform';
import {
  actorOf,
  circleEvent,
  knownMember,
  staff,
  testUseCaseFactory,
  typesOf,
} from '../../testing/use-case-test-bed';
import { RegistrationMessages } from '../registration.messages';
import { ChangeDelegationUseCase } from './change-delegation.usecase';

const afterClosing = new Date('2027-04-10T08:00:00.000Z');

function person(firstName: string, overrides: Partial<DelegationPersonDto> = {}): DelegationPersonDto {
  return {
    salutation: 'Frau',
    firstName,
    lastName: 'Beispiel',
    role: 'administration',
    email: `${firstName.toLowerCase()}@hersbruck.example`,
    ...overrides,
  };
}

const newTestUseCase = testUseCaseFactory(
  (bed) => new ChangeDelegationUseCase(bed.updates, bed.members, bed.seats, bed.clock),
);

/** The use case on Hersbruck's delegation of Anna and Ben to the Kommunalzirkel, registered by its mayor. */
async function registeredDelegation() {
  const { sut, bed, event, member: mayor } = newTestUseCase(circleEvent());
  const registration = await bed.register(event.eventId, actorOf(mayor), {
    delegation: [person('Anna'), person('Ben')],
  });
  const [anna, ben] = registration.delegation ?? [];
  return { sut, bed, event, mayor, registration, anna, ben };
}

describe(ChangeDelegationUseCase.name, () => {
  describe('execute', () => {
    it('keeps the people named by id, adds the new ones, drops those left out, and publishes DelegationChanged', async () => {
      const { sut, bed, mayor, registration, anna, ben } = await registeredDelegation();

      const reply = await sut.execute(
        registration.registrationId,
        { people: [person('Anna', { personId: anna.personId, lastName: 'Neumann' }), person('Carla')] },
        actorOf(mayor),
        'corr-1',
      );

      const [kept, added] = reply.delegation ?? [];
      expect(kept).toMatchObject({ personId: anna.personId, lastName: 'Neumann' });
      expect(added.personId).not.toEqual(ben.personId);
      const published = bed.takePublished();
      expect(typesOf(published)).toEqual([DelegationChangedEvent.type]);
      expect(published[0].data as DelegationChanged).toMatchObject({
        added: [added.personId],
        changed: [anna.personId],
        // The removed, with their sealed contact for a last mail.
        removed: [expect.objectContaining({ personId: ben.personId, contact: expect.any(String) })],
        by: actorOf(mayor),
      });
    });

    it('publishes nothing when the delegation stays the same', async () => {
      const { sut, bed, mayor, registration, anna, ben } = await registeredDelegation();

      await sut.execute(
        registration.registrationId,
        { people: [person('Anna', { personId: anna.personId }), person('Ben', { personId: ben.personId })] },
        actorOf(mayor),
      );

      expect(bed.takePublished()).toEqual([]);
    });

    it('refuses more people than the event allows (delegation-size) and changes nothing', async () => {
      const { sut, bed, mayor, registration } = await registeredDelegation();

      await expect(
        sut.execute(
          registration.registrationId,
          { people: [person('Anna'), person('Ben'), person('Carla'), person('Dora')] },
          actorOf(mayor),
        ),
      ).rejects.toMatchObject({ rule: 'delegation-size' });
      expect(bed.takePublished()).toEqual([]);
    });

    it('refuses a person id that is not in the delegation with 404', async () => {
      const { sut, mayor, registration } = await registeredDelegation();

      await expect(
        sut.execute(
          registration.registrationId,
          { people: [person('Anna', { personId: '0f0e0d0c-0b0a-4908-8706-050403020100' })] },
          actorOf(mayor),
        ),
      ).rejects.toThrow(new NotFoundError(RegistrationMessages.personNotFound));
    });

    it('refuses the registrant after registration closed (change-deadline), the office may still', async () => {
      const { sut, bed, mayor, registration } = await registeredDelegation();
      bed.clock.instant = afterClosing;

      await expect(
        sut.execute(registration.registrationId, { people: [person('Carla')] }, actorOf(mayor)),
      ).rejects.toMatchObject({ rule: 'change-deadline' });
      await expect(
        sut.execute(registration.registrationId, { people: [person('Carla')] }, staff),
      ).resolves.toMatchObject({ delegation: [{ firstName: 'Carla' }] });
    });

    it('lets another member of the same municipality change it, and tells anyone else it does not exist', async () => {
      const { sut, bed, registration } = await registeredDelegation();
      const colleague = knownMember();
      const stranger = knownMember({
        municipality: { name: 'Pegnitz', ags: '09472183', population: 13_300 },
      });
      bed.know(colleague, stranger);

      await expect(
        sut.execute(registration.registrationId, { people: [person('Carla')] }, actorOf(stranger)),
      ).rejects.toThrow(new NotFoundError(RegistrationMessages.registrationNotFound));
      await expect(
        sut.execute(registration.registrationId, { people: [person('Carla')] }, actorOf(colleague)),
      ).resolves.toMatchObject({ delegation: [{ firstName: 'Carla' }] });
    });
  });
});
