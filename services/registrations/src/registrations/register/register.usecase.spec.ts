import {
  RegisterRequest,
  RegistrationChange,
  RegistrationConfirmedEvent,
  RegistrationWaitlistedEvent,
} from '@ic/contracts';
import { ForbiddenError, NotFoundError, RuleViolationError } from '@ic/platform';
import {
  actorOf,
  circleEvent,
  knownMember,
  loungeEvent,
  staff,
  testUseCaseFactory,
  typesOf,
} from '../../testing/use-case-test-bed';
import { RegistrationMessages } from '../registration.messages';
import { seatDecisionsCounted } from '../seat-decisions.metrics';
import { RegisterUseCase } from './register.usecase';

const newTestUseCase = testUseCaseFactory((bed) => bed.registerUseCase());

describe(RegisterUseCase.name, () => {
  describe('execute', () => {
    it('confirms a member while seats are free and publishes RegistrationConfirmed with the seats', async () => {
      const { sut, bed, event, member } = newTestUseCase(
        loungeEvent({ capacity: 2 }),
        knownMember({ sector: 'Wirtschaft', municipality: undefined }),
      );

      const reply = await sut.execute(event.eventId, {}, actorOf(member), 'corr-1');

      expect(reply).toMatchObject({
        created: true,
        registration: { status: 'confirmed', registrant: { kind: 'member', memberId: member.memberId } },
      });
      const [published] = bed.takePublished();
      expect(published).toMatchObject({
        type: RegistrationConfirmedEvent.type,
        subject: event.eventId,
        correlationId: 'corr-1',
      });
      expect(published.data as RegistrationChange).toMatchObject({
        registrationId: reply.registration.registrationId,
        seats: { capacity: 2, confirmed: 1 },
      });
    });

    it('puts the member on the waiting list once the seats are taken, with their place', async () => {
      const { sut, bed, event, member: first } = newTestUseCase(loungeEvent({ capacity: 1 }));
      const second = knownMember();
      bed.know(second);
      await sut.execute(event.eventId, {}, actorOf(first));
      bed.takePublished();

      const reply = await sut.execute(event.eventId, {}, actorOf(second));

      expect(reply.registration).toMatchObject({ status: 'waiting', waitingPlace: 1 });
      expect(typesOf(bed.takePublished())).toEqual([RegistrationWaitlistedEvent.type]);
    });

    it('counts each seat decision once in the metrics, a refusal by a rule as refused', async () => {
      const { sut, bed, event, member: first } = newTestUseCase(loungeEvent({ capacity: 1 }));
      const [second, inactive] = [knownMember(), knownMember({ status: 'inactive' })];
      bed.know(second, inactive);
      const before = await Promise.all(
        (['confirmed', 'waitlisted', 'refused'] as const).map((decision) => seatDecisionsCounted(decision)),
      );

      await sut.execute(event.eventId, {}, actorOf(first));
      await sut.execute(event.eventId, {}, actorOf(first));
      await sut.execute(event.eventId, {}, actorOf(second));
      await expect(sut.execute(event.eventId, {}, actorOf(inactive))).rejects.toThrow(RuleViolationError);

      const after = await Promise.all(
        (['confirmed', 'waitlisted', 'refused'] as const).map((decision) => seatDecisionsCounted(decision)),
      );
      expect(after.map((count, index) => count - before[index])).toEqual([1, 1, 1]);
    });

    it('answers a second registration with the first one, created false, and publishes nothing', async () => {
      const { sut, bed, event, member } = newTestUseCase();
      const first = await sut.execute(event.eventId, {}, actorOf(member));
      bed.takePublished();

      const again = await sut.execute(event.eventId, {}, actorOf(member));

      expect(again).toEqual({ ...first, created: false });
      expect(bed.takePublished()).toEqual([]);
    });

    it('answers with the registration even after registering has closed', async () => {
      const { sut, bed, event, member } = newTestUseCase();
      const first = await sut.execute(event.eventId, {}, actorOf(member));
      bed.clock.instant = new Date('2027-04-10T08:00:00.000Z');

      await expect(sut.execute(event.eventId, {}, actorOf(member))).resolves.toMatchObject({
        created: false,
        registration: { registrationId: first.registration.registrationId },
      });
    });

    it.each([
      ['registration-closed', 'registration-open', new Date('2027-04-10T08:00:00.000Z')],
      ['registration-not-open', 'announced', new Date('2027-01-20T08:00:00.000Z')],
    ] as const)('refuses with the rule %s (%s) and stores nothing', async (rule, status, now) => {
      const { sut, bed, event, member } = newTestUseCase(loungeEvent({ status }));
      bed.clock.instant = now;

      await expect(sut.execute(event.eventId, {}, actorOf(member))).rejects.toMatchObject({
        constructor: RuleViolationError,
        rule,
      });
      expect(bed.data.stored.size).toBe(0);
      expect(bed.takePublished()).toEqual([]);
    });

    it('refuses a member who is no longer active (member-active)', async () => {
      const { sut, bed, event, member } = newTestUseCase(loungeEvent(), knownMember({ status: 'inactive' }));

      await expect(sut.execute(event.eventId, {}, actorOf(member))).rejects.toMatchObject({
        rule: 'member-active',
      });
      expect(bed.takePublished()).toEqual([]);
    });

    it('does not show a draft: 404 in German', async () => {
      const { sut, event, member } = newTestUseCase(loungeEvent({ status: 'draft' }));

      await expect(sut.execute(event.eventId, {}, actorOf(member))).rejects.toThrow(
        new NotFoundError(RegistrationMessages.eventNotFound),
      );
    });

    it('refuses the office fields from a member (403 naming them)', async () => {
      const { sut, event, member } = newTestUseCase();
      const request: RegisterRequest = { memberId: member.memberId };

      await expect(sut.execute(event.eventId, request, actorOf(member))).rejects.toThrow(
        new ForbiddenError(RegistrationMessages.staffFieldsOnly('memberId')),
      );
    });

    it('needs exactly one registrant from the office (422 naming the fields)', async () => {
      const { sut, event, member } = newTestUseCase();
      const both: RegisterRequest = {
        memberId: member.memberId,
        guest: { firstName: 'Kim', lastName: 'Berger', email: 'kim.berger@verein.example' },
      };

      await expect(sut.execute(event.eventId, {}, staff)).rejects.toMatchObject({
        constructor: RuleViolationError,
        errors: [{ field: 'memberId' }],
      });
      await expect(sut.execute(event.eventId, both, staff)).rejects.toMatchObject({
        constructor: RuleViolationError,
        errors: [{ field: 'memberId' }, { field: 'guest' }],
      });
    });

    it('registers a member named by the office, with the office as the one who registered', async () => {
      const { sut, event, member } = newTestUseCase();

      const reply = await sut.execute(event.eventId, { memberId: member.memberId }, staff);

      expect(reply.registration).toMatchObject({
        status: 'confirmed',
        registrant: { kind: 'member', memberId: member.memberId },
        registeredBy: staff,
      });
    });

    it('refuses an unknown member named by the office with 404', async () => {
      const { sut, event } = newTestUseCase();

      await expect(sut.execute(event.eventId, { memberId: knownMember().memberId }, staff)).rejects.toThrow(
        new NotFoundError(RegistrationMessages.memberNotFound),
      );
    });

    it('takes a guest only where the audience is members and guests (members-only)', async () => {
      const { sut, bed, event: membersOnly } = newTestUseCase();
      const open = loungeEvent({ audience: 'members-and-guests' });
      bed.know(open);
      const guest: RegisterRequest = {
        guest: { firstName: 'Kim', lastName: 'Berger', email: 'Kim.Berger@verein.example' },
      };

      await expect(sut.execute(membersOnly.eventId, guest, staff)).rejects.toMatchObject({
        rule: 'members-only',
      });
      await expect(sut.execute(open.eventId, guest, staff)).resolves.toMatchObject({
        created: true,
        registration: { status: 'confirmed', registrant: { kind: 'guest' } },
      });
    });

    it("registers a municipal member's municipality for a Kommunalzirkel, with its delegation", async () => {
      const { sut, bed, event, member } = newTestUseCase(circleEvent());
      const delegation = [
        {
          salutation: 'Herr' as const,
          firstName: 'Jonas',
          lastName: 'Beispiel',
          role: 'administration' as const,
          email: 'jonas@hersbruck.example',
        },
      ];

      const reply = await sut.execute(event.eventId, { delegation }, actorOf(member));

      expect(reply.registration).toMatchObject({
        status: 'confirmed',
        registrant: { kind: 'municipality', municipality: member.municipality, memberId: member.memberId },
      });
      expect(typesOf(bed.takePublished())).toEqual([RegistrationConfirmedEvent.type]);
    });

    it('refuses a municipality outside the target group (target-group-population)', async () => {
      const { sut, bed, event, member } = newTestUseCase(
        circleEvent(),
        knownMember({ municipality: { name: 'Nürnberg', ags: '09564000', population: 523_000 } }),
      );
      const delegation = [
        {
          firstName: 'Jonas',
          lastName: 'Beispiel',
          role: 'mayor' as const,
          email: 'jonas@nuernberg.example',
        },
      ];

      await expect(sut.execute(event.eventId, { delegation }, actorOf(member))).rejects.toMatchObject({
        rule: 'target-group-population',
      });
      expect(bed.data.stored.size).toBe(0);
    });

    it('refuses a delegation larger than the event allows (delegation-size)', async () => {
      const { sut, event, member } = newTestUseCase(circleEvent());
      const delegation = ['a', 'b', 'c', 'd'].map((name) => ({
        firstName: name,
        lastName: 'Beispiel',
        role: 'administration' as const,
        email: `${name}@hersbruck.example`,
      }));

      await expect(sut.execute(event.eventId, { delegation }, actorOf(member))).rejects.toMatchObject({
        rule: 'delegation-size',
      });
    });
  });
});
