import { Actor, ImportMemberRequest, MemberProfile, MemberReply } from '@ic/contracts';
import { Clock, compact, InvalidInputError, NotFoundError, requireStaff } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { ActivateMemberUseCase } from '../activate-member/activate-member.usecase';
import { EmailClaimsService } from '../email-claims/email-claims.service';
import { toMemberReply } from '../member.mapper';
import { MemberMessages } from '../member.messages';
import { MembersRepository } from '../members.repository';
import { assertValidProfile, PROFILE_FIELDS } from '../profile.rules';

/** The profile fields a member cannot be without (an invitation asks for the same). */
const REQUIRED_FIELDS = [
  'salutation',
  'firstName',
  'lastName',
  'email',
  'organisation',
  'sector',
  'federalState',
  'themes',
] as const;

/**
 * The office takes over a member who joined before the platform (the demo club of `npm start`, a
 * migration): active at once, with the day they joined and their working groups, published as
 * MemberActivated (and MemberJoinedWorkingGroup) like an accepted invitation. The id is the
 * caller's, so a repeated import finds the member and changes nothing.
 */
@Injectable()
export class ImportMemberUseCase {
  constructor(
    private readonly members: MembersRepository,
    private readonly claims: EmailClaimsService,
    private readonly activateMember: ActivateMemberUseCase,
    private readonly clock: Clock,
  ) {}

  async execute(request: ImportMemberRequest, actor: Actor, correlationId?: string): Promise<MemberReply> {
    requireStaff(actor);
    const profile = importedProfile(request);
    const joinedAt = new Date(request.joinedAt);
    if (joinedAt > this.clock.now()) {
      const message = 'Das Beitrittsdatum eines übernommenen Mitglieds darf nicht in der Zukunft liegen.';
      throw new InvalidInputError(message, [{ field: 'joinedAt', message }]);
    }
    await this.claims.claim(profile.email, request.memberId);
    await this.activateMember.execute({
      memberId: request.memberId,
      profile,
      joinedAt,
      workingGroups: request.workingGroupIds,
      ...(correlationId ? { correlationId } : {}),
    });
    const member = await this.members.findById(request.memberId);
    if (!member) throw new NotFoundError(MemberMessages.notFound);
    return toMemberReply(member);
  }
}

function importedProfile(request: ImportMemberRequest): MemberProfile {
  const given = compact(request.profile);
  const missing = REQUIRED_FIELDS.filter((field) => given[field] === undefined);
  if (missing.length > 0) {
    throw new InvalidInputError(
      `Die Anfrage enthält ungültige Felder: ${missing.map((field) => `profile.${field}`).join(', ')}.`,
      missing.map((field) => ({ field: `profile.${field}`, message: `profile.${field} fehlt` })),
    );
  }
  const profile = Object.fromEntries(
    PROFILE_FIELDS.filter((field) => given[field] !== undefined).map((field) => [field, given[field]]),
  ) as unknown as MemberProfile;
  assertValidProfile(profile);
  return profile;
}
