import { Actor, EventChangeAspect, EventKind, EventStatus, MAX_DOCUMENTS_PER_EVENT } from '@ic/contracts';
import { AggregateRoot, ConflictError, FieldError, RuleViolationError } from '@ic/platform';
import { DocumentMessages } from '../documents/document.messages';
import { ClubEvent, ClubEventState, EventPlan, StoredDocument } from './club-event';
import { EventMessages } from './club-event.messages';
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

/** What happened to an event; each becomes one outgoing event carrying the event after the write. */
export type ClubEventFact =
  | { readonly type: 'drafted'; readonly by: Actor }
  | { readonly type: 'updated'; readonly by: Actor; readonly changed: readonly EventChangeAspect[] }
  /** `by` absent when the scheduler acted. */
  | { readonly type: 'status-changed'; readonly action: StatusAction; readonly by?: Actor }
  | { readonly type: 'cancelled'; readonly by: Actor; readonly previousStatus: EventStatus }
  | { readonly type: 'document-added'; readonly by: Actor; readonly document: StoredDocument }
  | { readonly type: 'document-removed'; readonly by: Actor; readonly document: StoredDocument };

/**
 * A club event: it checks its kind's rules and its lifecycle, changes its state and records what
 * happened. ClubEventsRepository.save stores the state with the recorded facts' events in one
 * write over the revision it was loaded at.
 */
export class ClubEventAggregate extends AggregateRoot<ClubEventFact> {
  private constructor(
    readonly id: string,
    /** The revision the event was loaded at; undefined for an event not stored yet. */
    readonly loadedRevision: number | undefined,
    private current: ClubEventState,
  ) {
    super();
  }

  /** A new event as a draft of the proposed plan, refused (422) while any rule of its kind is broken. */
  static draft(id: string, proposal: PlanProposal, by: Actor, now: Date): ClubEventAggregate {
    assertNoRuleViolations([...proposal.problems, ...eventPlanProblems(proposal.plan)]);
    const state = stateWithPlan(proposal.plan, { status: 'draft', documents: [], createdAt: now }, now);
    const event = new ClubEventAggregate(id, undefined, state);
    event.record({ type: 'drafted', by });
    return event;
  }

  /** The stored event, to act on. */
  static of(event: ClubEvent): ClubEventAggregate {
    const { id, revision, ...state } = event;
    return new ClubEventAggregate(id, revision, state);
  }

  get state(): ClubEventState {
    return this.current;
  }

  /**
   * The office's change of the plan of an event of `kind`: anything while it is a draft, everything
   * but its kind after it was announced, nothing once it was held or cancelled (409). The changed
   * plan is checked against the kind's rules as a whole; records which aspects changed, nothing
   * when none did.
   */
  changePlan(kind: EventKind, propose: (current: EventPlan) => PlanProposal, by: Actor, now: Date): void {
    if (this.current.kind !== kind) {
      throw new RuleViolationError(EventMessages.wrongKind(this.current.kind, kind), [
        { field: 'kind', message: EventMessages.wrongKind(this.current.kind, kind) },
      ]);
    }
    assertPlanChangeable(this.current);
    const { plan, problems } = propose(this.current);
    assertNoRuleViolations([...problems, ...eventPlanProblems(plan)]);
    const changed = changedAspects(this.current, plan);
    if (changed.length === 0) return;
    this.current = stateWithPlan(plan, this.current, now);
    this.record({ type: 'updated', by, changed });
  }

  /** The office's step in the lifecycle, refused when the status or the time does not allow it. */
  act(action: StatusAction, by: Actor, now: Date): void {
    assertActionAllowed(this.current, action, now);
    this.moveTo(action, now, by);
  }

  cancel(reason: string, by: Actor, now: Date): void {
    assertActionAllowed(this.current, 'cancel', now);
    const previousStatus = this.current.status;
    this.current = {
      ...this.current,
      status: 'cancelled',
      cancellation: { reason, cancelledAt: now, cancelledBy: by },
      updatedAt: now,
    };
    this.record({ type: 'cancelled', by, previousStatus });
  }

  /** The scheduler's step: the transition due at `now`, if any is, made by nobody. */
  applyDueTransition(now: Date): ScheduledTransition | undefined {
    const due = dueTransition(this.current, now);
    if (due) this.moveTo(due.action, now);
    return due;
  }

  /** Why the event takes no more documents (cancelled, or full), if it does not. */
  documentRefusal(): Error | undefined {
    if (this.current.status === 'cancelled') return new ConflictError(DocumentMessages.eventCancelled);
    if (this.current.documents.length >= MAX_DOCUMENTS_PER_EVENT) {
      return new RuleViolationError(DocumentMessages.tooMany, [
        { field: 'documents', message: DocumentMessages.tooMany },
      ]);
    }
    return undefined;
  }

  documentById(documentId: string): StoredDocument | undefined {
    return this.current.documents.find((document) => document.documentId === documentId);
  }

  addDocument(document: StoredDocument, by: Actor, now: Date): void {
    const refusal = this.documentRefusal();
    if (refusal) throw refusal;
    this.current = { ...this.current, documents: [...this.current.documents, document], updatedAt: now };
    this.record({ type: 'document-added', by, document });
  }

  /** Drops the document; an event without it stays as it is. */
  removeDocument(documentId: string, by: Actor, now: Date): void {
    const document = this.documentById(documentId);
    if (!document) return;
    this.current = {
      ...this.current,
      documents: this.current.documents.filter((kept) => kept.documentId !== documentId),
      updatedAt: now,
    };
    this.record({ type: 'document-removed', by, document });
  }

  private moveTo(action: StatusAction, now: Date, by?: Actor): void {
    this.current = { ...this.current, status: StaffActions[action].to, updatedAt: now };
    this.record({ type: 'status-changed', action, ...(by ? { by } : {}) });
  }
}
