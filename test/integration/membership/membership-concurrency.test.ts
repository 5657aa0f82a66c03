import { ANONYMOUS, CallerIdentity, MembershipRequests } from '@ic/contracts';
import { RemoteProblemError } from '@ic/platform';
import { admitMember, invitationRequest, invitationTokenOf } from './membership-fixtures';
import { EventTypes, MembershipService } from './membership-service';

/**
 * Single use and uniqueness rest on inserts with unique ids, and of concurrent writes decided on the
 * same revision of a document exactly one lands (a conditional update on `{ _id, revision }`).
 */
describe('Membership service under concurrency', () => {
  const service = new MembershipService();
  let staff: CallerIdentity;

  beforeAll(async () => {
    await service.start();
    staff = await service.staff();
  });

  afterAll(async () => {
    await service.stop();
  });

  it('accepts an invitation exactly once when its link is used 20 times at once', async () => {
    const invitation = await service.send(
      MembershipRequests.invite,
      invitationRequest(service.suffix),
      staff,
    );
    const token = await invitationTokenOf(service, invitation.id);

    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        service.send(MembershipRequests.acceptInvitation, { token }, ANONYMOUS),
      ),
    );

    const accepted = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    expect(accepted).toEqual([{ status: 'fulfilled', value: { memberId: invitation.id } }]);
    for (const outcome of outcomes.filter((candidate) => candidate.status === 'rejected')) {
      expect(outcome.reason).toBeInstanceOf(RemoteProblemError);
      expect((outcome.reason as RemoteProblemError).problem).toMatchObject({
        status: 409,
        detail: 'Diese Einladung wurde bereits beantwortet.',
      });
    }
    await service.published(invitation.id, [EventTypes.activated]);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(
      service.eventsOf(invitation.id).filter((event) => event.type === EventTypes.activated),
    ).toHaveLength(1);
  });

  it('creates exactly one of 10 concurrent invitations of one address', async () => {
    const request = invitationRequest(service.suffix);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, index) =>
        service.send(MembershipRequests.invite, { ...request, firstName: `Jonas ${index}` }, staff),
      ),
    );

    const created = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    expect(created).toHaveLength(1);
    const refused = outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' ? [outcome.reason as unknown] : [],
    );
    expect(refused.map((error) => (error as RemoteProblemError).problem)).toEqual(
      Array(9).fill(
        expect.objectContaining({
          status: 409,
          detail: 'Für diese E-Mail-Adresse besteht bereits eine offene Einladung.',
        }),
      ),
    );
    const listed = await service.send(MembershipRequests.listInvitations, { limit: 100 }, staff);
    expect(listed.items.filter((item) => item.email === request.email)).toHaveLength(1);
  });

  it('completes an acceptance whose process died right after recording it, when the link is used again', async () => {
    const invitation = await service.send(
      MembershipRequests.invite,
      invitationRequest(service.suffix),
      staff,
    );
    const token = await invitationTokenOf(service, invitation.id);
    // What a process killed between recording the answer and creating the member leaves behind.
    await service.db
      .collection('invitation_outcomes')
      .insertOne({ _id: invitation.id as never, outcome: 'accepted', at: new Date(Date.now() - 60_000) });

    await expect(service.send(MembershipRequests.acceptInvitation, { token }, ANONYMOUS)).resolves.toEqual({
      memberId: invitation.id,
    });
    await expect(
      service.send(MembershipRequests.getMember, { memberId: invitation.id }, staff),
    ).resolves.toMatchObject({ status: 'active' });
    await expect(
      service.send(MembershipRequests.getInvitation, { invitationId: invitation.id }, staff),
    ).resolves.toMatchObject({ status: 'accepted' });
    await service.published(invitation.id, [EventTypes.invited, EventTypes.activated]);
    await expect(
      service.problemOf(MembershipRequests.acceptInvitation, { token }, ANONYMOUS),
    ).resolves.toMatchObject({
      status: 409,
    });
  });

  it('loses no change when a member joins five groups and edits the profile at the same time', async () => {
    const groups = Array.from({ length: 5 }, (_, index) => `gruppe-${index}-${service.suffix}`);
    for (const id of groups) {
      await service.send(MembershipRequests.createWorkingGroup, { id, name: `Gruppe ${id}` }, staff);
    }
    const member = await admitMember(service, staff);

    await Promise.all([
      ...groups.map((workingGroupId) =>
        service.send(MembershipRequests.joinWorkingGroup, { workingGroupId }, member.identity),
      ),
      service.send(MembershipRequests.updateOwnProfile, { phone: '+49 5264 644-0' }, member.identity),
      service.send(
        MembershipRequests.updateMember,
        { memberId: member.id, position: 'Bürgermeister' },
        staff,
      ),
    ]);

    const stored = await service.send(MembershipRequests.getMember, { memberId: member.id }, staff);
    expect(stored).toMatchObject({ phone: '+49 5264 644-0', position: 'Bürgermeister' });
    expect([...stored.workingGroups].sort()).toEqual([...groups].sort());
    await service.published(member.id, [EventTypes.activated]);
    const events = await service.published(member.id, Array(5).fill(EventTypes.joined) as string[]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const types = service.eventsOf(member.id).map((event) => event.type);
    expect(types.filter((type) => type === EventTypes.joined)).toHaveLength(5);
    expect(types.filter((type) => type === EventTypes.profileUpdated)).toHaveLength(2);
    expect(events.length).toBeGreaterThanOrEqual(6);
  });
});
