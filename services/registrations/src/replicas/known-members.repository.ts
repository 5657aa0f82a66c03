import { MemberProfile } from '@ic/contracts';
import { ReplicaWrite, writeIfNotNewer } from '@ic/persistence';
import { compact } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { KnownMember, MemberFields, memberFieldsOf } from './known-member';
import { KNOWN_MEMBER_MODEL, KnownMemberRecord } from './known-member.schema';

/**
 * The members as this service knows them. Every write carries the time of the membership event it
 * comes from (`asOf`) and applies only over older state: a member's events arrive in order on one
 * partition, so this matters only for an event replayed later.
 */
@Injectable()
export class KnownMembersRepository {
  constructor(@InjectModel(KNOWN_MEMBER_MODEL) private readonly model: Model<KnownMemberRecord>) {}

  async findById(memberId: string): Promise<KnownMember | null> {
    const record = await this.model.findById(memberId).lean<KnownMemberRecord>().exec();
    return record ? toKnownMember(record) : null;
  }

  async findByIds(memberIds: readonly string[]): Promise<Map<string, KnownMember>> {
    if (memberIds.length === 0) return new Map();
    const records = await this.model
      .find({ _id: { $in: [...new Set(memberIds)] } })
      .lean<KnownMemberRecord[]>()
      .exec();
    return new Map(records.map((record) => [record._id, toKnownMember(record)]));
  }

  recordActive(memberId: string, profile: MemberProfile, asOf: Date): Promise<ReplicaWrite> {
    return this.upsert(memberId, asOf, { ...memberFieldsOf(profile), status: 'active' });
  }

  /** A profile change keeps the status; a member first seen here is active (only members have profiles to edit). */
  async recordProfile(memberId: string, profile: MemberProfile, asOf: Date): Promise<ReplicaWrite> {
    return this.upsert(memberId, asOf, memberFieldsOf(profile), { status: 'active' });
  }

  recordDeactivated(memberId: string, asOf: Date): Promise<ReplicaWrite> {
    return writeIfNotNewer(this.model, memberId, asOf, {
      set: { status: 'inactive' },
      insertIfMissing: false,
    });
  }

  /** Removes the member (unless the replica holds newer state, which only a replay could cause). */
  recordErased(memberId: string, asOf: Date): Promise<ReplicaWrite> {
    return writeIfNotNewer(this.model, memberId, asOf, { remove: true });
  }

  private upsert(
    memberId: string,
    asOf: Date,
    fields: MemberFields & Partial<Pick<KnownMember, 'status'>>,
    setOnInsert: Partial<KnownMemberRecord> = {},
  ): Promise<ReplicaWrite> {
    // A profile may have lost optional fields (municipality, titles): they are removed, not kept.
    const unset = (['academicTitle', 'officeTitle', 'municipality'] as const).filter(
      (field) => !(field in fields),
    );
    return writeIfNotNewer(this.model, memberId, asOf, {
      set: fields,
      unset,
      setOnInsert,
      insertIfMissing: true,
    });
  }
}

function toKnownMember(record: KnownMemberRecord): KnownMember {
  return compact({
    memberId: record._id,
    status: record.status,
    salutation: record.salutation,
    academicTitle: record.academicTitle,
    officeTitle: record.officeTitle,
    firstName: record.firstName,
    lastName: record.lastName,
    email: record.email,
    organisation: record.organisation,
    sector: record.sector,
    federalState: record.federalState,
    municipality: record.municipality
      ? {
          name: record.municipality.name,
          ags: record.municipality.ags,
          population: record.municipality.population,
        }
      : undefined,
    themes: [...(record.themes ?? [])],
  });
}
