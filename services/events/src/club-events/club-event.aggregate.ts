import {
  Actor,
  ClubEventChange,
  EventAnnouncedEvent,
  EventCancelledEvent,
  EventContract,
  EventDocumentAddedEvent,
  EventDocumentRemovedEvent,
  EventDraftedEvent,
  EventHeldEvent,
  EventKind,
  EventUpdatedEvent,
  MAX_DOCUMENTS_PER_EVENT,
  RegistrationClosedEvent,
  RegistrationOpenedEvent,
} from '@ic/contracts';
import { Aggregate, ConflictError, FieldError, RuleViolationError } from '@ic/platform';
import { DocumentMessages } from '../documents/document.messages';
import { ClubEvent, ClubEventState, EventPlan, StoredDocument } from './club-event';
import { EventMessages } from './club-event.messages';
import { toEventDocument, toSnapshot } from './club-event.mapper';
import { stateWithPlan } from './club-event.state';
import { changedAspects } from './rules/changes';
import { eventPlanProblems } from './rules/event-plan.rules';
import {
  assertActionAllowed,
  assertPlanChangeable,
  dueTransition,
  ScheduledTransition,
  StaffAction,
  StaffActions,
} from './rules/lifecycle.rules';
import { assertNoRuleViolations } from './rules/rule-problems';

/** An action of the lifecycle that leads to the next status (cancelling carries a reason). */
export type StatusAction = Exclude<StaffAction, 'cancel'>;

/** A plan as the office entered it, with the problems found while reading the request (speakers). */
export interface PlanProposal {
  readonly plan: EventPlan;
  readonly problems: readonly FieldError[];
}

/**
 * Every change reaches Kafka as one message with the whole event in it, and the broker takes
 * messages up to 1 MB: an event too large to publish is refused before it is stored.
 */
export const MAX_SNAPSHOT_BYTES = 800_000;

const STATUS_EVENTS: Readonly<Record<StatusAction, EventContract<ClubEventChange>>> = {
  announce: EventAnnouncedEvent,
  'open-registration': RegistrationOpenedEvent,
  'close-registration': RegistrationClosedEvent,
  'mark-held': EventHeldEvent,
};

/**
 * A club event: it checks its kind's rules and its lifecycle, changes its state and records the
 * events of the change, each carrying the whole event as the write leaves it (the next revision).
 * ClubEventsRepository.save stores the state with them in one write over the revision it was
 * loaded at; so one change is made per load.
 */
export class ClubEventAggregate extends Aggregate<ClubEventState> {
  private constructor(
    readonly id: string,
    /** The revision the event was loaded at; undefined for an event not stored yet. */
    readonly loadedRevision: number | undefined,
    state: ClubEventState,
  ) {
    super(state);
  }

  /** A new event as a draft of the proposed plan, refused (422) while any rule of its kind is broken. */
  static draft(id: string, proposal: PlanProposal, by: Actor, now: Date): ClubEventAggregate {
    assertNoRuleViolations([...proposal.problems, ...eventPlanProblems(proposal.plan)]);
    const state = stateWithPlan(proposal.plan, { status: 'draft', documents: [], createdAt: now }, now);
    const event = new ClubEventAggregate(id, undefined, state);
    event.record(EventDraftedEvent, event.changeData(by));
    return event;
  }

  /** The stored event, to act on. */
  static of(event: ClubEvent): ClubEventAggregate {
    const { id, revision, ...state } = event;
    return new ClubEventAggregate(id, revision, state);
  }

  /**
   * The office's change of the plan of an event of `kind`: anything while it is a draft, everything
   * but its kind after it was announced, nothing once it was held or cancelled (409). The changed
   * plan is checked against the kind's rules as a whole; records which aspects changed, nothing
   * when none did.
   */
  changePlan(kind: EventKind, propose: (current: EventPlan) => PlanProposal, by: Actor, now: Date): void {
    if (this.state.kind !== kind) {
      throw new RuleViolationError(EventMessages.wrongKind(this.state.kind, kind), [
        { field: 'kind', message: EventMessages.wrongKind(this.state.kind, kind) },
      ]);
    }
    assertPlanChangeable(this.state);
    const { plan, problems } = propose(this.state);
    assertNoRuleViolations([...problems, ...eventPlanProblems(plan)]);
    const changed = changedAspects(this.state, plan);
    if (changed.length === 0) return;
    this.change(stateWithPlan(plan, this.state, now));
    this.record(EventUpdatedEvent, { ...this.changeData(by), by, changed });
  }

  /** The office's step in the lifecycle, refused when the status or the time does not allow it. */
  act(action: StatusAction, by: Actor, now: Date): void {
    assertActionAllowed(this.state, action, now);
    this.moveTo(action, now, by);
  }

  cancel(reason: string, by: Actor, now: Date): void {
    const previousStatus = assertActionAllowed(this.state, 'cancel', now);
    this.change({
      ...this.state,
      status: 'cancelled',
      cancellation: { reason, cancelledAt: now, cancelledBy: by },
      updatedAt: now,
    });
    this.record(EventCancelledEvent, { ...this.changeData(by), by, reason, previousStatus });
  }

  /** The scheduler's step: the transition due at `now`, if any is, made by nobody. */
  applyDueTransition(now: Date): ScheduledTransition | undefined {
    const due = dueTransition(this.state, now);
    if (due) this.moveTo(due.action, now);
    return due;
  }

  /** Why the event takes no more documents (cancelled, or full), if it does not. */
  documentRefusal(): Error | undefined {
    if (this.state.status === 'cancelled') return new ConflictError(DocumentMessages.eventCancelled);
    if (this.state.documents.length >= MAX_DOCUMENTS_PER_EVENT) {
      return new RuleViolationError(DocumentMessages.tooMany, [
        { field: 'documents', message: DocumentMessages.tooMany },
      ]);
    }
    return undefined;
  }

  documentById(documentId: string): StoredDocument | undefined {
    return this.state.documents.find((document) => document.documentId === documentId);
  }

  addDocument(document: StoredDocument, by: Actor, now: Date): void {
    const refusal = this.documentRefusal();
    if (refusal) throw refusal;
    this.change({ ...this.state, documents: [...this.state.documents, document], updatedAt: now });
    this.record(EventDocumentAddedEvent, {
      ...this.changeData(by),
      by,
      document: toEventDocument(document),
    });
  }

  /** Drops the document; an event without it stays as it is. */
  removeDocument(documentId: string, by: Actor, now: Date): void {
    const document = this.documentById(documentId);
    if (!document) return;
    this.change({
      ...this.state,
      documents: this.state.documents.filter((kept) => kept.documentId !== documentId),
      updatedAt: now,
    });
    this.record(EventDocumentRemovedEvent, {
      ...this.changeData(by),
      by,
      document: toEventDocument(document),
    });
  }

  /** The event as this change stores it: the next revision (a new event's first). */
  get next(): ClubEvent {
    return { ...this.state, id: this.id, revision: (this.loadedRevision ?? 0) + 1 };
  }

  private moveTo(action: StatusAction, now: Date, by?: Actor): void {
    this.change({ ...this.state, status: StaffActions[action].to, updatedAt: now });
    this.record(STATUS_EVENTS[action], this.changeData(by));
  }

  /** What every event of a change carries: the whole event after it; `by` absent when the scheduler acted. */
  private changeData(by?: Actor): ClubEventChange {
    const { next } = this;
    const snapshot = toSnapshot(next);
    assertPublishable(snapshot);
    return { eventId: next.id, revision: next.revision, ...(by ? { by } : {}), event: snapshot };
  }
}

function assertPublishable(snapshot: unknown): void {
  const bytes = Buffer.byteLength(JSON.stringify(snapshot), 'utf8');
  if (bytes > MAX_SNAPSHOT_BYTES) {
    throw new RuleViolationError(EventMessages.tooLarge(Math.ceil(bytes / 1000), MAX_SNAPSHOT_BYTES / 1000), [
      { field: 'event', message: EventMessages.tooLarge(Math.ceil(bytes / 1000), MAX_SNAPSHOT_BYTES / 1000) },
    ]);
  }
}
