import {
  Actor,
  AnnouncementPreferenceChangedEvent,
  MemberProfileUpdatedEvent,
  MemberReply,
  UpdateMemberRequest,
  UpdateOwnProfileRequest,
} from '@ic/contracts';
import { OutboxEventFactory } from '@ic/messaging';
import { OutboxEntry, retryOnConcurrentChange } from '@ic/persistence';
import { NotFoundError, requireMember, requireStaff, RuleViolationError } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { EmailClaimsService } from '../email-claims/email-claims.service';
import { isActive } from '../member';
import { toMemberReply } from '../member.mapper';
import { MemberMessages } from '../member.messages';
import { MembersRepository } from '../members.repository';
import { applyProfilePatch, assertValidProfile, PROFILE_FIELDS, ProfilePatch } from '../profile.rules';

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
    private readonly events: OutboxEventFactory,
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
    change: RequestedChange,
    actor: Actor,
    correlationId?: string,
  ): Promise<MemberReply> {
    let previousEmail: string | undefined;
    const updated = await retryOnConcurrentChange(async () => {
      const member = await this.members.findById(memberId);
      if (!member) throw new NotFoundError(MemberMessages.notFound);
      if (actor.role === 'member' && !isActive(member)) {
        throw new RuleViolationError(MemberMessages.ownMembershipEnded);
      }
      const { profile, changedFields } = applyProfilePatch(member.profile, change.patch);
      const { announcementsOptOut = member.announcementsOptOut } = change;
      const preferenceChanged = announcementsOptOut !== member.announcementsOptOut;
      if (changedFields.length === 0 && !preferenceChanged) return member;
      const events: OutboxEntry[] = [];
      if (changedFields.length > 0) {
        assertValidProfile(profile);
        events.push(
          this.events.create(
            MemberProfileUpdatedEvent,
            member.id,
            { memberId: member.id, changedBy: actor, changedFields, profile },
            correlationId,
          ),
        );
      }
      if (preferenceChanged) {
        events.push(
          this.events.create(
            AnnouncementPreferenceChangedEvent,
            member.id,
            { memberId: member.id, announcementsOptOut, changedBy: actor, via: 'profile' },
            correlationId,
          ),
        );
      }
      if (changedFields.includes('email')) {
        // Claimed only once the events are made (and checked against their contracts): a refused
        // change claims nothing. A claim whose write then fails does not block: its holder, the
        // member, does not have the address (see EmailClaimsService).
        await this.claims.claim(profile.email, member.id);
        previousEmail = member.profile.email;
      }
      return this.members.update(member, { ...member, profile, announcementsOptOut }, events);
    });
    if (previousEmail && previousEmail !== updated.profile.email) {
      await this.claims.release(previousEmail, updated.id);
    }
    return toMemberReply(updated);
  }
}

/** What a request asks to change: profile fields, and the announcement preference. */
interface RequestedChange {
  readonly patch: ProfilePatch;
  readonly announcementsOptOut?: boolean;
}

function changeOf(request: UpdateOwnProfileRequest | UpdateMemberRequest): RequestedChange {
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
