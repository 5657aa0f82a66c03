import { MembershipRequests } from '@ic/contracts';
import { randomUUID } from 'node:crypto';
import { fieldsOf, GatewayTestApp, signTestToken, startGatewayTestApp } from '../testing/gateway-test-app';
import { newDirectoryEntry, newMemberReply, newPatchedMemberReply } from '../testing/reply-factories';
import { OwnMembershipController } from './own-membership.controller';

describe(OwnMembershipController.name, () => {
  let sut: GatewayTestApp;
  const memberId = randomUUID();
  const member = signTestToken({ sub: memberId, role: 'member' });

  beforeEach(async () => {
    sut = await startGatewayTestApp();
    sut.rpc
      .answer(MembershipRequests.getMember, ({ memberId: id }) => newMemberReply({ id }))
      .answer(MembershipRequests.updateOwnProfile, (changes) => newPatchedMemberReply(memberId, changes))
      .answer(MembershipRequests.leave, () =>
        newMemberReply({ id: memberId, status: 'inactive', leaveReason: 'left' }),
      )
      .answer(MembershipRequests.joinWorkingGroup, ({ workingGroupId }) =>
        newMemberReply({ id: memberId, workingGroups: [workingGroupId] }),
      )
      .answer(MembershipRequests.leaveWorkingGroup, () =>
        newMemberReply({ id: memberId, workingGroups: [] }),
      );
  });

  afterEach(() => sut.close());

  it("gets the member's own full record", async () => {
    const response = await sut.request('/api/v1/members/me', { token: member });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ id: memberId, email: expect.any(String) });
    expect(sut.rpc.sentTo(MembershipRequests.getMember)[0]?.payload).toEqual({ memberId });
  });

  it('treats a directory entry for the own record as a fault (500), not as data', async () => {
    sut.rpc.answer(MembershipRequests.getMember, () => newDirectoryEntry({ id: memberId }));
    const response = await sut.request('/api/v1/members/me', { token: member });
    expect(response.status).toBe(500);
  });

  it('changes the fields a member may change', async () => {
    const response = await sut.request('/api/v1/members/me', {
      method: 'PATCH',
      token: member,
      body: { phone: '+49 5264 644-0', themes: ['Bildung'] },
    });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ phone: '+49 5264 644-0', themes: ['Bildung'] });
  });

  it('passes null on to clear an optional field, and the answer no longer has it', async () => {
    const body = { academicTitle: null, officeTitle: null, phone: null, position: null, biography: '' };
    const response = await sut.request('/api/v1/members/me', { method: 'PATCH', token: member, body });
    expect(response.status).toBe(200);
    expect(response.json).not.toHaveProperty('phone');
    expect(sut.rpc.sentTo(MembershipRequests.updateOwnProfile)[0]?.payload).toEqual(body);
  });

  it('switches the announcements off and shows the preference', async () => {
    const response = await sut.request('/api/v1/members/me', {
      method: 'PATCH',
      token: member,
      body: { announcementsOptOut: true },
    });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ announcementsOptOut: true });
    expect(sut.rpc.sentTo(MembershipRequests.updateOwnProfile)[0]?.payload).toEqual({
      announcementsOptOut: true,
    });
  });

  it.each([
    ['a preference that is not true or false', { announcementsOptOut: 'nein' }, 'announcementsOptOut'],
    ['a preference of null', { announcementsOptOut: null }, 'announcementsOptOut'],
    ['the e-mail address', { email: 'neu@example.org' }, 'email'],
    ['the sector', { sector: 'Politik' }, 'sector'],
    ['a phone number with letters', { phone: 'ruf mich an' }, 'phone'],
    ['an unknown theme', { themes: ['Sport'] }, 'themes'],
  ])('refuses %s, naming the field', async (_case, body, field) => {
    const response = await sut.request('/api/v1/members/me', { method: 'PATCH', token: member, body });
    expect(response.status).toBe(400);
    expect(fieldsOf(response.json)).toEqual([field]);
    expect(sut.rpc.sentTo(MembershipRequests.updateOwnProfile)).toHaveLength(0);
  });

  it('leaves the club, with or without a note', async () => {
    expect((await sut.request('/api/v1/members/me/leave', { method: 'POST', token: member })).status).toBe(
      200,
    );
    const withNote = await sut.request('/api/v1/members/me/leave', {
      method: 'POST',
      token: member,
      body: { note: 'Ruhestand' },
    });
    expect(withNote.json).toMatchObject({ status: 'inactive', leaveReason: 'left' });
    expect(sut.rpc.sentTo(MembershipRequests.leave).map((request) => request.payload)).toEqual([
      {},
      { note: 'Ruhestand' },
    ]);
  });

  it('joins and leaves a working group by its short name', async () => {
    const joined = await sut.request('/api/v1/members/me/working-groups/digitales', {
      method: 'PUT',
      token: member,
    });
    expect(joined.json).toMatchObject({ workingGroups: ['digitales'] });
    const left = await sut.request('/api/v1/members/me/working-groups/digitales', {
      method: 'DELETE',
      token: member,
    });
    expect(left.json).toMatchObject({ workingGroups: [] });
    expect(sut.rpc.sentTo(MembershipRequests.leaveWorkingGroup)[0]?.payload).toEqual({
      workingGroupId: 'digitales',
    });
  });

  it('refuses a malformed working group id, naming it', async () => {
    const response = await sut.request('/api/v1/members/me/working-groups/Digitales%20AG', {
      method: 'PUT',
      token: member,
    });
    expect(response.status).toBe(400);
    expect(fieldsOf(response.json)).toEqual(['id']);
  });
});
