import { Actor, CreateWorkingGroupRequest, WorkingGroupReply } from '@ic/contracts';
import { Clock, ConflictError, requireStaff } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { WorkingGroupAggregate } from '../working-group.aggregate';
import { WorkingGroupsRepository } from '../working-groups.repository';

/** The club's standard working groups, created on the first start. */
export const STANDARD_WORKING_GROUPS: readonly CreateWorkingGroupRequest[] = [
  { id: 'nachhaltigkeit', name: 'Nachhaltigkeit' },
  { id: 'digitales', name: 'Digitales' },
];

/** The office adds a working group (Arbeitsgruppe); its id is unique. */
@Injectable()
export class CreateWorkingGroupUseCase {
  constructor(
    private readonly groups: WorkingGroupsRepository,
    private readonly clock: Clock,
  ) {}

  async execute(
    request: CreateWorkingGroupRequest,
    actor: Actor,
    correlationId?: string,
  ): Promise<WorkingGroupReply> {
    requireStaff(actor);
    const created = await this.createIfMissing(request, actor, correlationId);
    if (!created) {
      throw new ConflictError(`Eine Arbeitsgruppe mit der Kennung „${request.id}“ gibt es bereits.`);
    }
    const description = request.description || undefined;
    return { id: request.id, name: request.name, ...(description ? { description } : {}), memberCount: 0 };
  }

  /**
   * Creates the group unless its id exists; true when this call created it. The seeder asks on every
   * start: an existing group is found by one read, without making and validating the event (its
   * schema's first compile alone allocates megabytes). The insert stays the guard against a race.
   */
  async createIfMissing(
    request: CreateWorkingGroupRequest,
    actor: Actor,
    correlationId?: string,
  ): Promise<boolean> {
    if (await this.groups.findById(request.id)) return false;
    const { id, name, description } = request;
    const group = WorkingGroupAggregate.create({
      id,
      name,
      description,
      createdBy: actor,
      at: this.clock.now(),
    });
    return this.groups.insert(group, correlationId);
  }
}
