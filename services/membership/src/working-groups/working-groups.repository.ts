import { OutboxEventFactory } from '@ic/messaging';
import { AggregateRepository, OutboxPublisher } from '@ic/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { compact } from '@ic/platform';
import { WorkingGroupAggregate } from './working-group.aggregate';
import { WORKING_GROUP_MODEL, WorkingGroup, WorkingGroupRecord } from './working-group.schema';

@Injectable()
export class WorkingGroupsRepository extends AggregateRepository<WorkingGroupRecord> {
  constructor(
    @InjectModel(WORKING_GROUP_MODEL) model: Model<WorkingGroupRecord>,
    outbox: OutboxPublisher,
    private readonly events: OutboxEventFactory,
  ) {
    super(model, outbox);
  }

  /**
   * Stores a new working group (WorkingGroupAggregate.create) with its facts as events; false when
   * the id is taken.
   */
  async insert(group: WorkingGroupAggregate, correlationId?: string): Promise<boolean> {
    const { id, state } = group;
    return this.insertAggregate(
      id,
      {
        ...compact({ name: state.name, description: state.description }),
        createdBy: state.createdBy,
        createdAt: state.createdAt,
      },
      this.events.entriesOf(id, group.takeFacts(), correlationId),
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
