import { Actor, RegisterRequest } from '@ic/contracts';
import { Clock, RuleViolationError, SYSTEM_ACTOR } from '@ic/platform';
import { Injectable, Logger } from '@nestjs/common';
import { DeclareInterestUseCase } from '../interest/declare-interest/declare-interest.usecase';
import { RegisterUseCase } from '../registrations/register/register.usecase';
import { KnownEvent } from '../replicas/known-event';
import { KnownEventsRepository } from '../replicas/known-events.repository';
import { KnownMembersRepository } from '../replicas/known-members.repository';
import {
  CIRCLE_DELEGATIONS,
  DEMO_EVENT_IDS,
  DEMO_MEMBER_IDS,
  FORUM_GUEST,
  FORUM_REGISTRANTS,
  forumChoicesOf,
  KALLETAL_INTERESTED,
  ULM_REGISTRANTS,
} from './demo-registrations';
import { DemoMarkersRepository } from './demo-markers.repository';

const POLL_MS = 2000;
/** The demo events and members arrive within seconds of the first start; give up after this. */
const WAIT_AT_MOST_MS = 10 * 60 * 1000;

const asMember = (memberId: string): Actor => ({ subject: memberId, role: 'member' });

/**
 * Loads the demo registrations through the same use cases as requests, so that the same events
 * are published. They need the demo events (open for registration) and members in this service's
 * replicas, which fill from Kafka after the start: the loader waits for them in the background.
 * Idempotent: registering and declaring interest again change nothing, and a marker stops later starts.
 */
@Injectable()
export class DemoRegistrationsLoader {
  private readonly logger = new Logger(DemoRegistrationsLoader.name);
  private stopped = false;

  constructor(
    private readonly markers: DemoMarkersRepository,
    private readonly events: KnownEventsRepository,
    private readonly members: KnownMembersRepository,
    private readonly register: RegisterUseCase,
    private readonly declareInterest: DeclareInterestUseCase,
    private readonly clock: Clock,
  ) {}

  stop(): void {
    this.stopped = true;
  }

  async loadWhenReady(): Promise<void> {
    if (await this.markers.isComplete()) return;
    const giveUpAt = Date.now() + WAIT_AT_MOST_MS;
    while (!this.stopped && !(await this.ready())) {
      if (Date.now() > giveUpAt) {
        this.logger.warn('The demo events or members did not arrive; no demo registrations were loaded.');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    if (this.stopped) return;
    await this.load();
    await this.markers.complete(this.clock.now());
  }

  /** The lounge and the forum open for registration, the others announced at least, every member known. */
  private async ready(): Promise<boolean> {
    const events = await this.events.findByIds(Object.values(DEMO_EVENT_IDS));
    const open = (id: string) => events.get(id)?.status === 'registration-open';
    const published = (id: string) =>
      ['announced', 'registration-open'].includes(events.get(id)?.status ?? '');
    return (
      open(DEMO_EVENT_IDS.loungeUlm) &&
      open(DEMO_EVENT_IDS.forum) &&
      published(DEMO_EVENT_IDS.circle) &&
      published(DEMO_EVENT_IDS.loungeKalletal) &&
      (await this.members.countKnown(DEMO_MEMBER_IDS)) === DEMO_MEMBER_IDS.length
    );
  }

  private async load(): Promise<void> {
    for (const member of ULM_REGISTRANTS) {
      await this.register.execute(DEMO_EVENT_IDS.loungeUlm, {}, asMember(member.id));
    }

    const forum = await this.events.findById(DEMO_EVENT_IDS.forum);
    for (const [index, member] of FORUM_REGISTRANTS.entries()) {
      const sessionIds = forum ? workshopIds(forum, forumChoicesOf(index)) : [];
      await this.register.execute(DEMO_EVENT_IDS.forum, { sessionIds }, asMember(member.id));
    }
    await this.register.execute(DEMO_EVENT_IDS.forum, { guest: FORUM_GUEST }, SYSTEM_ACTOR);

    const circle = await this.events.findById(DEMO_EVENT_IDS.circle);
    for (const delegation of CIRCLE_DELEGATIONS) {
      if (circle?.status === 'registration-open') {
        const request: RegisterRequest = {
          municipality: delegation.municipality,
          delegation: [...delegation.people],
        };
        await this.register.execute(DEMO_EVENT_IDS.circle, request, SYSTEM_ACTOR);
      } else {
        // Registration has not opened yet: the municipalities say they are interested instead.
        const [contact] = delegation.people;
        await this.declareInterest.execute(
          DEMO_EVENT_IDS.circle,
          { municipality: delegation.municipality, contact },
          SYSTEM_ACTOR,
        );
      }
    }

    for (const member of KALLETAL_INTERESTED) {
      await this.interestOf(member.id);
    }
    this.logger.log(
      `Loaded the demo registrations: the Ulm lounge full with a waiting list, ${FORUM_REGISTRANTS.length + 1} at the forum, ` +
        `${CIRCLE_DELEGATIONS.length} municipalities in the Kommunalzirkel (${circle?.status === 'registration-open' ? 'delegations' : 'interest'}), ` +
        `interest in the Kalletal lounge.`,
    );
  }

  private async interestOf(memberId: string): Promise<void> {
    try {
      await this.declareInterest.execute(DEMO_EVENT_IDS.loungeKalletal, {}, asMember(memberId));
    } catch (error) {
      // The Kalletal lounge's registration opened meanwhile (its date passed): nothing to declare.
      if (!(error instanceof RuleViolationError)) throw error;
    }
  }
}

function workshopIds(forum: KnownEvent, titles: readonly string[]): string[] {
  return titles.flatMap((title) =>
    forum.workshops.filter((workshop) => workshop.title === title).map((workshop) => workshop.sessionId),
  );
}
