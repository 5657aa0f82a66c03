import { MemberErased, RegistrationCancelledEvent } from '@ic/contracts';
import { Logger } from '@nestjs/common';
import {
  actorOf,
  circleEvent,
  loungeEvent,
  staff,
  testUseCaseFactory,
  typesOf,
  withStatus,
} from '../../testing/use-case-test-bed';
import { CancelErasedMemberRegistrationsUseCase } from './cancel-erased-member-registrations.usecase';

const newTestUseCase = testUseCaseFactory(
  (bed) => new CancelErasedMemberRegistrationsUseCase(bed.registrations, bed.cancelUseCase()),
);

function erasureOf(memberId: string): MemberErased {
  return { memberId, erasedBy: staff, erasedAt: '2027-03-01T10:00:00.000Z', endedMembership: true };
}

describe(CancelErasedMemberRegistrationsUseCase.name, () => {
  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  describe('afterErasure', () => {
    it('cancels the member’s own registrations for events to come, keeps past ones and their municipality’s', async () => {
      const { sut, bed, event: coming, member } = newTestUseCase();
      const past = loungeEvent();
      const circle = circleEvent();
      bed.know(past, circle);
      const own = await bed.register(coming.eventId, actorOf(member));
      const attended = await bed.register(past.eventId, actorOf(member));
      const municipality = await bed.register(circle.eventId, actorOf(member), {
        delegation: [
          { firstName: 'Jonas', lastName: 'Beispiel', role: 'mayor', email: 'jonas@hersbruck.example' },
        ],
      });
      bed.know(withStatus(past, 'held'));

      await sut.afterErasure(erasureOf(member.memberId), 'corr-1');

      const published = bed.takePublished();
      expect(typesOf(published)).toEqual([RegistrationCancelledEvent.type]);
      expect(published[0]).toMatchObject({
        correlationId: 'corr-1',
        data: { registrationId: own.registrationId, cause: 'member-erased', by: staff },
      });
      const statusOf = async (registrationId: string) =>
        (await bed.registrations.findById(registrationId))?.entry.status;
      await expect(statusOf(attended.registrationId)).resolves.toBe('confirmed');
      await expect(statusOf(municipality.registrationId)).resolves.toBe('confirmed');
    });

    it('run again, cancels only what is left and publishes nothing twice', async () => {
      const { sut, bed, event, member } = newTestUseCase();
      await bed.register(event.eventId, actorOf(member));
      await sut.afterErasure(erasureOf(member.memberId));
      bed.takePublished();

      await sut.afterErasure(erasureOf(member.memberId));

      expect(bed.takePublished()).toEqual([]);
    });
  });
});
