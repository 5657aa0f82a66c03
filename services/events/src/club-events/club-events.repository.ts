import { FederalState } from '@ic/contracts';
import { OutboxEventFactory } from '@ic/messaging';
import { AggregateRepository, OutboxPublisher } from '@ic/persistence';
import { compact } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { ClubEvent, ClubEventState, federalStatesOf, ForumPlan, hasOpenEnd } from './club-event';
import { ClubEventAggregate } from './club-event.aggregate';
import { CLUB_EVENT_MODEL, ClubEventRecord } from './club-event.schema';
import { scheduledTransition } from './rules/lifecycle.rules';

/** A Mongo filter on event documents, as built by buildEventListQuery. */
export type ClubEventFilter = FilterQuery<ClubEventRecord>;

/** Fields of ClubEventState (and the scheduler key) that a write may remove. */
const OPTIONAL_FIELDS = [
  'summary',
  'startsAt',
  'endsAt',
  'targetGroup',
  'venue',
  'cancellation',
  'nextTransitionAt',
] as const;

/** What a list shows of an event; the rest stays in the database. */
const SUMMARY_FIELDS = {
  kind: 1,
  status: 1,
  title: 1,
  summary: 1,
  themes: 1,
  capacity: 1,
  startsAt: 1,
  endsAt: 1,
  registration: 1,
  venue: 1,
  federalStates: 1,
  cancellation: 1,
  sortKey: 1,
  targetGroup: 1,
  lounge: 1,
  'forum.leitgedanke': 1,
  'forum.edition': 1,
  // The number of modules, without their guiding questions.
  'circle.modules.moduleId': 1,
} as const;

export interface ClubEventSummary extends Pick<
  ClubEvent,
  | 'id'
  | 'kind'
  | 'status'
  | 'title'
  | 'summary'
  | 'themes'
  | 'capacity'
  | 'startsAt'
  | 'endsAt'
  | 'registration'
  | 'venue'
  | 'cancellation'
  | 'targetGroup'
  | 'lounge'
> {
  readonly federalStates: readonly FederalState[];
  readonly sortKey: string;
  readonly forum?: Pick<ForumPlan, 'leitgedanke' | 'edition'>;
  readonly circle?: { readonly moduleCount: number };
}

/**
 * The only place that touches the events collection; returns plain objects. Every write stores
 * the event's next state with its outgoing events in one document write over the loaded revision,
 * and publishes them right after (a failed publish is left to the sweeper).
 */
@Injectable()
export class ClubEventsRepository extends AggregateRepository<ClubEventRecord> {
  constructor(
    @InjectModel(CLUB_EVENT_MODEL) model: Model<ClubEventRecord>,
    outbox: OutboxPublisher,
    private readonly events: OutboxEventFactory,
  ) {
    super(model, outbox);
  }

  async findById(id: string): Promise<ClubEvent | null> {
    const record = await this.model.findById(id, { outbox: 0 }).lean<ClubEventRecord>().exec();
    return record ? toClubEvent(record) : null;
  }

  /** The event to act on, as of its stored revision. */
  async load(id: string): Promise<ClubEventAggregate | null> {
    const event = await this.findById(id);
    return event ? ClubEventAggregate.of(event) : null;
  }

  /**
   * Stores the event's state with the events it recorded, in one write: a new event as revision 1,
   * a loaded one over the revision it was loaded at (ConcurrentChangeError when another write
   * changed it since). Returns the event as stored; one without changes is not written.
   */
  async save(event: ClubEventAggregate, correlationId?: string): Promise<ClubEvent> {
    const { id, loadedRevision, state } = event;
    if (loadedRevision !== undefined && !event.hasChanges) return { ...state, id, revision: loadedRevision };
    const events = this.events.entriesOf(id, event.takeFacts(), correlationId);
    if (loadedRevision === undefined) {
      await this.insertAggregate(id, { ...compact(recordFields(id, state)), revision: 1 }, events);
      return event.next;
    }
    const fields = recordFields(id, state);
    const revision = await this.updateAggregate(id, loadedRevision, {
      set: compact(fields),
      unset: OPTIONAL_FIELDS.filter((field) => fields[field] === undefined),
      events,
    });
    return { ...state, id, revision };
  }

  /** Ids of events whose scheduled transition is due, the longest overdue first. */
  async findDue(now: Date, limit: number): Promise<string[]> {
    const records = await this.model
      .find({ nextTransitionAt: { $lte: now } }, { _id: 1 })
      .sort({ nextTransitionAt: 1 })
      .limit(limit)
      .lean<Pick<ClubEventRecord, '_id'>[]>()
      .exec();
    return records.map((record) => record._id);
  }

  /** One page of summaries in start order (ascending or descending, then by id). */
  async findSummaries(filter: ClubEventFilter, order: 1 | -1, limit: number): Promise<ClubEventSummary[]> {
    const records = await this.model
      .find(filter, SUMMARY_FIELDS)
      .sort({ sortKey: order })
      .limit(limit)
      .lean<ClubEventRecord[]>()
      .exec();
    return records.map((record) =>
      compact({
        id: record._id,
        kind: record.kind,
        status: record.status,
        title: record.title,
        summary: record.summary,
        themes: [...(record.themes ?? [])],
        capacity: record.capacity,
        startsAt: record.startsAt,
        endsAt: record.endsAt,
        registration: { opensAt: record.registration.opensAt, closesAt: record.registration.closesAt },
        venue: record.venue ? compact({ ...record.venue }) : undefined,
        cancellation: record.cancellation ? compact({ ...record.cancellation }) : undefined,
        federalStates: [...(record.federalStates ?? [])],
        sortKey: record.sortKey,
        targetGroup: record.targetGroup
          ? compact({
              federalStates: [...(record.targetGroup.federalStates ?? [])],
              maxPopulation: record.targetGroup.maxPopulation,
            })
          : undefined,
        forum: record.forum
          ? compact({ leitgedanke: record.forum.leitgedanke, edition: record.forum.edition })
          : undefined,
        lounge: record.lounge
          ? { topic: record.lounge.topic, host: compact({ ...record.lounge.host }) }
          : undefined,
        circle: record.circle ? { moduleCount: record.circle.modules?.length ?? 0 } : undefined,
      }),
    );
  }

  /** Whole events in start order (ascending or descending), at most `limit`. */
  async findAll(filter: ClubEventFilter, limit: number, order: 1 | -1): Promise<ClubEvent[]> {
    const records = await this.model
      .find(filter, { outbox: 0 })
      .sort({ sortKey: order })
      .limit(limit)
      .lean<ClubEventRecord[]>()
      .exec();
    return records.map(toClubEvent);
  }
}

/** The stored fields of a state, with the keys derived from it; absent optional fields are undefined. */
function recordFields(id: string, state: ClubEventState): Partial<ClubEventRecord> {
  return {
    kind: state.kind,
    status: state.status,
    title: state.title,
    summary: state.summary,
    description: state.description,
    descriptionHtml: state.descriptionHtml,
    themes: [...state.themes],
    capacity: state.capacity,
    startsAt: state.startsAt,
    endsAt: state.endsAt,
    registration: state.registration,
    audience: state.audience,
    announceTo: state.announceTo,
    targetGroup: state.targetGroup,
    venue: state.venue,
    forum: state.forum,
    lounge: state.lounge,
    circle: state.circle,
    documents: [...state.documents],
    cancellation: state.cancellation,
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
    federalStates: federalStatesOf(state),
    sortKey: sortKeyOf(id, state),
    openEnded: hasOpenEnd(state),
    nextTransitionAt: scheduledTransition(state)?.at,
  };
}

export function sortKeyOf(id: string, state: Pick<ClubEventState, 'startsAt' | 'createdAt'>): string {
  return `${(state.startsAt ?? state.createdAt).toISOString()}|${id}`;
}

function toClubEvent(record: ClubEventRecord): ClubEvent {
  return compact({
    id: record._id,
    revision: record.revision,
    kind: record.kind,
    status: record.status,
    title: record.title,
    summary: record.summary,
    description: record.description ?? '',
    descriptionHtml: record.descriptionHtml ?? '',
    themes: [...(record.themes ?? [])],
    capacity: record.capacity,
    startsAt: record.startsAt,
    endsAt: record.endsAt,
    registration: { opensAt: record.registration.opensAt, closesAt: record.registration.closesAt },
    audience: record.audience,
    announceTo: record.announceTo,
    targetGroup: record.targetGroup
      ? compact({
          federalStates: [...record.targetGroup.federalStates],
          maxPopulation: record.targetGroup.maxPopulation,
        })
      : undefined,
    venue: record.venue ? compact({ ...record.venue }) : undefined,
    forum: record.forum
      ? compact({
          leitgedanke: record.forum.leitgedanke,
          edition: record.forum.edition,
          sessions: (record.forum.sessions ?? []).map((session) =>
            compact({
              ...session,
              speakers: (session.speakers ?? []).map((speaker) => compact({ ...speaker })),
            }),
          ),
        })
      : undefined,
    lounge: record.lounge
      ? { topic: record.lounge.topic, host: compact({ ...record.lounge.host }) }
      : undefined,
    circle: record.circle
      ? compact({
          modules: (record.circle.modules ?? []).map((module) =>
            compact({ ...module, guidingQuestions: [...(module.guidingQuestions ?? [])] }),
          ),
          delegation: {
            maxPeople: record.circle.delegation.maxPeople,
            suggestedRoles: [...(record.circle.delegation.suggestedRoles ?? [])],
          },
          feeCents: record.circle.feeCents,
          feeNote: record.circle.feeNote,
        })
      : undefined,
    documents: (record.documents ?? []).map((document) =>
      compact({
        ...document,
        uploadedBy: { subject: document.uploadedBy.subject, role: document.uploadedBy.role },
      }),
    ),
    cancellation: record.cancellation
      ? compact({
          reason: record.cancellation.reason,
          cancelledAt: record.cancellation.cancelledAt,
          cancelledBy: record.cancellation.cancelledBy
            ? { subject: record.cancellation.cancelledBy.subject, role: record.cancellation.cancelledBy.role }
            : undefined,
        })
      : undefined,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  });
}
