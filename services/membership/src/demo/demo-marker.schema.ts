import { Schema } from 'mongoose';

export const DEMO_MARKER_MODEL = 'DemoMarker';
export const DEMO_MARKER_ID = 'demo-data';

/** Inserted with a fixed `_id` when the demo data starts loading; completedAt once it is all there. */
export interface DemoMarkerRecord {
  _id: string;
  startedAt: Date;
  completedAt?: Date;
}

export const DemoMarkerSchema = new Schema<DemoMarkerRecord>(
  {
    _id: { type: String, required: true },
    startedAt: { type: Date, required: true },
    completedAt: { type: Date },
  },
  { collection: 'demo_data', versionKey: false },
);
