import { Injectable } from '@nestjs/common';
import { MemberAggregate, NewMember } from '../member.aggregate';
import { MembersRepository } from '../members.repository';

export interface ActivateMemberCommand extends NewMember {
  readonly correlationId?: string;
}

/**
 * Creates an active member with MemberActivated (and MemberJoinedWorkingGroup for each starting
 * group) in the same insert. Returns false when the member exists already, which makes a repeated
 * activation harmless.
 */
@Injectable()
export class ActivateMemberUseCase {
  constructor(private readonly members: MembersRepository) {}

  async execute({ correlationId, ...member }: ActivateMemberCommand): Promise<boolean> {
    return this.members.insert(MemberAggregate.activate(member), correlationId);
  }
}
