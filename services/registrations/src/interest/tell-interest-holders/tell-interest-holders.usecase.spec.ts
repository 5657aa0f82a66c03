import { InterestRegistrationOpened, InterestRegistrationOpenedEvent } from '@ic/contracts';
import {
  actorOf,
  knownMember,
  loungeEvent,
  onNewTestBed,
  typesOf,
  withStatus,
} from '../../testing/use-case-test-bed';
import { TellInterestHoldersUseCase } from './tell-interest-holders.usecase';

function newTestUseCase() {
  const { sut, bed } = onNewTestBed((bed) => bed.tellInterestHoldersUseCase());
  return { sut, bed, declaring: bed.declareInterestUseCase(sut) };
}

/** An announced lounge in which `count` members declared interest; its registration opens next. */
async function announcedWithInterest(count: number) {
  const { sut, bed, declaring } = newTestUseCase();
  const event = loungeEvent({ status: 'announced' });
  bed.know(event);
  const interestIds: string[] = [];
  for (let index = 0; index < count; index++) {
    const member = knownMember();
    bed.know(member);
    interestIds.push((await declaring.execute(event.eventId, {}, actorOf(member))).interest.interestId);
  }
  bed.takePublished();
  return { sut, bed, event, interestIds, open: () => bed.know(withStatus(event, 'registration-open')) };
}

describe(TellInterestHoldersUseCase.name, () => {
  describe('tellAll', () => {
    it('tells every holder once when registration opened, with the event', async () => {
      const { sut, bed, event, open } = await announcedWithInterest(2);
      open();

      await expect(sut.tellAll(event.eventId)).resolves.toBe(2);

      const published = bed.takePublished();
      expect(typesOf(published)).toEqual([
        InterestRegistrationOpenedEvent.type,
        InterestRegistrationOpenedEvent.type,
      ]);
      expect(published[0].data as InterestRegistrationOpened).toMatchObject({
        event: { eventId: event.eventId, status: 'registration-open' },
      });
    });

    it('tells nobody twice: a redelivered RegistrationOpened finds everyone told', async () => {
      const { sut, bed, event, open } = await announcedWithInterest(2);
      open();
      await sut.tellAll(event.eventId);
      bed.takePublished();

      await expect(sut.tellAll(event.eventId)).resolves.toBe(0);
      expect(bed.takePublished()).toEqual([]);
    });

    it('tells nobody before registration opens', async () => {
      const { sut, bed, event } = await announcedWithInterest(1);

      await expect(sut.tellAll(event.eventId)).resolves.toBe(0);
      expect(bed.takePublished()).toEqual([]);
    });
  });

  describe('tell', () => {
    it('tells one holder once; false for one told already or unknown', async () => {
      const { sut, bed, interestIds, open } = await announcedWithInterest(1);
      open();

      await expect(sut.tell(interestIds[0])).resolves.toBe(true);
      await expect(sut.tell(interestIds[0])).resolves.toBe(false);
      await expect(sut.tell('0f0e0d0c-0b0a-4908-8706-050403020100')).resolves.toBe(false);
      expect(typesOf(bed.takePublished())).toEqual([InterestRegistrationOpenedEvent.type]);
    });
  });
});
