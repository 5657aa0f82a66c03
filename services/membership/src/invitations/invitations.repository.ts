import { OutboxEventFactory } from '@ic/messaging';
import { AggregateRepository, insertUnlessExists, OutboxEntry, OutboxPublisher } from '@ic/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, RootFilterQuery } from 'mongoose';
import { compact } from '@ic/platform';
import { storedProfileOf } from '../members/member.schema';
import { SaveOptions } from '../shared/save-options';
import { Invitation, InvitationOutcome, InvitationOutcomeKind, InvitationState } from './invitation';
import { InvitationAggregate } from './invitation.aggregate';
import {
  INVITATION_MODEL,
  INVITATION_OUTCOME_MODEL,
  InvitationOutcomeRecord,
  InvitationRecord,
} from './invitation.schema';

export type InvitationFilter = RootFilterQuery<InvitationRecord>;

const OPTIONAL_FIELDS = ['personalMessage', 'answeredAt', 'declineReason'] as const;

export function invitationListKey(createdAt: Date, id: string): string {
  return `${createdAt.toISOString()}|${id}`;
}

/** The only place that touches the invitations and their outcomes; returns plain objects. */
@Injectable()
export class InvitationsRepository extends AggregateRepository<InvitationRecord> {
  constructor(
    @InjectModel(INVITATION_MODEL) model: Model<InvitationRecord>,
    @InjectModel(INVITATION_OUTCOME_MODEL) private readonly outcomes: Model<InvitationOutcomeRecord>,
    outbox: OutboxPublisher,
    private readonly events: OutboxEventFactory,
  ) {
    super(model, outbox);
  }

  /**
   * Stores a new invitation (InvitationAggregate.invite) with its facts as events; false when the
   * id exists already.
   */
  async insert(invitation: InvitationAggregate, options: SaveOptions = {}): Promise<boolean> {
    const { id, state } = invitation;
    const events = this.events.entriesOf(id, invitation.takeFacts(), options.correlationId);
    await options.beforeWrite?.();
    return this.insertAggregate(
      id,
      { ...stateFields(state), listKey: invitationListKey(state.createdAt, id) },
      events,
    );
  }

  /** The invitation to change; null when unknown. */
  async load(id: string): Promise<InvitationAggregate | null> {
    const invitation = await this.findById(id);
    return invitation && InvitationAggregate.of(invitation);
  }

  async findById(id: string): Promise<Invitation | null> {
    const record = await this.model.findById(id, { outbox: 0 }).lean<InvitationRecord>().exec();
    return record ? toInvitation(record) : null;
  }

  async findByTokenHash(tokenHash: string): Promise<Invitation | null> {
    const record = await this.model.findOne({ tokenHash }, { outbox: 0 }).lean<InvitationRecord>().exec();
    return record ? toInvitation(record) : null;
  }

  /**
   * Writes the invitation's changes with its facts as events over the loaded revision and returns
   * it as stored (ConcurrentChangeError when it changed meanwhile); one without changes is not written.
   */
  async save(invitation: InvitationAggregate, options: SaveOptions = {}): Promise<Invitation> {
    if (!invitation.hasChanges) return invitation.state;
    const { id, state } = invitation;
    const events = this.events.entriesOf(id, invitation.takeFacts(), options.correlationId);
    await options.beforeWrite?.();
    const revision = await this.updateAggregate(id, state.revision, {
      set: stateFields(state),
      unset: OPTIONAL_FIELDS.filter((field) => state[field] === undefined),
      events,
    });
    return { ...state, revision };
  }

  /** Newest first (by listKey); `limit` items at most. */
  async findNewestFirst(
    filter: InvitationFilter,
    limit: number,
  ): Promise<(Invitation & { listKey: string })[]> {
    const records = await this.model
      .find(filter, { outbox: 0 })
      .sort({ listKey: -1 })
      .limit(limit)
      .lean<InvitationRecord[]>()
      .exec();
    return records.map((record) => ({ ...toInvitation(record), listKey: record.listKey }));
  }

  /** Every event the invitation document ever carried; null for an unknown invitation. */
  async journalOf(id: string): Promise<OutboxEntry[] | null> {
    const record = await this.model
      .findById(id, { outbox: 1 })
      .lean<Pick<InvitationRecord, 'outbox'>>()
      .exec();
    return record ? record.outbox : null;
  }

  /**
   * Removes the invitation of a member who had their data erased: it holds the profile and the
   * office's personal message. Its recorded outcome (id, answer, time) stays, so the id stays used.
   */
  async remove(id: string): Promise<void> {
    await this.removeAggregate(id);
  }

  /** Records the invitation's one answer; false when it has one already. */
  async recordOutcome(invitationId: string, outcome: InvitationOutcomeKind, at: Date): Promise<boolean> {
    return insertUnlessExists(this.outcomes, { _id: invitationId, outcome, at });
  }

  async outcomeOf(invitationId: string): Promise<InvitationOutcome | null> {
    const record = await this.outcomes.findById(invitationId).lean<InvitationOutcomeRecord>().exec();
    return record ? { invitationId: record._id, outcome: record.outcome, at: record.at } : null;
  }
}

/** Exactly the stored fields of the state (an object with more, such as an Invitation, may be passed). */
function stateFields(state: InvitationState): Partial<InvitationRecord> {
  return compact({
    profile: compact(state.profile),
    personalMessage: state.personalMessage,
    invitedBy: state.invitedBy,
    createdAt: state.createdAt,
    expiresAt: state.expiresAt,
    tokenHash: state.tokenHash,
    sentCount: state.sentCount,
    lastSentAt: state.lastSentAt,
    status: state.status,
    answeredAt: state.answeredAt,
    declineReason: state.declineReason,
  });
}

function toInvitation(record: InvitationRecord): Invitation {
  return compact({
    id: record._id,
    revision: record.revision,
    profile: storedProfileOf(record.profile),
    personalMessage: record.personalMessage,
    invitedBy: { subject: record.invitedBy.subject, role: record.invitedBy.role },
    createdAt: record.createdAt,
    expiresAt: record.expiresAt,
    tokenHash: record.tokenHash,
    sentCount: record.sentCount,
    lastSentAt: record.lastSentAt,
    status: record.status,
    answeredAt: record.answeredAt,
    declineReason: record.declineReason,
  });
}
