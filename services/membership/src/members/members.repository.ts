import { MemberStatus } from '@ic/contracts';
import { OutboxEntry, OutboxRelay, RevisionsRepository, VersionedDocuments } from '@ic/messaging';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, RootFilterQuery } from 'mongoose';
import { directoryKeyOf, searchTextOf } from '../shared/search-text';
import { compact } from '@ic/platform';
import { Member, MemberState } from './member';
import { MEMBER_MODEL, MEMBERS_COLLECTION, MemberRecord } from './member.schema';

/** A Mongo filter on member documents, as built by buildDirectoryQuery. */
export type MemberFilter = RootFilterQuery<MemberRecord>;

/** Fields of MemberState a write may remove. */
const OPTIONAL_FIELDS = ['leftAt', 'leaveReason', 'leaveNote'] as const;

/**
 * The only place that touches the members collection; returns plain Member objects. Every write
 * publishes its events before it returns (a failed publish is left to the sweeper), so that a
 * reply follows its events onto Kafka and the events of one member stay in order across the
 * documents that carry them (invitation, member, sign-in link).
 */
@Injectable()
export class MembersRepository {
  private readonly documents: VersionedDocuments<MemberRecord>;

  constructor(
    @InjectModel(MEMBER_MODEL) private readonly model: Model<MemberRecord>,
    relay: OutboxRelay,
    revisions: RevisionsRepository,
  ) {
    this.documents = new VersionedDocuments(model, MEMBERS_COLLECTION, relay, revisions);
  }

  /** Stores a new member with its first events; false when a member with this id exists already. */
  async insert(id: string, state: MemberState, events: readonly OutboxEntry[]): Promise<boolean> {
    return this.documents.insert(id, { ...stateFields(state), ...derivedFields(id, state) }, events);
  }

  async findById(id: string): Promise<Member | null> {
    const record = await this.model.findById(id, { outbox: 0 }).lean<MemberRecord>().exec();
    return record ? toMember(record) : null;
  }

  async findByIds(ids: readonly string[]): Promise<Member[]> {
    if (ids.length === 0) return [];
    const records = await this.model
      .find({ _id: { $in: [...ids] } }, { outbox: 0 })
      .lean<MemberRecord[]>()
      .exec();
    return records.map(toMember);
  }

  /** The member with this (normalised) address; an active one if there are several. */
  async findByEmail(email: string): Promise<Member | null> {
    const records = await this.model
      .find({ 'profile.email': email }, { outbox: 0 })
      .lean<MemberRecord[]>()
      .exec();
    const members = records.map(toMember);
    return members.find((member) => member.status === 'active') ?? members[0] ?? null;
  }

  /**
   * Writes the member's next state with its events, as the only writer of the next revision.
   * Throws ConcurrentChangeError when another write got there first.
   */
  async update(member: Member, next: MemberState, events: readonly OutboxEntry[]): Promise<Member> {
    const revision = await this.documents.update(
      member.id,
      member.revision,
      { ...stateFields(next), ...derivedFields(member.id, next) },
      OPTIONAL_FIELDS.filter((field) => next[field] === undefined),
      events,
    );
    return { ...next, id: member.id, revision };
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

  /** Every event the member document ever carried, oldest first; null for an unknown member. */
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

function toMember(record: MemberRecord): Member {
  return compact({
    id: record._id,
    revision: record.revision,
    profile: compact({
      ...record.profile,
      themes: [...(record.profile.themes ?? [])],
      ...(record.profile.municipality ? { municipality: compact(record.profile.municipality) } : {}),
    }),
    status: record.status,
    workingGroups: [...(record.workingGroups ?? [])],
    joinedAt: record.joinedAt,
    leftAt: record.leftAt,
    leaveReason: record.leaveReason,
    leaveNote: record.leaveNote,
    announcementsOptOut: record.announcementsOptOut ?? false,
  });
}
