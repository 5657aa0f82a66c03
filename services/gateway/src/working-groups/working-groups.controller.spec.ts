import { MembershipRequests } from '@ic/contracts';
import { randomUUID } from 'node:crypto';
import { fieldsOf, GatewayTestApp, signTestToken, startGatewayTestApp } from '../testing/gateway-test-app';
import { newMemberReply } from '../testing/reply-factories';
import { WorkingGroupsController } from './working-groups.controller';

describe(WorkingGroupsController.name, () => {
  let sut: GatewayTestApp;
  const staff = signTestToken({ role: 'staff' });

  beforeEach(async () => {
    sut = await startGatewayTestApp();
    sut.rpc
      .answer(MembershipRequests.listWorkingGroups, () => [
        { id: 'digitales', name: 'Digitales', memberCount: 2 },
        { id: 'nachhaltigkeit', name: 'Nachhaltigkeit', memberCount: 1 },
      ])
      .answer(MembershipRequests.createWorkingGroup, (request) => ({ ...request, memberCount: 0 }))
      .answer(MembershipRequests.addToWorkingGroup, ({ memberId, workingGroupId }) =>
        newMemberReply({ id: memberId, workingGroups: [workingGroupId] }),
      )
      .answer(MembershipRequests.removeFromWorkingGroup, ({ memberId }) =>
        newMemberReply({ id: memberId, workingGroups: [] }),
      );
  });

  afterEach(() => sut.close());

  it('lists the groups for members', async () => {
    const response = await sut.request('/api/v1/working-groups', {
      token: signTestToken({ role: 'member' }),
    });
    expect(response.json).toEqual([
      { id: 'digitales', name: 'Digitales', memberCount: 2 },
      { id: 'nachhaltigkeit', name: 'Nachhaltigkeit', memberCount: 1 },
    ]);
  });

  it('lets the office create one: 201', async () => {
    const response = await sut.request('/api/v1/working-groups', {
      method: 'POST',
      token: staff,
      body: { id: 'smartes-land', name: 'Smartes Land' },
    });
    expect(response.status).toBe(201);
    expect(response.json).toEqual({ id: 'smartes-land', name: 'Smartes Land', memberCount: 0 });
  });

  it('refuses an id that cannot be a short name', async () => {
    const response = await sut.request('/api/v1/working-groups', {
      method: 'POST',
      token: staff,
      body: { id: 'Smartes Land', name: 'Smartes Land' },
    });
    expect(response.status).toBe(400);
    expect(fieldsOf(response.json)).toEqual(['id']);
  });

  it('lets the office put a member into a group and take them out', async () => {
    const memberId = randomUUID();
    const added = await sut.request(`/api/v1/working-groups/digitales/members/${memberId}`, {
      method: 'PUT',
      token: staff,
    });
    expect(added.status).toBe(200);
    expect(added.json).toMatchObject({ id: memberId, workingGroups: ['digitales'] });
    expect(sut.rpc.sentTo(MembershipRequests.addToWorkingGroup)[0]?.payload).toEqual({
      workingGroupId: 'digitales',
      memberId,
    });
    const removed = await sut.request(`/api/v1/working-groups/digitales/members/${memberId}`, {
      method: 'DELETE',
      token: staff,
    });
    expect(removed.status).toBe(200);
    expect(removed.json).toMatchObject({ id: memberId, workingGroups: [] });
    expect(sut.rpc.sentTo(MembershipRequests.removeFromWorkingGroup)[0]?.payload).toEqual({
      workingGroupId: 'digitales',
      memberId,
    });
  });

  it('refuses members (403) and names a malformed group or member id (400)', async () => {
    const memberId = randomUUID();
    const asMember = await sut.request(`/api/v1/working-groups/digitales/members/${memberId}`, {
      method: 'PUT',
      token: signTestToken({ role: 'member' }),
    });
    expect(asMember.status).toBe(403);
    const badGroup = await sut.request(`/api/v1/working-groups/Digitales/members/${memberId}`, {
      method: 'PUT',
      token: staff,
    });
    expect(badGroup.status).toBe(400);
    expect(fieldsOf(badGroup.json)).toEqual(['id']);
    const badMember = await sut.request('/api/v1/working-groups/digitales/members/abc', {
      method: 'DELETE',
      token: staff,
    });
    expect(badMember.status).toBe(400);
    expect(fieldsOf(badMember.json)).toEqual(['memberId']);
    expect(sut.rpc.sentTo(MembershipRequests.addToWorkingGroup)).toHaveLength(0);
  });
});
