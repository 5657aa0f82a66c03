import { MemberProfile } from '@ic/contracts';
import { ReplicaWrite, writeIfNotNewer } from '@ic/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { MemberSpeaker } from './member-speaker';
import { MEMBER_SPEAKER_MODEL, MemberSpeakerRecord } from './member-speaker.schema';

/**
 * The members this service may name as speakers. Every write carries the time of the membership
 * event it comes from (`asOf`) and applies only when the stored state is not newer; events of one
 * member arrive in order on one partition, so this matters only for an event replayed later.
 */
@Injectable()
export class MemberSpeakersRepository {
  constructor(@InjectModel(MEMBER_SPEAKER_MODEL) private readonly model: Model<MemberSpeakerRecord>) {}

  async findByIds(ids: readonly string[]): Promise<Map<string, MemberSpeaker>> {
    if (ids.length === 0) return new Map();
    const records = await this.model
      .find({ _id: { $in: [...new Set(ids)] } })
      .lean<MemberSpeakerRecord[]>()
      .exec();
    return new Map(
      records.map((record) => [
        record._id,
        { memberId: record._id, name: record.name, organisation: record.organisation, active: record.active },
      ]),
    );
  }

  recordActive(memberId: string, profile: MemberProfile, asOf: Date): Promise<ReplicaWrite> {
    return this.upsert(memberId, asOf, { ...speakerFields(profile), active: true });
  }

  /** A profile change keeps the status; a member first seen here is active (only members have profiles to edit). */
  async recordProfile(memberId: string, profile: MemberProfile, asOf: Date): Promise<ReplicaWrite> {
    return this.upsert(memberId, asOf, speakerFields(profile), { active: true });
  }

  recordDeactivated(memberId: string, asOf: Date): Promise<ReplicaWrite> {
    return writeIfNotNewer(this.model, memberId, asOf, { set: { active: false }, insertIfMissing: false });
  }

  /** Removes the member (unless the replica holds newer state, which only a replay could cause). */
  recordErased(memberId: string, asOf: Date): Promise<ReplicaWrite> {
    return writeIfNotNewer(this.model, memberId, asOf, { remove: true });
  }

  private upsert(
    memberId: string,
    asOf: Date,
    set: Partial<MemberSpeakerRecord>,
    setOnInsert: Partial<MemberSpeakerRecord> = {},
  ): Promise<ReplicaWrite> {
    return writeIfNotNewer(this.model, memberId, asOf, { set, setOnInsert, insertIfMissing: true });
  }
}

/** The name as a programme shows it, with the academic title ("Prof. Dr. Ada Beispiel"). */
function speakerFields(profile: MemberProfile): Pick<MemberSpeakerRecord, 'name' | 'organisation'> {
  const name = [profile.academicTitle, profile.firstName, profile.lastName].filter(Boolean).join(' ');
  return { name, organisation: profile.organisation };
}
