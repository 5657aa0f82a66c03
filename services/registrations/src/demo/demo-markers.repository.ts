import { insertUnlessExists } from '@ic/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { DEMO_MARKER_ID, DEMO_MARKER_MODEL, DemoMarkerRecord } from './demo-marker.schema';

@Injectable()
export class DemoMarkersRepository {
  constructor(@InjectModel(DEMO_MARKER_MODEL) private readonly model: Model<DemoMarkerRecord>) {}

  async isComplete(): Promise<boolean> {
    return (await this.model.exists({ _id: DEMO_MARKER_ID }).exec()) !== null;
  }

  async complete(at: Date): Promise<void> {
    // False when another instance finished the same load at the same time.
    await insertUnlessExists(this.model, { _id: DEMO_MARKER_ID, completedAt: at });
  }
}
