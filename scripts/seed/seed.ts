/**
 * The demo club of `npm start`, created from outside the services: through the gateway's API as the
 * office, and through the services' request topics where the API has no way (members who joined
 * before, with their day of joining; a member's own registrations and leaving, without their
 * sign-in mail; an event that already took place). The same people, events, registrations, working
 * groups and mails as a club that had lived on the platform.
 */
import {
  CreateLoungeRequest,
  EventStatus,
  InvitationReply,
  MemberReply,
  MembershipRequests,
  Page,
  RegistrationsRequests,
} from '@ic/contracts';
import { demoCircle, demoForum, demoLounges, lueneburgPastDates } from './demo-events';
import { DEMO_INVITATIONS, DEMO_MEMBERS, DemoMember } from './demo-members';
import {
  CIRCLE_DELEGATIONS,
  FORUM_GUEST,
  FORUM_REGISTRANTS,
  forumChoicesOf,
  KALLETAL_INTERESTED,
  ULM_REGISTRANTS,
} from './demo-registrations';
import {
  GatewayApi,
  memberIdentity,
  pause,
  RequestTopics,
  SeedRequestError,
  staffIdentity,
} from './seed-clients';

export interface SeedOptions {
  readonly gatewayUrl: string;
  readonly kafkaBrokers: readonly string[];
  /** An office account: the seed acts as the office. */
  readonly staff: { readonly email: string; readonly password: string };
  readonly log: (line: string) => void;
  readonly today?: Date;
}

export type SeedOutcome = 'seeded' | 'there-already' | 'not-empty';

/** What the seed says it did, for npm start and npm run seed. */
export const SEED_OUTCOMES: Record<SeedOutcome, string> = {
  seeded: 'The demo club is there.',
  'there-already': 'The demo club was seeded before; nothing added.',
  'not-empty': 'The platform holds data that is not the demo club; nothing seeded.',
};

/**
 * How long the seed waits for what the services do by themselves: the scheduler opening an event's
 * registration (every second), the events and members reaching the registrations service's replicas.
 */
const WAIT_AT_MOST_MS = 120_000;
const POLL_MS = 500;

/**
 * Seeds the demo club into an empty platform, once. How it knows: the last thing it creates is the
 * demo's last open invitation. Is that there, the club is complete; does the platform hold members
 * that are not the demo's, it is someone's data and stays as it is. Otherwise (empty, or a seed cut
 * off halfway) it runs every step: each step finds what an earlier run made (members by their fixed
 * ids, writes by their fixed Idempotency-Keys, registrations by member), so nothing is made twice.
 */
export async function seedDemoClub(options: SeedOptions): Promise<SeedOutcome> {
  const api = new GatewayApi(options.gatewayUrl);
  await api.signIn(options.staff.email, options.staff.password);
  const state = await platformState(api);
  if (state !== 'empty') return state;

  const topics = new RequestTopics(options.kafkaBrokers);
  await topics.start();
  try {
    const seed = new DemoSeed(api, topics, options.today ?? new Date(), options.log);
    await seed.run();
    return 'seeded';
  } finally {
    await topics.stop();
  }
}

async function platformState(api: GatewayApi): Promise<SeedOutcome | 'empty'> {
  const lastInvitation = DEMO_INVITATIONS[DEMO_INVITATIONS.length - 1].request.email;
  const invitations = await api.get<Page<InvitationReply>>(
    `/invitations?status=open&q=${encodeURIComponent(lastInvitation)}`,
  );
  if (invitations.items.some((invitation) => invitation.email === lastInvitation)) return 'there-already';
  const members = await api.get<Page<MemberReply>>('/members?limit=1');
  if (members.items.length === 0) return 'empty';
  const demoMember = await api.get<MemberReply>(`/members/${DEMO_MEMBERS[0].id}`).catch((error: unknown) => {
    if (error instanceof SeedRequestError && error.status === 404) return undefined;
    throw error;
  });
  return demoMember ? 'empty' : 'not-empty';
}

/** What the seed reads of an event on the API. */
interface EventOnTheApi {
  readonly eventId: string;
  readonly status: EventStatus;
  readonly forum?: { readonly sessions: { sessionId: string; kind: string; title: string }[] };
}

/** The demo events' ids, as the events service gave them. */
type DemoEvents = Readonly<Record<'forum' | 'circle' | 'ulm' | 'kalletal' | 'lueneburg', string>>;

class DemoSeed {
  constructor(
    private readonly api: GatewayApi,
    private readonly topics: RequestTopics,
    private readonly today: Date,
    private readonly log: (line: string) => void,
  ) {}

  async run(): Promise<void> {
    const events = await this.seedEvents();
    this.log('Seeded the demo events: a Deutschlandforum, three Innovators Lounges and a Kommunalzirkel.');
    await this.seedMembers();
    const ended = DEMO_MEMBERS.filter((member) => member.ended).length;
    this.log(
      `Seeded the demo members: ${DEMO_MEMBERS.length} (${ended} of them ended), in the working groups.`,
    );
    await this.seedRegistrations(events);
    this.log(
      `Seeded the demo registrations: the Ulm lounge full with a waiting list, ${FORUM_REGISTRANTS.length + 1} at the forum, ` +
        `${CIRCLE_DELEGATIONS.length} municipalities in the Kommunalzirkel, interest in the Kalletal lounge.`,
    );
    for (const invitation of DEMO_INVITATIONS) {
      await this.api.write('POST', '/invitations', invitation.request, `invitation-${invitation.id}`);
    }
    this.log(`Seeded ${DEMO_INVITATIONS.length} open invitations (their mails are in the mail view).`);
  }

  /**
   * Announced as the office does it; registration of the forum, the circle and the Ulm lounge opens
   * by the scheduler, as for any event. The Lüneburg lounge went through its whole life: announced
   * while it was ahead, registration opened and closed, moved to its real date two months ago, and
   * held: the scheduler marks an event held once it has ended, within a second of the move, so the
   * seed waits for that instead of marking it (which would race the scheduler and be refused).
   */
  private async seedEvents(): Promise<DemoEvents> {
    const lounges = demoLounges(this.today);
    const create = async (kind: string, request: unknown): Promise<string> =>
      (
        await this.api.write<EventOnTheApi>(
          'POST',
          `/events/${kind}`,
          request,
          `event-${kind}-${key(request)}`,
        )
      ).eventId;
    const events: DemoEvents = {
      forum: await create('forums', demoForum(this.today)),
      circle: await create('circles', demoCircle(this.today)),
      ulm: await create('lounges', lounges.ulm),
      kalletal: await create('lounges', lounges.kalletal),
      lueneburg: await create('lounges', lounges.lueneburg),
    };
    for (const id of Object.values(events)) await this.step(id, 'announce');
    await this.step(events.lueneburg, 'open-registration');
    await this.step(events.lueneburg, 'close-registration');
    const pastDates: Partial<CreateLoungeRequest> = lueneburgPastDates(this.today);
    await this.api.write(
      'PATCH',
      `/events/lounges/${events.lueneburg}`,
      pastDates,
      `past-${events.lueneburg}`,
    );
    await this.untilStatus(events.lueneburg, 'held');
    return events;
  }

  private step(eventId: string, action: string): Promise<unknown> {
    return this.api.write('POST', `/events/${eventId}/${action}`, {}, `${action}-${eventId}`);
  }

  /** Members who joined before the platform: taken over with their day of joining, no invitation mail. */
  private async seedMembers(): Promise<void> {
    const office = staffIdentity(this.api.staffSubject);
    for (const member of DEMO_MEMBERS) {
      const imported = await this.topics.send(
        MembershipRequests.importMember,
        {
          memberId: member.id,
          profile: { ...member.profile, themes: [...member.profile.themes] },
          joinedAt: member.joinedAt.toISOString(),
          workingGroupIds: [...member.workingGroups],
        },
        office,
      );
      if (member.ended && imported.status === 'active') await this.end(member);
    }
  }

  private async end(member: DemoMember): Promise<void> {
    const { reason, note } = member.ended ?? {};
    const request = note ? { note } : {};
    if (reason === 'left') {
      await this.topics.send(MembershipRequests.leave, request, memberIdentity(member.id));
    } else {
      await this.api.write('POST', `/members/${member.id}/end`, request, `end-${member.id}`);
    }
  }

  private async seedRegistrations(events: DemoEvents): Promise<void> {
    const forum = await this.untilStatus(events.forum, 'registration-open');
    await this.untilStatus(events.ulm, 'registration-open');
    await this.untilStatus(events.circle, 'registration-open');

    for (const member of ULM_REGISTRANTS) await this.register(events.ulm, member, {});
    for (const [index, member] of FORUM_REGISTRANTS.entries()) {
      const titles = forumChoicesOf(index);
      const sessionIds = (forum.forum?.sessions ?? [])
        .filter((session) => session.kind === 'workshop' && titles.includes(session.title))
        .map((session) => session.sessionId);
      await this.register(events.forum, member, { sessionIds });
    }
    await this.untilKnown(() =>
      this.api.write('POST', `/events/${events.forum}/registrations`, { guest: FORUM_GUEST }),
    );
    for (const delegation of CIRCLE_DELEGATIONS) {
      const request = { municipality: delegation.municipality, delegation: [...delegation.people] };
      await this.untilKnown(() => this.api.write('POST', `/events/${events.circle}/registrations`, request));
    }
    for (const member of KALLETAL_INTERESTED) {
      await this.untilKnown(() =>
        this.topics.send(
          RegistrationsRequests.declareInterest,
          { eventId: events.kalletal },
          memberIdentity(member.id),
        ),
      );
    }
  }

  /** Registering again answers with the existing registration, so a repeated run registers nobody twice. */
  private register(
    eventId: string,
    member: DemoMember,
    request: { sessionIds?: string[] },
  ): Promise<unknown> {
    return this.untilKnown(() =>
      this.topics.send(RegistrationsRequests.register, { ...request, eventId }, memberIdentity(member.id)),
    );
  }

  /** The scheduler makes the transitions that are due (registration opens, the event is held) on its next round. */
  private async untilStatus(eventId: string, status: EventStatus): Promise<EventOnTheApi> {
    const giveUpAt = Date.now() + WAIT_AT_MOST_MS;
    for (;;) {
      const event = await this.api.get<EventOnTheApi>(`/events/${eventId}`);
      if (event.status === status) return event;
      if (Date.now() > giveUpAt)
        throw new Error(`Event ${eventId} did not reach the status ${status}; it is ${event.status}.`);
      await pause(POLL_MS);
    }
  }

  /**
   * The registrations service learns of events and members from their events: until its replicas
   * have them it answers 404 (or 422 for an event it still knows as announced). These writes carry
   * no fixed Idempotency-Key (a refusal would be kept under it): registering is idempotent by itself.
   */
  private async untilKnown<T>(write: () => Promise<T>): Promise<T> {
    const giveUpAt = Date.now() + WAIT_AT_MOST_MS;
    for (;;) {
      try {
        return await write();
      } catch (error) {
        const notYet = error instanceof SeedRequestError && [404, 422].includes(error.status);
        if (!notYet || Date.now() > giveUpAt) throw error;
        await pause(POLL_MS);
      }
    }
  }
}

/** A short, fixed Idempotency-Key part for a request (its title is unique in the demo). */
function key(request: unknown): string {
  const { title } = request as { title: string };
  return title
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .slice(0, 60);
}
