import { Actor, MemberReply, UpdateMemberRequest, UpdateOwnProfileRequest } from '@ic/contracts';
import { retryOnConcurrentChange } from '@ic/persistence';
import { NotFoundError, requireMember, requireStaff } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { EmailClaimsService } from '../email-claims/email-claims.service';
import { ProfileChange } from '../member.aggregate';
import { toMemberReply } from '../member.mapper';
import { MemberMessages } from '../member.messages';
import { MembersRepository } from '../members.repository';
import { PROFILE_FIELDS, ProfilePatch } from '../profile.rules';

/**
 * A member edits the fields of their own profile that are theirs to edit; the office edits
 * anyone's, including the e-mail address (kept unique) and the municipality (checked). A change
 * publishes MemberProfileUpdated with the changed fields and the whole profile; switching the
 * announcement e-mails off or on publishes AnnouncementPreferenceChanged; no change, no event.
 */
@Injectable()
export class UpdateProfileUseCase {
  constructor(
    private readonly members: MembersRepository,
    private readonly claims: EmailClaimsService,
  ) {}

  async updateOwn(
    request: UpdateOwnProfileRequest,
    actor: Actor,
    correlationId?: string,
  ): Promise<MemberReply> {
    requireMember(actor);
    return this.update(actor.subject, changeOf(request), actor, correlationId);
  }

  async updateAny(
    memberId: string,
    request: UpdateMemberRequest,
    actor: Actor,
    correlationId?: string,
  ): Promise<MemberReply> {
    requireStaff(actor);
    return this.update(memberId, changeOf(request), actor, correlationId);
  }

  private async update(
    memberId: string,
    change: ProfileChange,
    actor: Actor,
    correlationId?: string,
  ): Promise<MemberReply> {
    let previousEmail: string | undefined;
    const updated = await retryOnConcurrentChange(async () => {
      const member = await this.members.load(memberId);
      if (!member) throw new NotFoundError(MemberMessages.notFound);
      const { email } = member.state.profile;
      member.updateProfile(change, actor);
      const emailChanged = member.state.profile.email !== email;
      if (emailChanged) previousEmail = email;
      return this.members.save(member, {
        correlationId,
        // Claimed only once the events are made (and checked against their contracts): a refused
        // change claims nothing. A claim whose write then fails does not block: its holder, the
        // member, does not have the address (see EmailClaimsService).
        ...(emailChanged
          ? { beforeWrite: () => this.claims.claim(member.state.profile.email, member.id) }
          : {}),
      });
    });
    if (previousEmail && previousEmail !== updated.profile.email) {
      await this.claims.release(previousEmail, updated.id);
    }
    return toMemberReply(updated);
  }
}

function changeOf(request: UpdateOwnProfileRequest | UpdateMemberRequest): ProfileChange {
  return {
    patch: patchOf(request),
    ...(request.announcementsOptOut === undefined
      ? {}
      : { announcementsOptOut: request.announcementsOptOut }),
  };
}

/** The fields present in the request, as plain values (the municipality without its DTO class). */
function patchOf(request: UpdateOwnProfileRequest | UpdateMemberRequest): ProfilePatch {
  const values = request as Partial<Record<(typeof PROFILE_FIELDS)[number], unknown>>;
  const patch: Record<string, unknown> = {};
  for (const field of PROFILE_FIELDS) {
    const value = values[field];
    if (value === undefined) continue;
    patch[field] =
      field === 'municipality' && value !== null && typeof value === 'object'
        ? { ...(value as Record<string, unknown>) }
        : value;
  }
  return patch;
}
