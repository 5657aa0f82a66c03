import { Actor, ClubEventReply } from '@ic/contracts';
import { Clock, ConflictError, SYSTEM_ACTOR } from '@ic/platform';
import { Injectable, Logger } from '@nestjs/common';
import { ChangeStatusUseCase } from '../club-events/change-status/change-status.usecase';
import { ClubEvent } from '../club-events/club-event';
import { ClubEventsRepository } from '../club-events/club-events.repository';
import { CreateEventUseCase } from '../club-events/create-event/create-event.usecase';
import { UpdateEventUseCase } from '../club-events/update-event/update-event.usecase';
import { DEMO_EVENT_IDS, demoCircle, demoForum, demoLounges, lueneburgPastDates } from './demo-events';

/** More steps than any demo event needs; a bound against a step that never takes effect. */
const MAX_STEPS = 10;

/**
 * Loads the demo events through the same use cases as the office's requests, so that the same
 * events are published (EventDrafted, EventAnnounced, …). Idempotent without a marker: the demo
 * ids are fixed, an existing event is not created again, and each event is only moved forward
 * from the status it has (also when another instance loads at the same time). Registration of
 * the announced events opens by the scheduler, as for any event.
 */
@Injectable()
export class DemoDataLoader {
  private readonly logger = new Logger(DemoDataLoader.name);
  private readonly actor: Actor = SYSTEM_ACTOR;

  constructor(
    private readonly events: ClubEventsRepository,
    private readonly create: CreateEventUseCase,
    private readonly update: UpdateEventUseCase,
    private readonly status: ChangeStatusUseCase,
    private readonly clock: Clock,
  ) {}

  async load(): Promise<void> {
    const today = this.clock.now();
    const lounges = demoLounges(today);
    const existing = await Promise.all(Object.values(DEMO_EVENT_IDS).map((id) => this.events.findById(id)));
    let steps = 0;
    if (existing.some((event) => !event)) {
      await this.create.createForum(demoForum(today), this.actor, undefined, DEMO_EVENT_IDS.forum);
      await this.create.createCircle(demoCircle(today), this.actor, undefined, DEMO_EVENT_IDS.circle);
      for (const lounge of [lounges.ulm, lounges.kalletal, lounges.lueneburg]) {
        await this.create.createLounge(lounge.request, this.actor, undefined, lounge.id);
      }
      steps++;
    }
    for (const id of [DEMO_EVENT_IDS.forum, DEMO_EVENT_IDS.circle, lounges.ulm.id, lounges.kalletal.id]) {
      steps += await this.advance(id, (event) =>
        event.status === 'draft' ? this.status.announce(id, this.actor) : undefined,
      );
    }
    steps += await this.advance(lounges.lueneburg.id, (event) => this.towardsHeld(event));
    if (steps > 0) {
      this.logger.log(
        'Loaded the demo events: a Deutschlandforum, three Innovators Lounges and a Kommunalzirkel.',
      );
    }
  }

  /**
   * The Lüneburg lounge went through its whole life: announced while it was ahead, registration
   * opened and closed, moved to its real date two months ago, held.
   */
  private towardsHeld(event: ClubEvent): Promise<ClubEventReply> | undefined {
    const id = event.id;
    switch (event.status) {
      case 'draft':
        return this.status.announce(id, this.actor);
      case 'announced':
        return this.status.openRegistration(id, this.actor);
      case 'registration-open':
        return this.status.closeRegistration(id, this.actor);
      case 'registration-closed':
        return event.endsAt && event.endsAt > this.clock.now()
          ? this.update.updateLounge(id, lueneburgPastDates(this.clock.now()), this.actor)
          : this.status.markHeld(id, this.actor);
      default:
        return undefined;
    }
  }

  /**
   * Takes the next step for the event's current status until there is none, and says how many it
   * took; a step another instance took first is skipped.
   */
  private async advance(
    id: string,
    step: (event: ClubEvent) => Promise<ClubEventReply> | undefined,
  ): Promise<number> {
    for (let taken = 0; taken < MAX_STEPS; taken++) {
      const event = await this.events.findById(id);
      const next = event ? step(event) : undefined;
      if (!next) return taken;
      try {
        await next;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        this.logger.log(
          `Demo event ${id} was moved on meanwhile (${error.message}); continuing from its new status`,
        );
      }
    }
    return MAX_STEPS;
  }
}
