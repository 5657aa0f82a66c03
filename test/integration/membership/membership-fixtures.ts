import { ANONYMOUS, CallerIdentity, InviteMemberRequest, MembershipRequests } from '@ic/contracts';
import { EventTypes, memberIdentity, MembershipService } from './membership-service';

let counter = 0;

/** A valid invitation of a municipal member; every call gets its own address and surname. */
export function invitationRequest(
  suffix: string,
  overrides: Partial<InviteMemberRequest> = {},
): InviteMemberRequest {
  counter += 1;
  return {
    salutation: 'Herr',
    officeTitle: 'Bürgermeister',
    firstName: 'Jonas',
    lastName: `Müller-${suffix}${counter}`,
    email: `jonas.${suffix}.${counter}@kalletal.example`,
    organisation: 'Gemeinde Kalletal',
    sector: 'Kommune',
    federalState: 'NW',
    municipality: { name: 'Kalletal', ags: '05766040', population: 13_900 },
    themes: ['Digitalisierung', 'Klimaschutz'],
    personalMessage: 'Wir freuen uns auf Ihre Erfahrung mit digital.interkommunal.',
    ...overrides,
  };
}

/** The link token of the invitation mail, from MemberInvited (or the latest InvitationResent). */
export async function invitationTokenOf(service: MembershipService, invitationId: string): Promise<string> {
  const events = await service.published(invitationId, [EventTypes.invited]);
  const latest = events
    .filter((event) => event.type === EventTypes.invited || event.type === EventTypes.resent)
    .at(-1);
  return service.open(latest?.data.invitationToken);
}

export interface AdmittedMember {
  readonly id: string;
  readonly email: string;
  readonly identity: CallerIdentity;
}

/** Invites and accepts: an active member. */
export async function admitMember(
  service: MembershipService,
  staff: CallerIdentity,
  overrides: Partial<InviteMemberRequest> = {},
): Promise<AdmittedMember> {
  const request = invitationRequest(service.suffix, overrides);
  const invitation = await service.send(MembershipRequests.invite, request, staff);
  const token = await invitationTokenOf(service, invitation.id);
  await service.send(MembershipRequests.acceptInvitation, { token }, ANONYMOUS);
  return { id: invitation.id, email: request.email, identity: memberIdentity(invitation.id) };
}

/** Asks for a sign-in link and returns its token from SignInLinkRequested. */
export async function signInLinkTokenOf(service: MembershipService, member: AdmittedMember): Promise<string> {
  const before = service.eventsOf(member.id).filter((event) => event.type === EventTypes.signInLink).length;
  await service.send(MembershipRequests.requestSignInLink, { email: member.email }, ANONYMOUS);
  const events = await service.published(
    member.id,
    Array(before + 1).fill(EventTypes.signInLink) as string[],
  );
  return service.open(
    events.filter((event) => event.type === EventTypes.signInLink).at(-1)?.data.signInToken,
  );
}
