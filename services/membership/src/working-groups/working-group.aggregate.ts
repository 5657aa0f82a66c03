import { Actor, WorkingGroupCreatedEvent } from '@ic/contracts';
import { Aggregate } from '@ic/platform';
import { WorkingGroup } from './working-group.schema';

export interface NewWorkingGroup {
  /** The group's short name (e.g. `digitales`), unique. */
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly createdBy: Actor;
  readonly at: Date;
}

/** A working group (Arbeitsgruppe): records WorkingGroupCreated when the office creates it. */
export class WorkingGroupAggregate extends Aggregate<WorkingGroup> {
  private constructor(group: WorkingGroup) {
    super(group);
  }

  /** A new group with WorkingGroupCreated; an empty description counts as none. */
  static create({ id, name, createdBy, at, ...given }: NewWorkingGroup): WorkingGroupAggregate {
    const description = given.description || undefined;
    const group = new WorkingGroupAggregate({
      id,
      name,
      ...(description ? { description } : {}),
      createdBy,
      createdAt: at,
    });
    group.record(WorkingGroupCreatedEvent, {
      workingGroupId: id,
      name,
      ...(description ? { description } : {}),
      createdBy,
    });
    return group;
  }

  get id(): string {
    return this.state.id;
  }
}
