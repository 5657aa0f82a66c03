import { RegistrationSnapshot } from '@ic/contracts';
import { writeIfNewerRevision } from '@ic/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { KnownRegistration } from './known-registration.schema';

/** A registration as a reminder needs it. */
export interface KnownRegistrationRecord {
  readonly registration: RegistrationSnapshot;
  /** ce_id of the event that brought this state. */
  readonly causedBy: string;
}

/**
 * The registrations replica: highest revision wins. Registration events are keyed by event id and
 * arrive in order on one partition; a stale snapshot (a replay from the dead-letter topic, or one
 * carried in RegisteredEventChanged after a newer change) is skipped.
 */
@Injectable()
export class KnownRegistrationsRepository {
  constructor(
    @InjectModel(KnownRegistration.name) private readonly registrations: Model<KnownRegistration>,
  ) {}

  /** Stores the snapshot unless one of the same or a higher revision is stored; true if it was stored. */
  async record(registration: RegistrationSnapshot, causedBy: string): Promise<boolean> {
    return writeIfNewerRevision(this.registrations, registration.registrationId, registration.revision, {
      $set: {
        eventId: registration.eventId,
        revision: registration.revision,
        status: registration.status,
        snapshot: registration,
        causedBy,
        updatedAt: new Date(),
      },
    });
  }

  /** The event's confirmed registrations; with `recordedSince`, only those this replica wrote since. */
  async findConfirmed(eventId: string, recordedSince?: Date): Promise<KnownRegistrationRecord[]> {
    const found = await this.registrations
      .find({
        eventId,
        status: 'confirmed',
        ...(recordedSince ? { updatedAt: { $gte: recordedSince } } : {}),
      })
      .sort({ _id: 1 })
      .lean<KnownRegistration[]>()
      .exec();
    return found.map((known) => ({ registration: known.snapshot, causedBy: known.causedBy }));
  }
}
