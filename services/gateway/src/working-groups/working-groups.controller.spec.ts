import { MembershipRequests } from '@ic/contracts';
import { fieldsOf, GatewayTestApp, signTestToken, startGatewayTestApp } from '../testing/gateway-test-app';
import { WorkingGroupsController } from './working-groups.controller';

describe(WorkingGroupsController.name, () => {
  let sut: GatewayTestApp;
  const staff = signTestToken({ role: 'staff' });

  beforeEach(async () => {
    sut = await startGatewayTestApp();
    sut.rpc
      .answer(MembershipRequests.sessionActive, () => ({ active: true }))
      .answer(MembershipRequests.listWorkingGroups, () => [
        { id: 'digitales', name: 'Digitales', memberCount: 2 },
        { id: 'nachhaltigkeit', name: 'Nachhaltigkeit', memberCount: 1 },
      ])
      .answer(MembershipRequests.createWorkingGroup, (request) => ({ ...request, memberCount: 0 }));
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
});
