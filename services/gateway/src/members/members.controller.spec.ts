import { MembershipRequests } from '@ic/contracts';
import { randomUUID } from 'node:crypto';
import { fieldsOf, GatewayTestApp, signTestToken, startGatewayTestApp } from '../testing/gateway-test-app';
import { newMemberReply, newPatchedMemberReply } from '../testing/reply-factories';
import { MembersController } from './members.controller';

describe(MembersController.name, () => {
  let sut: GatewayTestApp;
  const memberId = randomUUID();
  const member = signTestToken({ sub: memberId, role: 'member' });
  const staff = signTestToken({ sub: 'staff-1', role: 'staff' });
  const other = newMemberReply();

  beforeEach(async () => {
    sut = await startGatewayTestApp();
    sut.rpc
      // A faulty service that sends full records to everyone: the gateway still shows members entries only.
      .answer(MembershipRequests.directory, () => ({ items: [other], nextCursor: 'next-1' }))
      .answer(MembershipRequests.getMember, ({ memberId: id }) => newMemberReply({ id }))
      .answer(MembershipRequests.updateMember, ({ memberId: id, ...changes }) =>
        newPatchedMemberReply(id, changes),
      )
      .answer(MembershipRequests.endMembership, ({ memberId: id }) =>
        newMemberReply({ id, status: 'inactive', leaveReason: 'ended-by-staff' }),
      )
      .answer(MembershipRequests.history, () => ({
        items: [
          {
            eventId: randomUUID(),
            type: 'de.dstgb.ic.membership.MemberProfileUpdated.v1',
            at: '2026-11-21T10:00:00.000Z',
            by: { subject: 'staff-1', role: 'staff' as const },
            summary: 'Profil geändert: phone',
          },
        ],
        nextCursor: null,
      }));
  });

  afterEach(() => sut.close());

  describe('directory', () => {
    it('shows a member the directory entries only: no e-mail, phone or population', async () => {
      const response = await sut.request(
        '/api/v1/members?federalState=NW&sector=Kommune&workingGroup=digitales&theme=Klima&q=kalle',
        {
          token: member,
        },
      );
      expect(response.status).toBe(200);
      const page = response.json as { items: Record<string, unknown>[]; nextCursor: string };
      expect(page.nextCursor).toBe('next-1');
      expect(page.items[0]).toMatchObject({ id: other.id, municipalityName: 'Kalletal' });
      for (const hidden of ['email', 'phone', 'municipality', 'status', 'joinedAt']) {
        expect(page.items[0]).not.toHaveProperty(hidden);
      }
      expect(sut.rpc.sentTo(MembershipRequests.directory)[0]?.payload).toEqual({
        federalState: 'NW',
        sector: 'Kommune',
        workingGroup: 'digitales',
        theme: 'Klima',
        q: 'kalle',
      });
    });

    it('shows the office the full records', async () => {
      const response = await sut.request('/api/v1/members', { token: staff });
      expect((response.json as { items: unknown[] }).items[0]).toMatchObject({
        email: other.email,
        phone: other.phone,
      });
    });

    it.each([
      ['federalState=Bayern', 'federalState'],
      ['sector=Kirche', 'sector'],
      ['workingGroup=Digitales!', 'workingGroup'],
      ['theme=Sport', 'theme'],
      [`q=${'x'.repeat(81)}`, 'q'],
      // Express 5 parses no nested query objects: the bracket name stays an unknown parameter.
      ['q[$regex]=.*', 'q[$regex]'],
    ])('refuses ?%s, naming the parameter', async (query, field) => {
      const response = await sut.request(`/api/v1/members?${query}`, { token: member });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.json)).toEqual([field]);
      expect(sut.rpc.sentTo(MembershipRequests.directory)).toHaveLength(0);
    });
  });

  describe('get', () => {
    it("shows a member another member's entry, not the record", async () => {
      const response = await sut.request(`/api/v1/members/${other.id}`, { token: member });
      expect(response.status).toBe(200);
      expect(response.json).not.toHaveProperty('email');
    });

    it('shows a member their own record and the office anyone', async () => {
      expect((await sut.request(`/api/v1/members/${memberId}`, { token: member })).json).toHaveProperty(
        'email',
      );
      expect((await sut.request(`/api/v1/members/${other.id}`, { token: staff })).json).toHaveProperty(
        'email',
      );
    });

    it('answers 400 naming the id for a malformed one', async () => {
      const response = await sut.request('/api/v1/members/123', { token: staff });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.json)).toEqual(['id']);
    });
  });

  describe('for the office only', () => {
    it('updates anyone, with the id from the path', async () => {
      const response = await sut.request(`/api/v1/members/${other.id}`, {
        method: 'PATCH',
        token: staff,
        body: { lastName: 'Neu', email: 'neu@kalletal.example' },
      });
      expect(response.status).toBe(200);
      expect(sut.rpc.sentTo(MembershipRequests.updateMember)[0]?.payload).toEqual({
        lastName: 'Neu',
        email: 'neu@kalletal.example',
        memberId: other.id,
      });
    });

    it('does not let a member edit someone else', async () => {
      const response = await sut.request(`/api/v1/members/${other.id}`, {
        method: 'PATCH',
        token: member,
        body: { lastName: 'Gehackt' },
      });
      expect(response.status).toBe(403);
      expect(sut.rpc.sentTo(MembershipRequests.updateMember)).toHaveLength(0);
    });

    it('ends a membership with a note, and shows the history', async () => {
      const ended = await sut.request(`/api/v1/members/${other.id}/end`, {
        method: 'POST',
        token: staff,
        body: { note: 'Amtszeit beendet' },
      });
      expect(ended.status).toBe(200);
      expect(ended.json).toMatchObject({ status: 'inactive', leaveReason: 'ended-by-staff' });
      const history = await sut.request(`/api/v1/members/${other.id}/history?limit=10`, { token: staff });
      expect(history.json).toMatchObject({
        items: [expect.objectContaining({ summary: 'Profil geändert: phone' })],
      });
      expect(sut.rpc.sentTo(MembershipRequests.history)[0]?.payload).toEqual({
        limit: 10,
        memberId: other.id,
      });
      expect((await sut.request(`/api/v1/members/${other.id}/history`, { token: member })).status).toBe(403);
    });
  });
});
