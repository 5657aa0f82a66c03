import {
  AnalyticsEventsQuery,
  berlinDate,
  EventDetailFiguresReply,
  EventFiguresQuery,
  EventFiguresReply,
  EventsFiguresReply,
  formatBerlinTime,
  MembershipFiguresReply,
  MembershipMonthsQuery,
  ParticipationQuery,
  ParticipationReply,
  WorkingGroupSizesReply,
} from '@ic/contracts';
import { Clock, NotFoundError } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { ClubEventRow } from '../club-events/club-event-row';
import { MemberRow } from '../members/member-row';
import { GenerationsRepository } from '../projections/generations.repository';
import { Projections } from '../projections/projections';
import { EventRegistrationsDocument } from '../registrations/event-registrations';
import { eventFiguresOf } from './event-figures';
import { membershipMonths } from './membership-months';
import { participantOf, participationOf } from './participation';
import { registrationTimeline } from './registration-timeline';
import { workingGroupSizes } from './working-group-sizes';

/** The figures, computed on request from the current generation's projections. */
@Injectable()
export class FiguresQueries {
  constructor(
    private readonly generations: GenerationsRepository,
    private readonly clock: Clock,
  ) {}

  async events(query: AnalyticsEventsQuery): Promise<EventsFiguresReply> {
    const projections = await this.current();
    const [rows, documents] = await Promise.all([
      projections.clubEvents.all(),
      projections.eventRegistrations.all(),
    ]);
    const rowOf = new Map(rows.map((row) => [row._id, row]));
    const documentOf = new Map(documents.map((document) => [document._id, document]));
    const items = [...new Set([...rowOf.keys(), ...documentOf.keys()])]
      .filter((eventId) => matchesEvents(rowOf.get(eventId), query))
      .map((eventId) => figuresReply(eventId, rowOf.get(eventId), documentOf.get(eventId)))
      .sort(byStartThenTitle);
    return { items };
  }

  async event(eventId: string, query: EventFiguresQuery): Promise<EventDetailFiguresReply> {
    const projections = await this.current();
    const [row, document] = await Promise.all([
      projections.clubEvents.find(eventId),
      projections.eventRegistrations.find(eventId),
    ]);
    if (!row && !document) {
      throw new NotFoundError('Zu dieser Veranstaltung liegen keine Zahlen vor.');
    }
    const registeredAt = (document?.registrations ?? []).map((entry) => entry.registeredAt);
    const openedAt =
      row?.registrationOpenedAt ??
      row?.registrationOpensAt ??
      [...registeredAt].sort((a, b) => a.getTime() - b.getTime())[0];
    const granularity = query.granularity ?? 'day';
    const timeline = openedAt
      ? registrationTimeline(registeredAt, openedAt, granularity)
      : { registeredBeforeOpening: 0, steps: [] };
    return {
      ...figuresReply(eventId, row, document),
      ...(openedAt ? { registrationOpenedAt: formatBerlinTime(openedAt) } : {}),
      granularity,
      registeredBeforeOpening: timeline.registeredBeforeOpening,
      timeline: timeline.steps.map((step) => ({
        step: step.step,
        from: formatBerlinTime(step.from),
        to: formatBerlinTime(step.to),
        registrations: step.registrations,
        cumulative: step.cumulative,
      })),
    };
  }

  async participation(query: ParticipationQuery): Promise<ParticipationReply> {
    const projections = await this.current();
    const [rows, documents, members] = await Promise.all([
      projections.clubEvents.all(),
      projections.eventRegistrations.all(),
      projections.members.all(),
    ]);
    const rowOf = new Map(rows.map((row) => [row._id, row]));
    const memberOf = new Map(members.map((member) => [member._id, member]));
    const participants = documents
      .filter((document) => !query.eventId || document._id === query.eventId)
      .filter((document) => matchesEvents(rowOf.get(document._id), query))
      .flatMap((document) => document.registrations)
      .map((entry) => participantOf(entry, entry.memberKey ? memberOf.get(entry.memberKey) : undefined));
    return participationOf(participants);
  }

  async membership(query: MembershipMonthsQuery): Promise<MembershipFiguresReply> {
    const members: MemberRow[] = await (await this.current()).members.all();
    return {
      months: membershipMonths(members, query, this.clock.now()),
      activeMembers: members.filter((member) => member.status === 'active').length,
    };
  }

  async workingGroups(): Promise<WorkingGroupSizesReply> {
    const projections = await this.current();
    const [groups, members] = await Promise.all([projections.workingGroups.all(), projections.members.all()]);
    return { items: workingGroupSizes(groups, members) };
  }

  private async current(): Promise<Projections> {
    const { current } = await this.generations.read();
    return new Projections(this.generations.database, this.generations.generation(current));
  }
}

/** Kind and the Berlin day the event starts on; an event not read yet matches only when nothing is asked of it. */
function matchesEvents(row: ClubEventRow | undefined, query: AnalyticsEventsQuery): boolean {
  if (!query.kind && !query.from && !query.to) return true;
  if (!row) return false;
  if (query.kind && row.kind !== query.kind) return false;
  if (!query.from && !query.to) return true;
  if (!row.startsAt) return false;
  const day = berlinDate(row.startsAt);
  return (!query.from || day >= query.from) && (!query.to || day <= query.to);
}

function figuresReply(
  eventId: string,
  row: ClubEventRow | undefined,
  document: EventRegistrationsDocument | undefined,
): EventFiguresReply {
  const capacity = row?.capacity ?? document?.capacity ?? null;
  return {
    eventId,
    ...(row ? { title: row.title, kind: row.kind, status: row.status } : {}),
    ...(row?.startsAt ? { startsAt: formatBerlinTime(row.startsAt) } : {}),
    ...(row?.endsAt ? { endsAt: formatBerlinTime(row.endsAt) } : {}),
    capacity,
    ...eventFiguresOf(document?.registrations ?? [], { held: row?.status === 'held', capacity }),
  };
}

function byStartThenTitle(a: EventFiguresReply, b: EventFiguresReply): number {
  const start = (reply: EventFiguresReply) => (reply.startsAt ? Date.parse(reply.startsAt) : Infinity);
  return (
    start(a) - start(b) ||
    (a.title ?? '').localeCompare(b.title ?? '', 'de') ||
    a.eventId.localeCompare(b.eventId)
  );
}
