import { isOnlyDuplicateKeyErrors } from '@ic/messaging';
import { compact } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, mongo } from 'mongoose';
import { RegistrationView } from '../seats/seat-book';
import {
  REGISTRATION_LOOKUP_COLLECTION,
  REGISTRATION_LOOKUP_MODEL,
  RegistrationLookupRecord,
} from './registration-lookup.schema';

export interface RegistrationLocation {
  readonly registrationId: string;
  readonly eventId: string;
  readonly memberId?: string;
  readonly ags?: string;
}

/** Where a registration is to be found, and whose it is. */
export function locationOf(view: RegistrationView): RegistrationLocation {
  const { entry } = view;
  return compact({
    registrationId: entry.registrationId,
    eventId: view.eventId,
    memberId: entry.registrant.memberId,
    ags: entry.registrant.kind === 'municipality' ? entry.registrant.municipality?.ags : undefined,
  });
}

/** Finds a registration's event by its id, and a member's registrations (their own and their municipality's). */
@Injectable()
export class RegistrationLookupRepository {
  constructor(
    @InjectModel(REGISTRATION_LOOKUP_MODEL) private readonly model: Model<RegistrationLookupRecord>,
  ) {}

  /** Records where registrations are; ones recorded already stay as they are. */
  async record(locations: readonly RegistrationLocation[]): Promise<void> {
    if (locations.length === 0) return;
    const records = locations.map((location) =>
      compact({
        _id: location.registrationId,
        eventId: location.eventId,
        memberId: location.memberId,
        ags: location.ags,
      }),
    );
    try {
      // The driver's own collection: its bulk error lists each duplicate as the relay expects.
      await this.collection().insertMany(records, { ordered: false });
    } catch (error) {
      if (!isOnlyDuplicateKeyErrors(error)) throw error;
    }
  }

  private collection(): mongo.Collection<RegistrationLookupRecord> {
    if (!this.model.db.db) throw new Error('MongoDB connection has no database yet');
    return this.model.db.db.collection<RegistrationLookupRecord>(REGISTRATION_LOOKUP_COLLECTION);
  }

  async eventOf(registrationId: string): Promise<string | undefined> {
    const record = await this.model.findById(registrationId).lean<RegistrationLookupRecord>().exec();
    return record?.eventId;
  }

  /** The member's registrations and their municipality's; with `eventId` only those for that event. */
  async findFor(
    memberId: string,
    ags: string | undefined,
    eventId?: string,
  ): Promise<RegistrationLocation[]> {
    const whose = ags ? { $or: [{ memberId }, { ags }] } : { memberId };
    const records = await this.model
      .find(eventId ? { $and: [{ eventId }, whose] } : whose)
      .lean<RegistrationLookupRecord[]>()
      .exec();
    return records.map((record) =>
      compact({
        registrationId: record._id,
        eventId: record.eventId,
        memberId: record.memberId,
        ags: record.ags,
      }),
    );
  }
}
