import { RegistrationCancelled, RegistrationCancelledEvent, RegistrationPromotedEvent } from '@ic/contracts';
import { NotFoundError } from '@ic/platform';
import {
  actorOf,
  knownMember,
  loungeEvent,
  staff,
  testUseCaseFactory,
  typesOf,
  withStatus,
} from '../../testing/use-case-test-bed';
import { RegistrationMessages } from '../registration.messages';
import { seatDecisionsCounted } from '../seat-decisions.metrics';
import { CancelRegistrationUseCase } from './cancel-registration.usecase';

const afterClosing = new Date('2027-04-10T08:00:00.000Z');

const newTestUseCase = testUseCaseFactory((bed) => bed.cancelUseCase());

/** The use case on a full lounge of one seat: `seated` has it, `waiting` is first on the waiting list. */
async function fullLounge() {
  const { sut, bed, event, member: seated } = newTestUseCase(loungeEvent({ capacity: 1 }));
  const waiting = knownMember();
  bed.know(waiting);
  const seat = await bed.register(event.eventId, actorOf(seated));
  const place = await bed.register(event.eventId, actorOf(waiting));
  return { sut, bed, event, seated, waiting, seat, place };
}

describe(CancelRegistrationUseCase.name, () => {
  describe('execute', () => {
    it("cancels the registrant's seat and gives it to the first on the waiting list, in one go", async () => {
      const { sut, bed, seated, seat, place } = await fullLounge();

      const reply = await sut.execute(seat.registrationId, actorOf(seated), 'corr-1');

      expect(reply).toMatchObject({ registrationId: seat.registrationId, status: 'cancelled' });
      const published = bed.takePublished();
      expect(typesOf(published)).toEqual([RegistrationCancelledEvent.type, RegistrationPromotedEvent.type]);
      expect(published[0].data as RegistrationCancelled).toMatchObject({
        cause: 'registrant',
        previousStatus: 'confirmed',
        by: actorOf(seated),
      });
      expect(published[1].data).toMatchObject({
        registrationId: place.registrationId,
        cause: 'seat-freed',
      });
    });

    it('counts the promotion from the waiting list in the metrics, once', async () => {
      const { sut, seated, seat } = await fullLounge();
      const before = await seatDecisionsCounted('promoted');

      await sut.execute(seat.registrationId, actorOf(seated));
      await sut.execute(seat.registrationId, actorOf(seated));

      expect((await seatDecisionsCounted('promoted')) - before).toBe(1);
    });

    it('changes nothing when cancelled again', async () => {
      const { sut, bed, seated, seat } = await fullLounge();
      await sut.execute(seat.registrationId, actorOf(seated));
      bed.takePublished();

      await expect(sut.execute(seat.registrationId, actorOf(seated))).resolves.toMatchObject({
        status: 'cancelled',
      });
      expect(bed.takePublished()).toEqual([]);
    });

    it('refuses the registrant after registration closed (cancellation-deadline), the office may still', async () => {
      const { sut, bed, seated, seat } = await fullLounge();
      bed.clock.instant = afterClosing;

      await expect(sut.execute(seat.registrationId, actorOf(seated))).rejects.toMatchObject({
        rule: 'cancellation-deadline',
      });
      expect(bed.takePublished()).toEqual([]);

      await expect(sut.execute(seat.registrationId, staff)).resolves.toMatchObject({ status: 'cancelled' });
      expect(bed.takePublished()[0].data).toMatchObject({ cause: 'staff', by: staff });
    });

    it('refuses for a held event (event-held), even the office', async () => {
      const { sut, bed, event, seat } = await fullLounge();
      bed.know(withStatus(event, 'held'));

      await expect(sut.execute(seat.registrationId, staff)).rejects.toMatchObject({ rule: 'event-held' });
    });

    it('tells another member that the registration does not exist (404), and cancels nothing', async () => {
      const { sut, bed, seat } = await fullLounge();
      const stranger = knownMember({
        municipality: { name: 'Pegnitz', ags: '09472183', population: 13_300 },
      });
      bed.know(stranger);

      await expect(sut.execute(seat.registrationId, actorOf(stranger))).rejects.toThrow(
        new NotFoundError(RegistrationMessages.registrationNotFound),
      );
      expect(bed.takePublished()).toEqual([]);
    });

    it('answers 404 for a registration that does not exist', async () => {
      const { sut } = newTestUseCase();

      await expect(sut.execute('0f0e0d0c-0b0a-4908-8706-050403020100', staff)).rejects.toThrow(
        new NotFoundError(RegistrationMessages.registrationNotFound),
      );
    });
  });

  describe('cancelForErasedMember', () => {
    it('cancels a registration for an event still to come, cause member-erased', async () => {
      const { sut, bed, seat } = await fullLounge();

      await expect(sut.cancelForErasedMember(seat.registrationId, staff)).resolves.toBe(true);

      const published = bed.takePublished();
      expect(typesOf(published)).toEqual([RegistrationCancelledEvent.type, RegistrationPromotedEvent.type]);
      expect(published[0].data).toMatchObject({ cause: 'member-erased', by: staff });
      await expect(sut.cancelForErasedMember(seat.registrationId, staff)).resolves.toBe(false);
    });

    it('keeps a registration for an event that has taken place', async () => {
      const { sut, bed, event, seat } = await fullLounge();
      bed.know(withStatus(event, 'held'));

      await expect(sut.cancelForErasedMember(seat.registrationId, staff)).resolves.toBe(false);
      expect(bed.takePublished()).toEqual([]);
    });
  });
});
