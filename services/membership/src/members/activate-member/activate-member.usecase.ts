import { Actor, MemberActivatedEvent, MemberJoinedWorkingGroupEvent, MemberProfile } from '@ic/contracts';
import { OutboxEventFactory } from '@ic/messaging';
import { Injectable } from '@nestjs/common';
import { MembersRepository } from '../members.repository';

export interface ActivateMemberCommand {
  /** The invitation's id, which becomes the member's (an imported member's own). */
  readonly memberId: string;
  readonly profile: MemberProfile;
  readonly joinedAt: Date;
  /** Working groups the member starts in (only an imported member starts in groups). */
  readonly workingGroups?: readonly string[];
  readonly correlationId?: string;
}

/**
 * Creates an active member with MemberActivated (and MemberJoinedWorkingGroup for each starting
 * group) in the same insert. Returns false when the member exists already, which makes a repeated
 * activation harmless.
 */
@Injectable()
export class ActivateMemberUseCase {
  constructor(
    private readonly members: MembersRepository,
    private readonly events: OutboxEventFactory,
  ) {}

  async execute(command: ActivateMemberCommand): Promise<boolean> {
    const { memberId, profile, joinedAt, correlationId } = command;
    const workingGroups = [...new Set(command.workingGroups ?? [])];
    const self: Actor = { subject: memberId, role: 'member' };
    const events = [
      this.events.create(
        MemberActivatedEvent,
        memberId,
        { memberId, invitationId: memberId, joinedAt: joinedAt.toISOString(), profile },
        correlationId,
      ),
      ...workingGroups.map((workingGroupId) =>
        this.events.create(
          MemberJoinedWorkingGroupEvent,
          memberId,
          { memberId, workingGroupId, changedBy: self },
          correlationId,
        ),
      ),
    ];
    return this.members.insert(
      memberId,
      { profile, status: 'active', workingGroups, joinedAt, announcementsOptOut: false },
      events,
    );
  }
}
