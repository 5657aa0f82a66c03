import { InterestDeclaredEvent, InterestRegistrationOpenedEvent } from '@ic/contracts';
import { ForbiddenError, NotFoundError, RuleViolationError } from '@ic/platform';
import { RegistrationMessages } from '../../registrations/registration.messages';
import {
  actorOf,
  circleEvent,
  knownMember,
  loungeEvent,
  staff,
  testUseCaseFactory,
  typesOf,
  withStatus,
} from '../../testing/use-case-test-bed';
import { DeclareInterestUseCase } from './declare-interest.usecase';

const newTestUseCase = testUseCaseFactory((bed) => bed.declareInterestUseCase());

describe(DeclareInterestUseCase.name, () => {
  describe('execute', () => {
    it('takes a member’s interest in an announced event and publishes InterestDeclared', async () => {
      const { sut, bed, event, member } = newTestUseCase(loungeEvent({ status: 'announced' }));

      const reply = await sut.execute(event.eventId, {}, actorOf(member), 'corr-1');

      expect(reply).toMatchObject({
        created: true,
        interest: { eventId: event.eventId, holder: { kind: 'member', memberId: member.memberId } },
      });
      const published = bed.takePublished();
      expect(typesOf(published)).toEqual([InterestDeclaredEvent.type]);
      expect(published[0]).toMatchObject({ correlationId: 'corr-1', data: { by: actorOf(member) } });
    });

    it('answers a second declaration with the first, created false, and publishes nothing', async () => {
      const { sut, bed, event, member } = newTestUseCase(loungeEvent({ status: 'announced' }));
      const first = await sut.execute(event.eventId, {}, actorOf(member));
      bed.takePublished();

      await expect(sut.execute(event.eventId, {}, actorOf(member))).resolves.toEqual({
        ...first,
        created: false,
      });
      expect(bed.takePublished()).toEqual([]);
    });

    it('refuses once registration is open (interest-not-open): then one registers', async () => {
      const { sut, bed, event, member } = newTestUseCase(loungeEvent());

      await expect(sut.execute(event.eventId, {}, actorOf(member))).rejects.toMatchObject({
        rule: 'interest-not-open',
      });
      expect(bed.interestsStored.size).toBe(0);
    });

    it('refuses those who could not register (target group) and does not show a draft', async () => {
      const city = knownMember({ municipality: { name: 'Nürnberg', ags: '09564000', population: 523_000 } });
      const { sut, bed, event: circle } = newTestUseCase(circleEvent({ status: 'announced' }), city);
      const draft = loungeEvent({ status: 'draft' });
      bed.know(draft);

      await expect(sut.execute(circle.eventId, {}, actorOf(city))).rejects.toMatchObject({
        rule: 'target-group-population',
      });
      await expect(sut.execute(draft.eventId, {}, actorOf(city))).rejects.toThrow(
        new NotFoundError(RegistrationMessages.eventNotFound),
      );
    });

    it('declares a municipal member’s interest for their municipality in a Kommunalzirkel', async () => {
      const { sut, event, member } = newTestUseCase(circleEvent({ status: 'announced' }));

      await expect(sut.execute(event.eventId, {}, actorOf(member))).resolves.toMatchObject({
        interest: { holder: { kind: 'municipality', municipality: member.municipality } },
      });
    });

    it('takes a municipality with its contact person from the office, but not from a member', async () => {
      const { sut, bed, event, member } = newTestUseCase(circleEvent({ status: 'announced' }));
      const request = {
        municipality: { name: 'Pegnitz', ags: '09472183', population: 13_300 },
        contact: { firstName: 'Kim', lastName: 'Berger', email: 'kim.berger@pegnitz.example' },
      };

      await expect(sut.execute(event.eventId, request, actorOf(member))).rejects.toThrow(
        new ForbiddenError(RegistrationMessages.staffFieldsOnly('municipality, contact')),
      );
      await expect(sut.execute(event.eventId, {}, staff)).rejects.toBeInstanceOf(RuleViolationError);
      await expect(sut.execute(event.eventId, request, staff)).resolves.toMatchObject({
        created: true,
        interest: { holder: { kind: 'municipality', municipality: request.municipality } },
      });
      // The contact travels sealed: names and addresses stay out of the stream.
      const [declared] = bed.takePublished();
      expect(JSON.stringify(declared.data)).not.toContain('kim.berger');
    });

    it('tells the holder at once when registration opened while the interest was stored', async () => {
      const { sut, bed, event, member } = newTestUseCase(loungeEvent({ status: 'announced' }));
      // Registration opens between the check and the write: the holders were told already.
      const insert = bed.interests.insert;
      jest.spyOn(bed.interests, 'insert').mockImplementationOnce((interest, correlationId) => {
        bed.know(withStatus(event, 'registration-open'));
        return insert(interest, correlationId);
      });

      await sut.execute(event.eventId, {}, actorOf(member));

      expect(typesOf(bed.takePublished())).toEqual([
        InterestDeclaredEvent.type,
        InterestRegistrationOpenedEvent.type,
      ]);
    });
  });
});
