import {
  Actor,
  EventIdRequest,
  EventSeatsReply,
  OwnInterestsQuery,
  OwnInterestsReply,
  OwnRegistrationsQuery,
  Page,
  ParticipantListQuery,
  RegistrationReply,
  RegistrationStatsReply,
} from '@ic/contracts';
import {
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  NotFoundError,
  requireMember,
  requireStaff,
} from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { toInterestReply } from '../interest/interest.mapper';
import { InterestsRepository } from '../interest/interests.repository';
import { KnownEvent } from '../replicas/known-event';
import { KnownMember } from '../replicas/known-member';
import { KnownEventsRepository } from '../replicas/known-events.repository';
import { KnownMembersRepository } from '../replicas/known-members.repository';
import { EventSeatsRepository } from '../seats/event-seats.repository';
import { eventSeatsOf } from './event-seats.query';
import { participantPage } from './participant-list.query';
import { RegistrationView } from './registration';
import { assertMayAccess, mayAccess } from './registration-access';
import { viewsOf, workshopSeatsOf } from './registration-places';
import { RegistrationReplies } from './registration-replies';
import { RegistrationViews } from './registration-views';
import { memberIdsOf, registeredEventOf } from './registration.mapper';
import { RegistrationMessages } from './registration.messages';
import { RegistrationsRepository } from './registrations.repository';

const OWN_CURSOR_LIST = 'own-registrations';

/**
 * Reading registrations: one, a member's own (and their interests), an event's seats left, its
 * participants, its figures.
 */
@Injectable()
export class RegistrationsQueries {
  constructor(
    private readonly registrations: RegistrationsRepository,
    private readonly views: RegistrationViews,
    private readonly seatCounters: EventSeatsRepository,
    private readonly events: KnownEventsRepository,
    private readonly members: KnownMembersRepository,
    private readonly interests: InterestsRepository,
    private readonly replies: RegistrationReplies,
  ) {}

  async get(registrationId: string, actor: Actor): Promise<RegistrationReply> {
    const stored = await this.registrations.findById(registrationId);
    const event = stored && !stored.pending ? await this.events.findById(stored.entry.eventId) : null;
    if (!stored || !event) throw new NotFoundError(RegistrationMessages.registrationNotFound);
    const actorMember = actor.role === 'member' ? await this.members.findById(actor.subject) : null;
    const view = await this.views.of(stored.entry);
    assertMayAccess(view, actor, actorMember);
    return this.replies.of(view, event);
  }

  /** The member's registrations, and their municipality's, newest first; with `eventId` for that event only. */
  async listOwn(query: OwnRegistrationsQuery, actor: Actor): Promise<Page<RegistrationReply>> {
    requireMember(actor);
    const member = await this.members.findById(actor.subject);
    const ags = member?.sector === 'Kommune' ? member.municipality?.ags : undefined;
    const entries = await this.registrations.findFor(actor.subject, ags, query.eventId);
    const events = await this.events.findByIds([...new Set(entries.map((entry) => entry.eventId))]);
    const own: { view: RegistrationView; event: KnownEvent; key: string }[] = [];
    for (const entry of entries) {
      const event = events.get(entry.eventId);
      const view = await this.views.of(entry);
      if (!event || !mayAccess(view, actor, member)) continue;
      own.push({ view, event, key: `${entry.registeredAt.toISOString()}|${entry.registrationId}` });
    }
    const before = query.cursor ? decodeCursor(OWN_CURSOR_LIST, query.cursor) : undefined;
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const ordered = own
      .filter((item) => before === undefined || item.key < before)
      .sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
    const page = ordered.slice(0, limit);
    const items = await Promise.all(page.map((item) => this.replies.of(item.view, item.event)));
    const last = page.at(-1);
    return {
      items,
      nextCursor: ordered.length > limit && last ? encodeCursor(OWN_CURSOR_LIST, last.key) : null,
    };
  }

  /**
   * The member's interests and their municipality's in events whose registration has not opened yet
   * or is open (the ones that still lead to a registration), in the order they were declared.
   */
  async listOwnInterests(query: OwnInterestsQuery, actor: Actor): Promise<OwnInterestsReply> {
    requireMember(actor);
    const member = await this.members.findById(actor.subject);
    const ags = member?.sector === 'Kommune' ? member.municipality?.ags : undefined;
    const interests = await this.interests.findOwn(actor.subject, ags, query.eventId);
    const events = await this.events.findByIds([...new Set(interests.map((interest) => interest.eventId))]);
    return {
      items: interests.flatMap((interest) => {
        const event = events.get(interest.eventId);
        if (!event || (event.status !== 'announced' && event.status !== 'registration-open')) return [];
        return [{ ...toInterestReply(interest), event: registeredEventOf(event) }];
      }),
    };
  }

  /** How many seats an event and its workshops have left; for members before they register. */
  async seats({ eventId }: EventIdRequest): Promise<EventSeatsReply> {
    const event = await this.publishedEvent(eventId);
    return eventSeatsOf(event, await this.seatCounters.peek(eventId));
  }

  async participants(
    eventId: string,
    query: ParticipantListQuery,
    actor: Actor,
  ): Promise<Page<RegistrationReply>> {
    requireStaff(actor);
    const { event, views } = await this.eventAndViews(eventId);
    // A search reads the members' names, so it looks up everyone registered once; the page reuses them.
    const members = query.q
      ? await this.members.findByIds(memberIdsOf(views))
      : new Map<string, KnownMember>();
    const page = participantPage(views, query, members);
    return { items: await this.replies.ofMany(page.items, event, members), nextCursor: page.nextCursor };
  }

  async stats({ eventId }: EventIdRequest, actor: Actor): Promise<RegistrationStatsReply> {
    requireStaff(actor);
    const { event, views } = await this.eventAndViews(eventId);
    const registrations = views.map((view) => view.entry);
    const confirmed = views.filter((view) => view.entry.status === 'confirmed');
    const interest = await this.interests.countFor(eventId);
    const came = (view: RegistrationView) =>
      view.entry.delegation
        ? view.entry.delegation.some((person) => person.attended)
        : view.entry.attended === true;
    return {
      eventId,
      eventStatus: event.status,
      capacity: event.capacity,
      confirmed: confirmed.length,
      waiting: views.filter((view) => view.entry.status === 'waiting').length,
      cancelled: views.filter((view) => view.entry.status === 'cancelled').length,
      confirmedPeople: confirmed.reduce((sum, view) => sum + (view.entry.delegation?.length ?? 1), 0),
      interestedMembers: interest.members,
      interestedMunicipalities: interest.municipalities,
      attendedPeople: confirmed.reduce(
        (sum, view) =>
          sum +
          (view.entry.delegation
            ? view.entry.delegation.filter((person) => person.attended).length
            : view.entry.attended
              ? 1
              : 0),
        0,
      ),
      ...(event.status === 'held' ? { noShows: confirmed.filter((view) => !came(view)).length } : {}),
      workshops: event.workshops.map((workshop) => ({
        sessionId: workshop.sessionId,
        title: workshop.title,
        startsAt:
          event.snapshot.forum?.sessions.find((session) => session.sessionId === workshop.sessionId)
            ?.startsAt ?? workshop.startsAt.toISOString(),
        capacity: workshop.capacity,
        ...workshopSeatsOf(registrations, workshop.sessionId),
      })),
    };
  }

  private async publishedEvent(eventId: string): Promise<KnownEvent> {
    const event = await this.events.findById(eventId);
    if (!event || event.status === 'draft') throw new NotFoundError(RegistrationMessages.eventNotFound);
    return event;
  }

  private async eventAndViews(eventId: string): Promise<{ event: KnownEvent; views: RegistrationView[] }> {
    const event = await this.publishedEvent(eventId);
    return { event, views: viewsOf(eventId, await this.registrations.ofEvent(eventId)) };
  }
}
