import { Schema } from 'mongoose';

export const DEMO_MARKER_MODEL = 'DemoMarker';
export const DEMO_MARKER_ID = 'demo-registrations';

/** Inserted with a fixed `_id` once the demo registrations are all there: later starts load nothing. */
export interface DemoMarkerRecord {
  _id: string;
  completedAt: Date;
}

export const DemoMarkerSchema = new Schema<DemoMarkerRecord>(
  { _id: { type: String, required: true }, completedAt: { type: Date, required: true } },
  { collection: 'demo_data', versionKey: false },
);
