import { isDuplicateKeyError } from '@ic/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { DEMO_MARKER_ID, DEMO_MARKER_MODEL, DemoMarkerRecord } from './demo-marker.schema';

export interface DemoMarker {
  readonly startedAt: Date;
  readonly completedAt?: Date;
}

@Injectable()
export class DemoMarkersRepository {
  constructor(@InjectModel(DEMO_MARKER_MODEL) private readonly model: Model<DemoMarkerRecord>) {}

  async find(): Promise<DemoMarker | null> {
    const record = await this.model.findById(DEMO_MARKER_ID).lean<DemoMarkerRecord>().exec();
    if (!record) return null;
    return {
      startedAt: record.startedAt,
      ...(record.completedAt ? { completedAt: record.completedAt } : {}),
    };
  }

  /** True for the one caller that inserted the marker. */
  async start(at: Date): Promise<boolean> {
    try {
      await this.model.create({ _id: DEMO_MARKER_ID, startedAt: at });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async complete(at: Date): Promise<void> {
    await this.model.updateOne({ _id: DEMO_MARKER_ID }, { $set: { completedAt: at } }).exec();
  }
}
