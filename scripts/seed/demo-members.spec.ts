import {
  agsProblem,
  FederalStateCodes,
  InviteMemberRequest,
  MemberProfile,
  Sectors,
  UpdateMemberRequest,
} from '@ic/contracts';
import { createValidationPipe, FieldValidationException } from '@ic/platform';
import { profileProblems } from '../../services/membership/src/members/profile.rules';
import { STANDARD_WORKING_GROUPS } from '../../services/membership/src/working-groups/create-working-group/create-working-group.usecase';
import { DEMO_INVITATIONS, DEMO_MEMBERS } from './demo-members';

/** The fields the platform's validation (createValidationPipe) refuses in a body of this request class. */
async function requestProblems(type: new () => object, body: object): Promise<string[]> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: type });
    return [];
  } catch (error) {
    if (error instanceof FieldValidationException) return error.fieldErrors.map(({ field }) => field);
    throw error;
  }
}

/** The invitation the office would have sent for this profile (phone and biography come later). */
function asInvitation({ phone: _phone, biography: _biography, ...profile }: MemberProfile): object {
  return profile;
}

describe('demo data', () => {
  it('has about 120 members, in all 16 Länder and all five sectors', () => {
    expect(DEMO_MEMBERS.length).toBeGreaterThanOrEqual(110);
    expect(DEMO_MEMBERS.length).toBeLessThanOrEqual(130);
    expect(new Set(DEMO_MEMBERS.map((member) => member.profile.federalState))).toEqual(
      new Set(FederalStateCodes),
    );
    expect(new Set(DEMO_MEMBERS.map((member) => member.profile.sector))).toEqual(new Set(Sectors));
  });

  it.each(DEMO_MEMBERS.map((member) => [`${member.profile.firstName} ${member.profile.lastName}`, member]))(
    '%s passes the request validation and the profile rules',
    async (_name, member) => {
      expect(await requestProblems(InviteMemberRequest, asInvitation(member.profile))).toEqual([]);
      expect(await requestProblems(UpdateMemberRequest, member.profile)).toEqual([]);
      expect(profileProblems(member.profile)).toEqual([]);
      if (member.profile.municipality) {
        expect(agsProblem(member.profile.municipality.ags, member.profile.federalState)).toBeUndefined();
      }
      expect(member.profile.email).toBe(member.profile.email.trim().toLowerCase());
    },
  );

  it('has unique ids (UUID v4 layout) and addresses, standard working groups only, and some ended memberships', () => {
    const ids = [...DEMO_MEMBERS.map((member) => member.id), ...DEMO_INVITATIONS.map((item) => item.id)];
    expect(new Set(ids).size).toBe(ids.length);
    ids.forEach((id) =>
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
    );
    const emails = [
      ...DEMO_MEMBERS.map((member) => member.profile.email),
      ...DEMO_INVITATIONS.map((item) => item.request.email),
    ];
    expect(new Set(emails).size).toBe(emails.length);
    const standard = new Set(STANDARD_WORKING_GROUPS.map((group) => group.id));
    DEMO_MEMBERS.forEach((member) =>
      member.workingGroups.forEach((group) => expect(standard.has(group)).toBe(true)),
    );
    expect(DEMO_MEMBERS.filter((member) => member.ended).length).toBeGreaterThan(0);
    expect(DEMO_MEMBERS.every((member) => member.joinedAt.getTime() < Date.now())).toBe(true);
  });

  it('addresses people with their office titles (Oberbürgermeisterin, Landrat …) and academic titles', () => {
    const titles = new Set(DEMO_MEMBERS.map((member) => member.profile.officeTitle));
    for (const title of [
      'Oberbürgermeisterin',
      'Oberbürgermeister',
      'Bürgermeister',
      'Landrätin',
      'Landrat',
    ]) {
      expect(titles.has(title)).toBe(true);
    }
    expect(DEMO_MEMBERS.some((member) => member.profile.academicTitle === 'Dr.')).toBe(true);
  });

  it.each(DEMO_INVITATIONS.map((invitation) => [invitation.request.email, invitation]))(
    'invitation %s passes the request validation and the profile rules',
    async (_email, invitation) => {
      expect(await requestProblems(InviteMemberRequest, invitation.request)).toEqual([]);
      expect(profileProblems({ ...invitation.request, themes: [...invitation.request.themes] })).toEqual([]);
    },
  );
});
