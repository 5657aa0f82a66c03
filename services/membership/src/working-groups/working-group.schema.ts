import { Actor } from '@ic/contracts';
import { addOutboxTo, AggregateRecord } from '@ic/persistence';
import { Schema } from 'mongoose';

export const WORKING_GROUPS_COLLECTION = 'working_groups';
export const WORKING_GROUP_MODEL = 'WorkingGroup';

export interface WorkingGroup {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly createdBy: Actor;
  readonly createdAt: Date;
}

/** `_id` is the working group's short name (e.g. `digitales`), unique by insert. */
export interface WorkingGroupRecord extends Omit<WorkingGroup, 'id'>, AggregateRecord {}

export const WorkingGroupSchema = new Schema<WorkingGroupRecord>(
  {
    _id: { type: String, required: true },
    revision: { type: Number, required: true },
    name: { type: String, required: true, maxlength: 80 },
    description: { type: String, maxlength: 2000 },
    createdBy: {
      type: new Schema(
        { subject: { type: String, required: true }, role: { type: String, required: true } },
        { _id: false },
      ),
      required: true,
    },
    createdAt: { type: Date, required: true },
  },
  { collection: WORKING_GROUPS_COLLECTION, versionKey: false, minimize: false },
);
addOutboxTo(WorkingGroupSchema);
