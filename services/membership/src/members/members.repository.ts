import { MemberStatus } from '@ic/contracts';
import { OutboxEventFactory } from '@ic/messaging';
import { AggregateRepository, OutboxEntry, OutboxPublisher } from '@ic/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, RootFilterQuery } from 'mongoose';
import { compact, directoryKeyOf, searchTextOf } from '@ic/platform';
import { SaveOptions } from '../shared/save-options';
import { Member, MemberState } from './member';
import { MemberAggregate } from './member.aggregate';
import { ERASED, MEMBER_MODEL, MemberRecord, storedProfileOf } from './member.schema';

/** A Mongo filter on member documents, as built by buildDirectoryQuery. */
export type MemberFilter = RootFilterQuery<MemberRecord>;

/** Fields of MemberState a write may remove. */
const OPTIONAL_FIELDS = ['leftAt', 'leaveReason', 'leaveNote'] as const;

/** Everything an erasure removes: all that was about the person, and the directory keys made of their name. */
const ERASED_FIELDS = [
  'profile',
  'joinedAt',
  'leftAt',
  'leaveReason',
  'leaveNote',
  'announcementsOptOut',
  'searchText',
  'directoryKey',
] as const;

/** What is left of a member who had their data erased. */
export interface MemberTombstone {
  readonly id: string;
  readonly erasedAt: Date;
}

/**
 * The only place that touches the members collection; returns plain Member objects. Every write
 * publishes its events before it returns (a failed publish is left to the sweeper), so that a
 * reply follows its events onto Kafka and the events of one member stay in order across the
 * documents that carry them (invitation, member, sign-in link).
 */
@Injectable()
export class MembersRepository extends AggregateRepository<MemberRecord> {
  constructor(
    @InjectModel(MEMBER_MODEL) model: Model<MemberRecord>,
    outbox: OutboxPublisher,
    private readonly events: OutboxEventFactory,
  ) {
    super(model, outbox);
  }

  /**
   * Stores a new member (MemberAggregate.activate) with its facts as events; false when a member
   * with this id exists already.
   */
  async insert(member: MemberAggregate, correlationId?: string): Promise<boolean> {
    const { id, state } = member;
    const events = this.events.entriesOf(id, member.takeFacts(), correlationId);
    return this.insertAggregate(id, { ...stateFields(state), ...derivedFields(id, state) }, events);
  }

  /** The member to change; null when unknown or erased. */
  async load(id: string): Promise<MemberAggregate | null> {
    const member = await this.findById(id);
    return member && MemberAggregate.of(member);
  }

  /** The member; null when unknown or erased (see findTombstone). */
  async findById(id: string): Promise<Member | null> {
    const record = await this.model.findById(id, { outbox: 0 }).lean<MemberRecord>().exec();
    return record && record.status !== ERASED ? toMember(record) : null;
  }

  async findByIds(ids: readonly string[]): Promise<Member[]> {
    if (ids.length === 0) return [];
    const records = await this.model
      .find({ _id: { $in: [...ids] } }, { outbox: 0 })
      .lean<MemberRecord[]>()
      .exec();
    return records.filter((record) => record.status !== ERASED).map(toMember);
  }

  /** The erased member with this id; null when there is none (unknown, or not erased). */
  async findTombstone(id: string): Promise<MemberTombstone | null> {
    const record = await this.model.findById(id, { status: 1, erasedAt: 1 }).lean<MemberRecord>().exec();
    return record?.status === ERASED && record.erasedAt
      ? { id: record._id, erasedAt: record.erasedAt }
      : null;
  }

  /**
   * Writes the member's changes with its facts as events over the loaded revision and returns the
   * member as stored; a member without changes is not written. Throws ConcurrentChangeError when
   * another write got there first. An erased member is saved with saveErasure.
   */
  async save(member: MemberAggregate, options: SaveOptions = {}): Promise<Member> {
    if (!member.hasChanges) return member.state;
    const { id, state } = member;
    const events = this.events.entriesOf(id, member.takeFacts(), options.correlationId);
    await options.beforeWrite?.();
    const revision = await this.updateAggregate(id, state.revision, {
      set: { ...stateFields(state), ...derivedFields(id, state) },
      unset: OPTIONAL_FIELDS.filter((field) => state[field] === undefined),
      events,
    });
    return { ...state, revision };
  }

  /**
   * Writes an erased member (MemberAggregate.erase) over its loaded revision (ConcurrentChangeError
   * when it changed meanwhile): the document keeps its id, `status: 'erased'` and `erasedAt`; its
   * journal, whose events carried the profile, becomes the erasure's events. Check allPublished
   * first: nothing unpublished is kept.
   */
  async saveErasure(member: MemberAggregate, correlationId?: string): Promise<MemberTombstone> {
    const { id, erasedAt } = member;
    if (!erasedAt) throw new Error(`Member ${id} is not erased`);
    await this.updateAggregate(id, member.state.revision, {
      set: { status: ERASED, erasedAt, workingGroups: [] },
      unset: ERASED_FIELDS,
      events: this.events.entriesOf(id, member.takeFacts(), correlationId),
      replaceOutbox: [],
    });
    return { id, erasedAt };
  }

  /** One page in directory order (last name, first name, id); `limit` items at most. */
  async findInDirectoryOrder(
    filter: MemberFilter,
    limit: number,
  ): Promise<(Member & { directoryKey: string })[]> {
    const records = await this.model
      .find(filter, { outbox: 0 })
      .sort({ directoryKey: 1 })
      .limit(limit)
      .lean<MemberRecord[]>()
      .exec();
    return records.map((record) => ({ ...toMember(record), directoryKey: record.directoryKey }));
  }

  async countInWorkingGroup(workingGroupId: string, status: MemberStatus): Promise<number> {
    return this.model.countDocuments({ status, workingGroups: workingGroupId }).exec();
  }

  /** Every event the member document carries, oldest first (after an erasure only its events); null for an unknown member. */
  async journalOf(id: string): Promise<OutboxEntry[] | null> {
    const record = await this.model.findById(id, { outbox: 1 }).lean<Pick<MemberRecord, 'outbox'>>().exec();
    return record ? record.outbox : null;
  }

  async any(): Promise<boolean> {
    return (await this.model.exists({}).exec()) !== null;
  }
}

/** Exactly the stored fields of the state (an object with more, such as a Member, may be passed). */
function stateFields(state: MemberState): Partial<MemberRecord> {
  return compact({
    profile: compact(state.profile),
    status: state.status,
    workingGroups: [...state.workingGroups],
    joinedAt: state.joinedAt,
    leftAt: state.leftAt,
    leaveReason: state.leaveReason,
    leaveNote: state.leaveNote,
    announcementsOptOut: state.announcementsOptOut,
  });
}

function derivedFields(id: string, state: MemberState): Pick<MemberRecord, 'searchText' | 'directoryKey'> {
  const { firstName, lastName, municipality } = state.profile;
  return {
    searchText: searchTextOf([firstName, lastName, municipality?.name]),
    directoryKey: directoryKeyOf(lastName, firstName, id),
  };
}

/** A member that is not erased (the callers filter tombstones out). */
function toMember(record: MemberRecord): Member {
  if (record.status === ERASED) throw new Error(`Member ${record._id} is erased`);
  return compact({
    id: record._id,
    revision: record.revision,
    profile: storedProfileOf(record.profile),
    status: record.status,
    workingGroups: [...(record.workingGroups ?? [])],
    joinedAt: record.joinedAt,
    leftAt: record.leftAt,
    leaveReason: record.leaveReason,
    leaveNote: record.leaveNote,
    announcementsOptOut: record.announcementsOptOut ?? false,
  });
}
