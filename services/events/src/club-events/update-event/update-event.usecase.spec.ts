import { Actor, EventUpdated, EventUpdatedEvent } from '@ic/contracts';
import { ConflictError, ForbiddenError, RuleViolationError } from '@ic/platform';
import { berlin, clubEvent, loungePlan } from '../../testing/event-factories';
import { FixedClock, InMemoryClubEvents, memberSpeakers } from '../../testing/in-memory-events';
import { UpdateEventUseCase } from './update-event.usecase';

const office: Actor = { subject: 'staff-1', role: 'staff' };

function newTestUseCase() {
  const events = new InMemoryClubEvents();
  const clock = new FixedClock(new Date('2027-03-01T10:00:00Z'));
  const sut = new UpdateEventUseCase(events.asRepository(), memberSpeakers(), clock);
  const lounge = clubEvent(loungePlan(), { status: 'registration-open', revision: 3 });
  events.stored.set(lounge.id, lounge);
  return { sut, events, lounge };
}

describe(UpdateEventUseCase.name, () => {
  describe('updateLounge', () => {
    it('stores the change and publishes EventUpdated with what changed and the whole event', async () => {
      const { sut, events, lounge } = newTestUseCase();

      const reply = await sut.updateLounge(
        lounge.id,
        { startsAt: '2027-04-16T17:00', endsAt: '2027-04-16T21:00', capacity: 80 },
        office,
        'correlation-1',
      );

      expect(reply).toMatchObject({ revision: 4, capacity: 80, startsAt: '2027-04-16T17:00:00+02:00' });
      expect(events.stored.get(lounge.id)?.startsAt).toEqual(berlin('2027-04-16T17:00'));
      expect(events.published).toHaveLength(1);
      const [updated] = events.published;
      expect(updated).toMatchObject({
        type: EventUpdatedEvent.type,
        subject: lounge.id,
        correlationId: 'correlation-1',
      });
      expect(updated.data as EventUpdated).toEqual({
        eventId: lounge.id,
        revision: 4,
        by: office,
        changed: ['schedule', 'capacity'],
        event: reply,
      });
    });

    it('renders the changed description to safe HTML', async () => {
      const { sut, lounge } = newTestUseCase();
      const reply = await sut.updateLounge(
        lounge.id,
        { description: '[Klick](javascript:alert(1)) *neu*' },
        office,
      );
      expect(reply.descriptionHtml).toBe('<p>[Klick](javascript:alert(1)) <em>neu</em></p>\n');
    });

    it('publishes nothing when nothing changes', async () => {
      const { sut, events, lounge } = newTestUseCase();
      const reply = await sut.updateLounge(
        lounge.id,
        { capacity: lounge.capacity, title: lounge.title },
        office,
      );
      expect(reply.revision).toBe(3);
      expect(events.published).toEqual([]);
    });

    it('stores nothing when the changed event breaks a rule, and names the fields', async () => {
      const { sut, events, lounge } = newTestUseCase();
      await expect(
        sut.updateLounge(
          lounge.id,
          {
            endsAt: '2027-04-15T16:00',
            registration: { opensAt: '2027-02-01T09:00', closesAt: '2027-04-20T09:00' },
          },
          office,
        ),
      ).rejects.toMatchObject({
        constructor: RuleViolationError,
        errors: [
          { field: 'endsAt', message: expect.any(String) },
          { field: 'registration.closesAt', message: expect.any(String) },
        ],
      });
      expect(events.stored.get(lounge.id)).toBe(lounge);
      expect(events.published).toEqual([]);
    });

    it('does not change a forum through the lounge request, nor a held event, nor for members', async () => {
      const { sut, events, lounge } = newTestUseCase();
      await expect(sut.updateForum(lounge.id, { capacity: 10 }, office)).rejects.toThrow(RuleViolationError);
      await expect(
        sut.updateLounge(lounge.id, { capacity: 10 }, { subject: 'member-1', role: 'member' }),
      ).rejects.toThrow(ForbiddenError);
      events.stored.set(lounge.id, { ...lounge, status: 'held' });
      await expect(sut.updateLounge(lounge.id, { capacity: 10 }, office)).rejects.toThrow(ConflictError);
      expect(events.published).toEqual([]);
    });
  });
});
