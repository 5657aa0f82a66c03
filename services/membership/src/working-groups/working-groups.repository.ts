import { AggregateRepository, OutboxEntry, OutboxPublisher } from '@ic/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { compact } from '@ic/platform';
import { WORKING_GROUP_MODEL, WorkingGroup, WorkingGroupRecord } from './working-group.schema';

@Injectable()
export class WorkingGroupsRepository extends AggregateRepository<WorkingGroupRecord> {
  constructor(@InjectModel(WORKING_GROUP_MODEL) model: Model<WorkingGroupRecord>, outbox: OutboxPublisher) {
    super(model, outbox);
  }

  /** Stores a new working group with WorkingGroupCreated; false when the id is taken. */
  async insert(group: WorkingGroup, events: readonly OutboxEntry[]): Promise<boolean> {
    return this.insertAggregate(
      group.id,
      {
        ...compact({ name: group.name, description: group.description }),
        createdBy: group.createdBy,
        createdAt: group.createdAt,
      },
      events,
    );
  }

  async findById(id: string): Promise<WorkingGroup | null> {
    const record = await this.model.findById(id, { outbox: 0 }).lean<WorkingGroupRecord>().exec();
    return record ? toWorkingGroup(record) : null;
  }

  /** All working groups by name. */
  async findAll(): Promise<WorkingGroup[]> {
    const records = await this.model
      .find({}, { outbox: 0 })
      .sort({ name: 1 })
      .lean<WorkingGroupRecord[]>()
      .exec();
    return records.map(toWorkingGroup);
  }
}

function toWorkingGroup(record: WorkingGroupRecord): WorkingGroup {
  return compact({
    id: record._id,
    name: record.name,
    description: record.description,
    createdBy: { subject: record.createdBy.subject, role: record.createdBy.role },
    createdAt: record.createdAt,
  });
}
