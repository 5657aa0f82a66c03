import { CallerIdentity, ImportMemberRequest, InviteMemberRequest, MembershipRequests } from '@ic/contracts';
import { randomUUID } from 'node:crypto';
import { sleep } from '../../support/eventually';
import { invitationRequest } from './membership-fixtures';
import { EventTypes, memberIdentity, MembershipService } from './membership-service';

/** A member who joined before the platform (the seeding tool's demo club): `members.import`, staff only. */
describe('Membership service: importing a member', () => {
  const service = new MembershipService();
  let staff: CallerIdentity;

  beforeAll(async () => {
    await service.start();
    staff = await service.staff();
  });

  afterAll(async () => {
    await service.stop();
  });

  /** A profile is an invitation without the office's personal words. */
  const withoutMessage = ({ personalMessage: _personalMessage, ...profile }: InviteMemberRequest) => profile;

  function importRequest(overrides: Partial<ImportMemberRequest> = {}): ImportMemberRequest {
    const profile = withoutMessage(invitationRequest(service.suffix));
    return {
      memberId: randomUUID(),
      profile: { ...profile, phone: '+49 5264 644-0' },
      joinedAt: '2024-03-01T09:00:00.000Z',
      workingGroupIds: ['digitales', 'nachhaltigkeit'],
      ...overrides,
    };
  }

  it('makes an active member with the day they joined and their working groups; importing again changes nothing', async () => {
    const request = importRequest();

    const member = await service.send(MembershipRequests.importMember, request, staff);

    expect(member).toMatchObject({
      id: request.memberId,
      status: 'active',
      email: request.profile.email,
      phone: '+49 5264 644-0',
      joinedAt: '2024-03-01T09:00:00.000Z',
      workingGroups: ['digitales', 'nachhaltigkeit'],
    });
    const published = await service.published(request.memberId, [
      EventTypes.activated,
      EventTypes.joined,
      EventTypes.joined,
    ]);
    expect(published[0].data).toMatchObject({ memberId: request.memberId, joinedAt: request.joinedAt });

    await expect(service.send(MembershipRequests.importMember, request, staff)).resolves.toEqual(member);
    await sleep(1000);
    expect(service.eventsOf(request.memberId)).toHaveLength(3);
    expect(service.log).toMatch(/Created staff accounts: staff-[0-9a-f-]{36}, staff-[0-9a-f-]{36}/);
    expect(service.log).not.toContain(service.secrets.staff[0].email);
    expect(service.log).not.toContain(service.secrets.staff[0].password);
  });

  it('refuses a member, an incomplete profile, a joining day ahead and an address someone holds', async () => {
    const request = importRequest();
    await expect(
      service.problemOf(MembershipRequests.importMember, request, memberIdentity(request.memberId)),
    ).resolves.toMatchObject({ status: 403 });

    const withoutName = { ...request.profile };
    delete withoutName.lastName;
    await expect(
      service.problemOf(MembershipRequests.importMember, { ...request, profile: withoutName }, staff),
    ).resolves.toMatchObject({
      status: 400,
      detail: 'Die Anfrage enthält ungültige Felder: profile.lastName.',
    });

    const ahead = new Date(Date.now() + 86_400_000).toISOString();
    await expect(
      service.problemOf(MembershipRequests.importMember, { ...request, joinedAt: ahead }, staff),
    ).resolves.toMatchObject({
      status: 400,
      detail: 'Das Beitrittsdatum eines übernommenen Mitglieds darf nicht in der Zukunft liegen.',
    });

    const invited = await service.send(MembershipRequests.invite, invitationRequest(service.suffix), staff);
    await expect(
      service.problemOf(
        MembershipRequests.importMember,
        { ...request, profile: { ...request.profile, email: invited.email } },
        staff,
      ),
    ).resolves.toMatchObject({ status: 409 });
    expect(service.eventsOf(request.memberId)).toHaveLength(0);
  });
});
