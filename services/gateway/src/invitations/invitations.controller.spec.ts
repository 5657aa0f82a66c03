import { InvitationMailPreviewRequests, InviteMemberRequest, MembershipRequests } from '@ic/contracts';
import { ConflictError, RemoteProblemError } from '@ic/platform';
import { createHash, randomUUID } from 'node:crypto';
import { CsrfProtection } from '../auth/csrf-protection';
import { fieldsOf, GatewayTestApp, signTestToken, startGatewayTestApp } from '../testing/gateway-test-app';
import { newInvitationReply, newInviteBody, newPreviewReply } from '../testing/reply-factories';
import { InvitationsController } from './invitations.controller';

const LINK_TOKEN = 'k'.repeat(43);

describe(InvitationsController.name, () => {
  let sut: GatewayTestApp;
  const staff = signTestToken({ sub: 'staff-1', role: 'staff', sid: 'session-1' });

  beforeEach(async () => {
    sut = await startGatewayTestApp();
    sut.rpc
      .answer(MembershipRequests.invite, (request: InviteMemberRequest) =>
        newInvitationReply({ id: '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10', email: request.email }),
      )
      .answer(MembershipRequests.listInvitations, () => ({ items: [newInvitationReply()], nextCursor: null }))
      .answer(MembershipRequests.getInvitation, ({ invitationId }) =>
        newInvitationReply({ id: invitationId }),
      )
      .answer(MembershipRequests.resendInvitation, ({ invitationId }) =>
        newInvitationReply({ id: invitationId, sentCount: 2 }),
      )
      .answer(MembershipRequests.revokeInvitation, ({ invitationId }) =>
        newInvitationReply({ id: invitationId, status: 'revoked' }),
      )
      .answer(MembershipRequests.previewInvitation, () => ({
        ...newPreviewReply(),
        email: 'leak@example.org',
      }))
      .answer(MembershipRequests.acceptInvitation, ({ sessionSecretHash }) => ({
        memberId: 'member-1',
        ...(sessionSecretHash
          ? {
              session: {
                sessionId: '0b7e1c52-3c1e-4d7e-9a51-0f6f1c2b8a10',
                subject: 'member-1',
                role: 'member' as const,
                expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
              },
            }
          : {}),
      }))
      .answer(MembershipRequests.declineInvitation, () => ({ declined: true }))
      .answer(InvitationMailPreviewRequests.previewInvitationMail, ({ lastName }) => ({
        subject: 'Ihre Berufung in den Innovators Club des DStGB',
        text: `Sehr geehrter Herr ${lastName},`,
      }));
  });

  afterEach(() => sut.close());

  const invite = (body: unknown, headers: Record<string, string> = {}) =>
    sut.request('/api/v1/invitations', { method: 'POST', token: staff, body, headers });

  describe('invite', () => {
    it('answers 201 with Location, sending the normalised body with the identity and the client key', async () => {
      const response = await invite(newInviteBody({ email: ' Jonas.Beispiel@Kalletal.example ' }), {
        'idempotency-key': 'client-key-0001',
      });
      expect(response.status).toBe(201);
      expect(response.headers.get('location')).toBe(
        '/api/v1/invitations/5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10',
      );
      expect(response.json).toMatchObject({ id: '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10', status: 'open' });
      const [sent] = sut.rpc.sentTo(MembershipRequests.invite);
      expect(sent?.payload).toEqual(newInviteBody({ email: 'jonas.beispiel@kalletal.example' }));
      expect(sent?.options).toMatchObject({
        identity: { subject: 'staff-1', roles: ['staff'], sessionId: 'session-1' },
        idempotencyKey: 'client-key-0001',
      });
    });

    it('gives each request its own key when the client sends none', async () => {
      await invite(newInviteBody());
      await invite(newInviteBody());
      const [first, second] = sut.rpc.sentTo(MembershipRequests.invite);
      expect(first?.options.idempotencyKey).toBeDefined();
      expect(first?.options.idempotencyKey).not.toBe(second?.options.idempotencyKey);
    });

    it.each(Object.keys(newInviteBody()))('refuses {"$gt": ""} in %s, naming the field', async (field) => {
      const response = await invite(newInviteBody({ [field]: { $gt: '' } }));
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      // A nested object (municipality) names its own fields below it: municipality.$gt, municipality.ags, …
      const fields = fieldsOf(response.json);
      expect(fields.length).toBeGreaterThan(0);
      expect(fields.every((name) => name === field || name.startsWith(`${field}.`))).toBe(true);
      expect(sut.rpc.sentTo(MembershipRequests.invite)).toHaveLength(0);
    });

    it.each([
      ['an unknown field', { isStaff: true }, 'isStaff'],
      [
        'a bad AGS',
        { municipality: { name: 'Kalletal', ags: '99766040', population: 13900 } },
        'municipality.ags',
      ],
      ['a bad e-mail', { email: 'jonas@' }, 'email'],
      ['a wrong type', { themes: 'Digitalisierung' }, 'themes'],
      [
        'a number as text',
        { municipality: { name: 'Kalletal', ags: '05766040', population: '13900' } },
        'municipality.population',
      ],
      ['an oversized name', { lastName: 'x'.repeat(81) }, 'lastName'],
      ['an oversized message', { personalMessage: 'x'.repeat(4001) }, 'personalMessage'],
      ['a line break in a name', { firstName: 'Jonas\r\nBcc: alle@example.org' }, 'firstName'],
      ['an unknown federal state', { federalState: 'XX' }, 'federalState'],
    ])('refuses %s, naming the field', async (_case, change, field) => {
      const response = await invite(newInviteBody(change));
      expect(response.status).toBe(400);
      expect(fieldsOf(response.json)).toEqual([field]);
      expect(sut.rpc.sentTo(MembershipRequests.invite)).toHaveLength(0);
    });

    it('refuses a malformed Idempotency-Key, naming the header', async () => {
      const response = await invite(newInviteBody(), { 'idempotency-key': 'kurz' });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.json)).toEqual(['Idempotency-Key']);
      expect(sut.rpc.sentTo(MembershipRequests.invite)).toHaveLength(0);
    });

    it("passes the service's conflict on as a 409 problem", async () => {
      sut.rpc.answer(MembershipRequests.invite, () => {
        throw new RemoteProblemError(
          new ConflictError('Diese Adresse ist bereits eingeladen.').toProblem('c'),
        );
      });
      const response = await invite(newInviteBody());
      expect(response.status).toBe(409);
      expect(response.json).toMatchObject({ status: 409, detail: 'Diese Adresse ist bereits eingeladen.' });
    });
  });

  describe('previewMail', () => {
    const previewMail = (body: unknown, token = staff) =>
      sut.request('/api/v1/invitations/mail-preview', { method: 'POST', token, body });
    const previewBody = {
      salutation: 'Herr',
      officeTitle: 'Bürgermeister',
      firstName: ' Jonas ',
      lastName: 'Beispiel',
      personalMessage: 'Willkommen!',
    };

    it('answers with the subject and text, sending the trimmed form of address and the identity', async () => {
      const response = await previewMail(previewBody);

      expect(response.status).toBe(200);
      expect(response.json).toEqual({
        subject: 'Ihre Berufung in den Innovators Club des DStGB',
        text: 'Sehr geehrter Herr Beispiel,',
      });
      const [sent] = sut.rpc.sentTo(InvitationMailPreviewRequests.previewInvitationMail);
      expect(sent?.payload).toEqual({ ...previewBody, firstName: 'Jonas' });
      expect(sent?.options).toMatchObject({ identity: { subject: 'staff-1', roles: ['staff'] } });
    });

    it.each([
      ['an unknown salutation', { salutation: 'Divers' }, 'salutation'],
      ['a missing last name', { lastName: undefined }, 'lastName'],
      ['a field the mail does not use', { email: 'jonas@kalletal.example' }, 'email'],
    ])('refuses %s, naming the field', async (_case, change, field) => {
      const response = await previewMail({ ...previewBody, ...change });

      expect(response.status).toBe(400);
      expect(fieldsOf(response.json)).toEqual([field]);
      expect(sut.rpc.sentTo(InvitationMailPreviewRequests.previewInvitationMail)).toHaveLength(0);
    });

    it('is for the office only', async () => {
      const member = signTestToken({ sub: 'member-1', role: 'member', sid: 'session-2' });

      const response = await previewMail(previewBody, member);

      expect(response.status).toBe(403);
      expect(sut.rpc.sentTo(InvitationMailPreviewRequests.previewInvitationMail)).toHaveLength(0);
    });
  });

  describe('list', () => {
    it('passes the filters on', async () => {
      const response = await sut.request('/api/v1/invitations?status=open&limit=5&q=%20Kalletal%20', {
        token: staff,
      });
      expect(response.status).toBe(200);
      expect(response.json).toMatchObject({
        items: [expect.objectContaining({ status: 'open' })],
        nextCursor: null,
      });
      expect(sut.rpc.sentTo(MembershipRequests.listInvitations)[0]?.payload).toEqual({
        status: 'open',
        limit: 5,
        q: 'Kalletal',
      });
    });

    it.each([
      ['status=offen', 'status'],
      ['limit=1000', 'limit'],
      ['limit=zwei', 'limit'],
      ['cursor=a%20b', 'cursor'],
      ['sort=name', 'sort'],
      [`q=${'x'.repeat(81)}`, 'q'],
    ])('refuses ?%s, naming the parameter', async (query, field) => {
      const response = await sut.request(`/api/v1/invitations?${query}`, { token: staff });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.json)).toEqual([field]);
    });
  });

  describe('get, resend and revoke', () => {
    it('address one invitation by its id', async () => {
      const id = randomUUID();
      expect((await sut.request(`/api/v1/invitations/${id}`, { token: staff })).json).toMatchObject({ id });
      const resent = await sut.request(`/api/v1/invitations/${id}/resend`, { method: 'POST', token: staff });
      expect(resent.status).toBe(200);
      expect(resent.json).toMatchObject({ sentCount: 2 });
      const revoked = await sut.request(`/api/v1/invitations/${id}/revoke`, { method: 'POST', token: staff });
      expect(revoked.json).toMatchObject({ status: 'revoked' });
      expect(sut.rpc.sentTo(MembershipRequests.revokeInvitation)[0]?.payload).toEqual({ invitationId: id });
    });

    it.each(['not-a-uuid', '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a1', '%24gt'])(
      'answers 400 naming the id for /invitations/%s, asking no service',
      async (id) => {
        const response = await sut.request(`/api/v1/invitations/${id}`, { token: staff });
        expect(response.status).toBe(400);
        expect(fieldsOf(response.json)).toEqual(['id']);
        expect(sut.rpc.sentTo(MembershipRequests.getInvitation)).toHaveLength(0);
      },
    );
  });

  describe('the invited person (public)', () => {
    it('previews without anything the preview must not show', async () => {
      const response = await sut.request(`/api/v1/invitations/by-token/${LINK_TOKEN}`);
      expect(response.status).toBe(200);
      expect(response.json).toMatchObject({ firstName: 'Anna', status: 'open' });
      expect(response.json).not.toHaveProperty('email');
    });

    it('greets the invited person as the invitation mail does, with the office as a form of address', async () => {
      const response = await sut.request(`/api/v1/invitations/by-token/${LINK_TOKEN}`);
      expect(response.json).toMatchObject({ greeting: 'Sehr geehrte Frau Oberbürgermeisterin Dr. Muster,' });
    });

    it('refuses a malformed token in the path, naming it', async () => {
      const response = await sut.request('/api/v1/invitations/by-token/kurz');
      expect(response.status).toBe(400);
      expect(fieldsOf(response.json)).toEqual(['token']);
    });

    it('accepts and declines with the token from the link', async () => {
      const accepted = await sut.request('/api/v1/invitations/accept', {
        method: 'POST',
        body: { token: LINK_TOKEN },
      });
      expect(accepted.status).toBe(200);
      expect(accepted.json).toEqual({ memberId: 'member-1' });
      const declined = await sut.request('/api/v1/invitations/decline', {
        method: 'POST',
        body: { token: LINK_TOKEN, reason: '  Keine Zeit.  ' },
      });
      expect(declined.json).toEqual({ declined: true });
      expect(sut.rpc.sentTo(MembershipRequests.declineInvitation)[0]?.payload).toEqual({
        token: LINK_TOKEN,
        reason: 'Keine Zeit.',
      });
    });

    it('accepts without signing in unless asked: no session, no cookie', async () => {
      const accepted = await sut.request('/api/v1/invitations/accept', {
        method: 'POST',
        body: { token: LINK_TOKEN, signIn: false },
      });
      expect(accepted.json).toEqual({ memberId: 'member-1' });
      expect(accepted.headers.get('set-cookie')).toBeNull();
      expect(sut.rpc.sentTo(MembershipRequests.acceptInvitation)[0]?.payload).toEqual({ token: LINK_TOKEN });
    });

    it('signs the new member in at once with signIn: true, setting the session cookie', async () => {
      const accepted = await sut.request('/api/v1/invitations/accept', {
        method: 'POST',
        body: { token: LINK_TOKEN, signIn: true },
      });
      expect(accepted.status).toBe(200);
      const [pair = '', ...attributes] = (accepted.headers.get('set-cookie') ?? '').split('; ');
      const [name, secret = ''] = pair.split('=');
      expect(name).toBe('__Host-ic_session');
      expect(attributes.slice(1)).toEqual(['Path=/', 'HttpOnly', 'Secure', 'SameSite=Lax']);
      expect(sut.rpc.sentTo(MembershipRequests.acceptInvitation)[0]?.payload).toEqual({
        token: LINK_TOKEN,
        sessionSecretHash: createHash('sha256').update(secret).digest('hex'),
      });
      expect(accepted.json).toEqual({
        memberId: 'member-1',
        session: {
          signedIn: true,
          role: 'member',
          operations: false,
          subject: 'member-1',
          expiresAt: expect.any(String),
          csrfToken: sut.app.get(CsrfProtection).tokenFor(secret),
        },
      });
    });

    it('refuses signIn from a page of another site (403), accepting nothing', async () => {
      const response = await sut.request('/api/v1/invitations/accept', {
        method: 'POST',
        body: { token: LINK_TOKEN, signIn: true },
        headers: { origin: 'https://boese.example' },
      });
      expect(response.status).toBe(403);
      expect(sut.rpc.sentTo(MembershipRequests.acceptInvitation)).toHaveLength(0);
    });

    it('refuses a signIn that is not true or false, naming it', async () => {
      const response = await sut.request('/api/v1/invitations/accept', {
        method: 'POST',
        body: { token: LINK_TOKEN, signIn: 'ja' },
      });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.json)).toEqual(['signIn']);
    });

    it('refuses an operator object as token', async () => {
      const response = await sut.request('/api/v1/invitations/accept', {
        method: 'POST',
        body: { token: { $ne: null } },
      });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.json)).toEqual(['token']);
      expect(sut.rpc.sentTo(MembershipRequests.acceptInvitation)).toHaveLength(0);
    });
  });
});
