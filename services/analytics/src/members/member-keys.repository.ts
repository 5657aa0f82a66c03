import { isOnlyDuplicateKeyErrors } from '@ic/persistence';
import { randomUUID } from 'node:crypto';
import { mongo } from 'mongoose';
import { Generation } from '../projections/generation';

interface MemberKeyRecord {
  /** The member id. */
  _id: string;
  /** The member's pseudonym in the projections. */
  key: string;
}

/**
 * The only link from a member id to the member's pseudonym, which the member dimension and the
 * registrations use instead. A member's erasure therefore only has to remove this link: the
 * dimension and every registration keep counting under the pseudonym, and nothing leads back.
 *
 * MemberErased first only marks the link (`markErased`); `forgetErased` removes the marked links of
 * the current generation a moment later (see ProjectionsSupervisor). While a rebuild replays, the
 * registrations topic may still be behind the membership topic: its events of an erased member
 * must find the same pseudonym, or the figures after the rebuild would differ. The new generation's
 * marked links go when it becomes current, when every topic has been read to the rebuild's target.
 *
 * The membership and the registrations partitions both ask for keys; the first to ask creates it
 * by insert (the member id is the `_id`), so both always use the same.
 */
export class MemberKeysRepository {
  private readonly known = new Map<string, string>();

  constructor(
    private readonly db: mongo.Db,
    private readonly generation: Generation,
  ) {}

  private get collection(): mongo.Collection<MemberKeyRecord> {
    return this.db.collection<MemberKeyRecord>(this.generation.collection('member_keys'));
  }

  /** The pseudonyms of these members, created for those who have none yet. */
  async keysOf(memberIds: Iterable<string>): Promise<Map<string, string>> {
    const wanted = [...new Set(memberIds)];
    const unknown = wanted.filter((id) => !this.known.has(id));
    if (unknown.length > 0) await this.createOrRead(unknown);
    return new Map(wanted.map((memberId) => [memberId, this.known.get(memberId) as string]));
  }

  /** Marks the links of members who had their data erased, for forgetErased. */
  async markErased(memberIds: readonly string[]): Promise<void> {
    if (memberIds.length === 0) return;
    await this.collection.updateMany({ _id: { $in: [...memberIds] } }, { $set: { erased: true } });
  }

  /**
   * Removes the marked links; what was counted under their pseudonyms stays. `erased` has no index:
   * this reads the collection, which has one small entry per member.
   * Another instance may still hold a removed link in memory: it only ever looks it up for events of
   * the erased member, which do not come any more.
   */
  async forgetErased(): Promise<number> {
    const erased = await this.collection.find({ erased: true }, { projection: { _id: 1 } }).toArray();
    if (erased.length === 0) return 0;
    const memberIds = erased.map(({ _id }) => _id);
    for (const memberId of memberIds) this.known.delete(memberId);
    await this.collection.deleteMany({ _id: { $in: memberIds } });
    return memberIds.length;
  }

  /** New keys by one insert; where another worker was first, its key is read. */
  private async createOrRead(memberIds: readonly string[]): Promise<void> {
    const created = memberIds.map((memberId) => ({ _id: memberId, key: randomUUID() }));
    try {
      await this.collection.insertMany(created, { ordered: false });
      for (const { _id, key } of created) this.known.set(_id, key);
      return;
    } catch (error) {
      if (!isOnlyDuplicateKeyErrors(error)) throw error;
    }
    for (const { _id, key } of await this.collection.find({ _id: { $in: [...memberIds] } }).toArray()) {
      this.known.set(_id, key);
    }
    const missing = memberIds.filter((memberId) => !this.known.has(memberId));
    if (missing.length > 0) throw new Error(`No pseudonym could be stored for ${missing.length} members`);
  }
}
