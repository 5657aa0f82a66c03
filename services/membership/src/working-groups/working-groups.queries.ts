import { WorkingGroupReply } from '@ic/contracts';
import { Injectable } from '@nestjs/common';
import { MembersRepository } from '../members/members.repository';
import { WorkingGroupsRepository } from './working-groups.repository';

@Injectable()
export class WorkingGroupsQueries {
  constructor(
    private readonly groups: WorkingGroupsRepository,
    private readonly members: MembersRepository,
  ) {}

  /** Every working group with the number of its active members. */
  async list(): Promise<WorkingGroupReply[]> {
    const groups = await this.groups.findAll();
    return Promise.all(
      groups.map(async (group) => ({
        id: group.id,
        name: group.name,
        ...(group.description ? { description: group.description } : {}),
        memberCount: await this.members.countInWorkingGroup(group.id, 'active'),
      })),
    );
  }
}
