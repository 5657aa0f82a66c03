import { InvitationPreviewReply, InvitationReply, InviteMemberRequest, MemberProfile } from '@ic/contracts';
import { compact } from '@ic/platform';
import { Invitation } from './invitation';
import { invitationStatusAt } from './invitation.rules';

/** The profile the invited person will have as a member (phone and biography they add later). */
export function profileFromInvitation(request: InviteMemberRequest): MemberProfile {
  return compact({
    salutation: request.salutation,
    academicTitle: request.academicTitle,
    officeTitle: request.officeTitle,
    firstName: request.firstName,
    lastName: request.lastName,
    email: request.email,
    organisation: request.organisation,
    position: request.position,
    sector: request.sector,
    federalState: request.federalState,
    municipality: request.municipality
      ? {
          name: request.municipality.name,
          ags: request.municipality.ags,
          population: request.municipality.population,
        }
      : undefined,
    themes: [...request.themes],
  });
}

export function toInvitationReply(invitation: Invitation, now: Date): InvitationReply {
  const { profile } = invitation;
  return compact({
    id: invitation.id,
    status: invitationStatusAt(invitation, now),
    salutation: profile.salutation,
    academicTitle: profile.academicTitle,
    officeTitle: profile.officeTitle,
    firstName: profile.firstName,
    lastName: profile.lastName,
    email: profile.email,
    organisation: profile.organisation,
    sector: profile.sector,
    federalState: profile.federalState,
    municipality: profile.municipality,
    themes: [...profile.themes],
    personalMessage: invitation.personalMessage,
    invitedBy: invitation.invitedBy.subject,
    createdAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
    sentCount: invitation.sentCount,
    answeredAt: invitation.answeredAt?.toISOString(),
  });
}

/** What the invited person sees before answering: no e-mail, no internal fields. */
export function toInvitationPreviewReply(invitation: Invitation, now: Date): InvitationPreviewReply {
  const { profile } = invitation;
  return compact({
    salutation: profile.salutation,
    academicTitle: profile.academicTitle,
    officeTitle: profile.officeTitle,
    firstName: profile.firstName,
    lastName: profile.lastName,
    organisation: profile.organisation,
    personalMessage: invitation.personalMessage,
    expiresAt: invitation.expiresAt.toISOString(),
    status: invitationStatusAt(invitation, now),
  });
}
