import { AttendanceRecorded, AttendanceRecordedEvent } from '@ic/contracts';
import { ForbiddenError, NotFoundError } from '@ic/platform';
import {
  actorOf,
  CIRCLE_MODULE_ID,
  circleEvent,
  knownMember,
  loungeEvent,
  staff,
  testUseCaseFactory,
  typesOf,
} from '../../testing/use-case-test-bed';
import { RegistrationMessages } from '../registration.messages';
import { RecordAttendanceUseCase } from './record-attendance.usecase';

/** The evening of the example lounge (15 April 2027, 17:00–21:00 in Berlin). */
const onTheDay = new Date('2027-04-15T16:30:00.000Z');
const theEveningBefore = new Date('2027-04-14T19:00:00.000Z');

const newTestUseCase = testUseCaseFactory((bed) => new RecordAttendanceUseCase(bed.updates, bed.clock));

/** The use case on the evening of a lounge of `capacity` seats, for which the member registered. */
async function registeredMember(capacity = 5) {
  const { sut, bed, event, member } = newTestUseCase(loungeEvent({ capacity }));
  const registration = await bed.register(event.eventId, actorOf(member));
  bed.clock.instant = onTheDay;
  return { sut, bed, event, member, registration };
}

describe(RecordAttendanceUseCase.name, () => {
  describe('execute', () => {
    it('marks a confirmed member as come on the event’s day and publishes AttendanceRecorded', async () => {
      const { sut, bed, registration } = await registeredMember();

      const reply = await sut.execute(registration.registrationId, { attended: true }, staff, 'corr-1');

      expect(reply).toMatchObject({ registrationId: registration.registrationId, attended: true });
      const published = bed.takePublished();
      expect(typesOf(published)).toEqual([AttendanceRecordedEvent.type]);
      expect(published[0].data as AttendanceRecorded).toMatchObject({ attended: true, by: staff });
    });

    it('publishes nothing for the same mark again, and takes a mark back', async () => {
      const { sut, bed, registration } = await registeredMember();
      await sut.execute(registration.registrationId, { attended: true }, staff);
      bed.takePublished();

      await sut.execute(registration.registrationId, { attended: true }, staff);
      expect(bed.takePublished()).toEqual([]);

      await expect(
        sut.execute(registration.registrationId, { attended: false }, staff),
      ).resolves.toMatchObject({ attended: false });
      expect(typesOf(bed.takePublished())).toEqual([AttendanceRecordedEvent.type]);
    });

    it('refuses a tick the evening before (attendance-not-today) and stores nothing', async () => {
      const { sut, bed, registration } = await registeredMember();
      bed.clock.instant = theEveningBefore;

      await expect(sut.execute(registration.registrationId, { attended: true }, staff)).rejects.toMatchObject(
        {
          rule: 'attendance-not-today',
        },
      );
      expect(bed.takePublished()).toEqual([]);
    });

    it('checks in only confirmed registrations (attendance-not-confirmed)', async () => {
      const { sut, bed, event } = await registeredMember(1);
      const waiting = knownMember();
      bed.know(waiting);
      bed.clock.instant = new Date('2027-03-01T10:00:00.000Z');
      const place = await bed.register(event.eventId, actorOf(waiting));
      bed.clock.instant = onTheDay;

      await expect(sut.execute(place.registrationId, { attended: true }, staff)).rejects.toMatchObject({
        rule: 'attendance-not-confirmed',
      });
    });

    it('is the office’s: a member is refused with 403', async () => {
      const { sut, bed, member, registration } = await registeredMember();

      await expect(
        sut.execute(registration.registrationId, { attended: true }, actorOf(member)),
      ).rejects.toBeInstanceOf(ForbiddenError);
      expect(bed.takePublished()).toEqual([]);
    });

    it('answers 404 for a registration that does not exist', async () => {
      const { sut } = newTestUseCase();

      await expect(
        sut.execute('0f0e0d0c-0b0a-4908-8706-050403020100', { attended: true }, staff),
      ).rejects.toThrow(new NotFoundError(RegistrationMessages.registrationNotFound));
    });

    it('checks a Kommunalzirkel’s delegation in per person and module; without a module it is refused', async () => {
      const { sut, bed, event, member } = newTestUseCase(circleEvent());
      const registration = await bed.register(event.eventId, actorOf(member), {
        delegation: [
          { firstName: 'Jonas', lastName: 'Beispiel', role: 'mayor', email: 'jonas@hersbruck.example' },
        ],
      });
      const [person] = registration.delegation ?? [];
      bed.clock.instant = onTheDay;

      await expect(
        sut.execute(registration.registrationId, { personId: person.personId, attended: true }, staff),
      ).rejects.toMatchObject({ rule: 'attendance-module-required' });
      await sut.execute(
        registration.registrationId,
        { personId: person.personId, moduleId: CIRCLE_MODULE_ID, attended: true },
        staff,
      );

      const [published] = bed.takePublished();
      expect(published.data).toMatchObject({
        personId: person.personId,
        moduleId: CIRCLE_MODULE_ID,
        attended: true,
      });
    });
  });
});
