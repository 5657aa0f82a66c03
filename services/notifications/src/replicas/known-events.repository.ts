import { ClubEventSnapshot } from '@ic/contracts';
import { isDuplicateKeyError } from '@ic/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { KnownEvent } from './known-event.schema';

/**
 * The club events replica: highest revision wins. The events of one club event arrive in order on
 * one partition of ic.events.v1, but registration events (another topic) carry snapshots too, which
 * may be older or newer than the stored one; a write therefore matches only an older revision, and
 * the upsert of a stale one fails on the duplicate `_id` and is skipped.
 */
@Injectable()
export class KnownEventsRepository {
  constructor(@InjectModel(KnownEvent.name) private readonly events: Model<KnownEvent>) {}

  async find(eventId: string): Promise<ClubEventSnapshot | undefined> {
    const known = await this.events.findById(eventId, { snapshot: 1 }).lean<KnownEvent>().exec();
    return known?.snapshot;
  }

  /**
   * Notes what the event's announcement said of registration (see KnownEvent.announcedBeforeOpening),
   * once: an announcement handled again keeps what the first handling noted. The events of one
   * club event are handled one at a time, so a read and a write by `_id` suffice.
   */
  async recordAnnouncement(eventId: string, beforeOpening: boolean): Promise<void> {
    const known = await this.events
      .findById(eventId, { announcedBeforeOpening: 1 })
      .lean<Pick<KnownEvent, 'announcedBeforeOpening'>>()
      .exec();
    if (!known || known.announcedBeforeOpening !== undefined) return;
    await this.events.updateOne({ _id: eventId }, { $set: { announcedBeforeOpening: beforeOpening } }).exec();
  }

  /** Whether the announcement named a registration opening still ahead; false when it was not announced here. */
  async wasAnnouncedBeforeOpening(eventId: string): Promise<boolean> {
    const known = await this.events
      .findById(eventId, { announcedBeforeOpening: 1 })
      .lean<Pick<KnownEvent, 'announcedBeforeOpening'>>()
      .exec();
    return known?.announcedBeforeOpening === true;
  }

  /** Stores the snapshot unless one of the same or a higher revision is stored; true if it was stored. */
  async record(snapshot: ClubEventSnapshot): Promise<boolean> {
    try {
      await this.events
        .updateOne(
          { _id: snapshot.eventId, revision: { $lt: snapshot.revision } },
          {
            $set: {
              revision: snapshot.revision,
              status: snapshot.status,
              snapshot,
              updatedAt: new Date(),
            },
          },
          { upsert: true },
        )
        .exec();
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }
}
