import { Actor } from '@ic/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { StaffAccountsRepository } from '../auth/staff-accounts.repository';
import { InviteMemberUseCase } from '../invitations/invite-member/invite-member.usecase';
import { ActivateMemberUseCase } from '../members/activate-member/activate-member.usecase';
import { EmailClaimsService } from '../members/email-claims/email-claims.service';
import { EndMembershipUseCase } from '../members/end-membership/end-membership.usecase';
import { MembersRepository } from '../members/members.repository';
import { Clock, SYSTEM_ACTOR } from '@ic/platform';
import { DemoMarkersRepository } from './demo-markers.repository';
import { DEMO_INVITATIONS, DEMO_MEMBERS, DemoMember } from './demo-members';

/** A load that has not completed after this long was cut off (the process died); the next start resumes it. */
const RESUME_AFTER_MS = 5 * 60 * 1000;

/**
 * Loads the demo members and invitations into an empty database through the same use cases as
 * real requests, so that the same events are published (MemberActivated, MemberJoinedWorkingGroup,
 * MemberDeactivated, MemberInvited). Idempotent: a marker with a fixed id is inserted first, the
 * demo ids are fixed, and a second start adds nothing.
 */
@Injectable()
export class DemoDataLoader {
  private readonly logger = new Logger(DemoDataLoader.name);

  constructor(
    private readonly markers: DemoMarkersRepository,
    private readonly members: MembersRepository,
    private readonly staff: StaffAccountsRepository,
    private readonly claims: EmailClaimsService,
    private readonly activateMember: ActivateMemberUseCase,
    private readonly endMembership: EndMembershipUseCase,
    private readonly inviteMember: InviteMemberUseCase,
    private readonly clock: Clock,
  ) {}

  async loadIfEmpty(): Promise<void> {
    const marker = await this.markers.find();
    if (marker?.completedAt) return;
    if (marker) {
      const cutOff = this.clock.now().getTime() - marker.startedAt.getTime() > RESUME_AFTER_MS;
      if (!cutOff) {
        this.logger.log('Another instance is loading the demo data.');
        return;
      }
      this.logger.log('Resuming the demo data that an earlier start did not finish.');
    } else {
      if (await this.members.any()) {
        this.logger.log('The database has members already; no demo data is loaded.');
        return;
      }
      if (!(await this.markers.start(this.clock.now()))) return;
    }
    await this.load();
    await this.markers.complete(this.clock.now());
  }

  private async load(): Promise<void> {
    const office = await this.staff.findFirst();
    const actor: Actor = office ? { subject: office.subject, role: 'staff' } : SYSTEM_ACTOR;
    for (const member of DEMO_MEMBERS) await this.loadMember(member, actor);
    for (const invitation of DEMO_INVITATIONS) {
      await this.inviteMember.execute(invitation.request, actor, undefined, invitation.id);
    }
    this.logger.log(
      `Loaded the demo data: ${DEMO_MEMBERS.length} members and ${DEMO_INVITATIONS.length} open invitations.`,
    );
  }

  private async loadMember(demo: DemoMember, actor: Actor): Promise<void> {
    await this.claims.claim(demo.profile.email, demo.id);
    await this.activateMember.execute({
      memberId: demo.id,
      profile: demo.profile,
      joinedAt: demo.joinedAt,
      workingGroups: demo.workingGroups,
    });
    if (!demo.ended) return;
    const member = await this.members.findById(demo.id);
    if (member?.status !== 'active') return;
    if (demo.ended.reason === 'left') {
      await this.endMembership.leave(demo.ended.note, { subject: demo.id, role: 'member' });
    } else {
      await this.endMembership.endByStaff(demo.id, demo.ended.note, actor);
    }
  }
}
