import { ANONYMOUS, CallerIdentity, MembershipRequests } from '@ic/contracts';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { admitMember, invitationRequest, invitationTokenOf, signInLinkTokenOf } from './membership-fixtures';
import { EventTypes, MembershipService } from './membership-service';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A cookie secret as the gateway makes it, and the hash it sends (the service never sees the secret). */
function newCookie() {
  const secret = randomBytes(32).toString('base64url');
  return { secret, sessionSecretHash: createHash('sha256').update(secret).digest('hex') };
}

interface StoredSession {
  _id: string;
  kind?: string;
  subject: string;
  role: string;
  createdAt: Date;
  expiresAt: Date;
  renewedAt?: Date;
  revokedAt?: Date;
}

/**
 * The browser sessions behind the portal's cookie, on the real service, broker and database: from
 * a sign-in link to a session, resolving and renewing it, ending it.
 */
describe('Membership service: browser sessions', () => {
  const service = new MembershipService();
  let staff: CallerIdentity;

  const sessions = () => service.db.collection<StoredSession>('sessions');
  const resolve = (sessionSecretHash: string) =>
    service.send(MembershipRequests.resolveBrowserSession, { sessionSecretHash }, ANONYMOUS);
  /** Time travel in the service's own data: the session was last moved on this long ago. */
  const age = async (sessionId: string, ms: number) => {
    const stored = await sessions().findOne({ _id: sessionId });
    if (!stored) throw new Error(`no session ${sessionId}`);
    const back = (date: Date | undefined) => (date ? new Date(date.getTime() - ms) : undefined);
    await sessions().updateOne(
      { _id: sessionId },
      {
        $set: {
          createdAt: back(stored.createdAt)!,
          expiresAt: back(stored.expiresAt)!,
          ...(stored.renewedAt ? { renewedAt: back(stored.renewedAt)! } : {}),
        },
      },
    );
  };

  beforeAll(async () => {
    await service.start();
    staff = await service.staff();
  });

  afterAll(() => service.stop());

  it('starts a session from a sign-in link, resolves it, renews it once a day and ends it with SessionEnded', async () => {
    const member = await admitMember(service, staff);
    const token = await signInLinkTokenOf(service, member);
    const cookie = newCookie();

    const started = await service.send(
      MembershipRequests.startMemberBrowserSession,
      { token, sessionSecretHash: cookie.sessionSecretHash },
      ANONYMOUS,
    );
    expect(started).toEqual({
      sessionId: expect.stringMatching(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ),
      subject: member.id,
      role: 'member',
      expiresAt: expect.any(String),
    });
    const lifetime = new Date(started.expiresAt).getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(30 * DAY_MS - 60_000);
    expect(lifetime).toBeLessThanOrEqual(30 * DAY_MS);

    // Stored under an id derived from the hash; neither the secret nor its hash is in the database.
    const stored = await sessions().findOne({ _id: started.sessionId });
    expect(stored).toMatchObject({ kind: 'browser', subject: member.id, role: 'member' });
    expect(JSON.stringify(stored)).not.toContain(cookie.secret);
    expect(JSON.stringify(stored)).not.toContain(cookie.sessionSecretHash);

    // The link is used up, as with the access-token redeem.
    await expect(
      service.problemOf(
        MembershipRequests.startMemberBrowserSession,
        { token, sessionSecretHash: newCookie().sessionSecretHash },
        ANONYMOUS,
      ),
    ).resolves.toMatchObject({ status: 401, detail: expect.stringContaining('bereits verwendet') });

    await expect(resolve(cookie.sessionSecretHash)).resolves.toEqual({
      active: true,
      renewed: false,
      ...started,
    });
    await expect(
      service.send(MembershipRequests.sessionActive, { sessionId: started.sessionId }, ANONYMOUS),
    ).resolves.toEqual({ active: true, subject: member.id, role: 'member' });

    await age(started.sessionId, DAY_MS + 60_000);
    const renewed = await resolve(cookie.sessionSecretHash);
    expect(renewed).toMatchObject({ active: true, renewed: true, sessionId: started.sessionId });
    const renewedExpiry = renewed.active ? new Date(renewed.expiresAt).getTime() : 0;
    expect(renewedExpiry - Date.now()).toBeGreaterThan(30 * DAY_MS - 60_000);
    const afterRenewal = await sessions().findOne({ _id: started.sessionId });
    expect(afterRenewal?.expiresAt.getTime()).toBe(renewedExpiry);
    expect(afterRenewal?.renewedAt).toBeInstanceOf(Date);
    await expect(resolve(cookie.sessionSecretHash)).resolves.toMatchObject({
      active: true,
      renewed: false,
      expiresAt: new Date(renewedExpiry).toISOString(),
    });

    await expect(
      service.send(
        MembershipRequests.endBrowserSession,
        { sessionSecretHash: cookie.sessionSecretHash },
        ANONYMOUS,
      ),
    ).resolves.toEqual({ ended: true });
    await expect(resolve(cookie.sessionSecretHash)).resolves.toEqual({ active: false });
    expect(await sessions().findOne({ _id: started.sessionId })).toMatchObject({
      revokedAt: expect.any(Date),
    });
    // Every gateway instance forgets the member's sessions on it.
    const ended = (await service.published(member.id, [EventTypes.sessionEnded])).filter(
      (event) => event.type === EventTypes.sessionEnded,
    );
    expect(ended.map((event) => event.data)).toEqual([
      { sessionId: started.sessionId, subject: member.id, role: 'member', endedAt: expect.any(String) },
    ]);
    await expect(
      service.send(
        MembershipRequests.endBrowserSession,
        { sessionSecretHash: cookie.sessionSecretHash },
        ANONYMOUS,
      ),
    ).resolves.toEqual({ ended: true });
  });

  it('is inactive once expired, and once the membership has ended', async () => {
    const member = await admitMember(service, staff);
    const expiring = newCookie();
    await service.send(
      MembershipRequests.startMemberBrowserSession,
      { token: await signInLinkTokenOf(service, member), sessionSecretHash: expiring.sessionSecretHash },
      ANONYMOUS,
    );
    const ending = newCookie();
    const second = await service.send(
      MembershipRequests.startMemberBrowserSession,
      { token: await signInLinkTokenOf(service, member), sessionSecretHash: ending.sessionSecretHash },
      ANONYMOUS,
    );

    const expired = await resolve(expiring.sessionSecretHash);
    if (!expired.active) throw new Error('the first session should be active');
    await age(expired.sessionId, 30 * DAY_MS + 60_000);
    await expect(resolve(expiring.sessionSecretHash)).resolves.toEqual({ active: false });

    await expect(resolve(ending.sessionSecretHash)).resolves.toMatchObject({ active: true });
    await service.send(MembershipRequests.endMembership, { memberId: member.id, note: 'Test' }, staff);
    await expect(resolve(ending.sessionSecretHash)).resolves.toEqual({ active: false });
    expect(await sessions().findOne({ _id: second.sessionId })).toMatchObject({ kind: 'browser' });
  });

  it("opens the office's session with the password, which lasts 10 hours and never slides", async () => {
    const [account] = service.secrets.staff;
    if (!account) throw new Error('no staff account');
    const cookie = newCookie();
    const started = await service.send(
      MembershipRequests.startStaffBrowserSession,
      { email: account.email, password: account.password, sessionSecretHash: cookie.sessionSecretHash },
      ANONYMOUS,
    );
    expect(started).toMatchObject({ role: 'staff', subject: staff.subject });
    const lifetime = new Date(started.expiresAt).getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(10 * 60 * 60 * 1000 - 60_000);
    expect(lifetime).toBeLessThanOrEqual(10 * 60 * 60 * 1000);

    await age(started.sessionId, 9 * 60 * 60 * 1000);
    await expect(resolve(cookie.sessionSecretHash)).resolves.toMatchObject({
      active: true,
      renewed: false,
      expiresAt: new Date(new Date(started.expiresAt).getTime() - 9 * 60 * 60 * 1000).toISOString(),
    });

    await expect(
      service.problemOf(
        MembershipRequests.startStaffBrowserSession,
        { email: account.email, password: 'falsch-falsch', sessionSecretHash: newCookie().sessionSecretHash },
        ANONYMOUS,
      ),
    ).resolves.toMatchObject({ status: 401 });
  });

  it('signs the new member in with the acceptance of the invitation, when asked', async () => {
    const invitation = await service.send(
      MembershipRequests.invite,
      invitationRequest(service.suffix),
      staff,
    );
    const cookie = newCookie();
    const accepted = await service.send(
      MembershipRequests.acceptInvitation,
      { token: await invitationTokenOf(service, invitation.id), sessionSecretHash: cookie.sessionSecretHash },
      ANONYMOUS,
    );
    expect(accepted).toEqual({
      memberId: invitation.id,
      session: {
        sessionId: expect.any(String),
        subject: invitation.id,
        role: 'member',
        expiresAt: expect.any(String),
      },
    });
    await expect(resolve(cookie.sessionSecretHash)).resolves.toMatchObject({
      active: true,
      subject: invitation.id,
    });
  });

  it("answers the gateway's questions about many sessions in one request, in the order asked", async () => {
    const staying = await admitMember(service, staff);
    const leaving = await admitMember(service, staff);
    const [stayingCookie, leavingCookie, unknownCookie] = [newCookie(), newCookie(), newCookie()];
    const start = async (member: typeof staying, cookie: ReturnType<typeof newCookie>) =>
      service.send(
        MembershipRequests.startMemberBrowserSession,
        { token: await signInLinkTokenOf(service, member), sessionSecretHash: cookie.sessionSecretHash },
        ANONYMOUS,
      );
    const stayingSession = await start(staying, stayingCookie);
    const leavingSession = await start(leaving, leavingCookie);
    await service.send(MembershipRequests.endMembership, { memberId: leaving.id, note: 'Test' }, staff);

    const { resolutions } = await service.send(
      MembershipRequests.resolveBrowserSessions,
      {
        sessionSecretHashes: [
          leavingCookie.sessionSecretHash,
          stayingCookie.sessionSecretHash,
          unknownCookie.sessionSecretHash,
          stayingCookie.sessionSecretHash,
        ],
      },
      ANONYMOUS,
    );
    const stayingAnswer = { active: true, renewed: false, ...stayingSession };
    expect(resolutions).toEqual([{ active: false }, stayingAnswer, { active: false }, stayingAnswer]);

    const { sessions: activities } = await service.send(
      MembershipRequests.sessionsActive,
      { sessionIds: [stayingSession.sessionId, randomUUID(), leavingSession.sessionId] },
      ANONYMOUS,
    );
    expect(activities).toEqual([
      { active: true, subject: staying.id, role: 'member' },
      { active: false },
      { active: false },
    ]);
  });

  it.each([
    ['none', []],
    ['more than 100', Array.from({ length: 101 }, () => newCookie().sessionSecretHash)],
  ])('refuses a question about %s sessions at once, naming the field', async (_case, sessionSecretHashes) => {
    await expect(
      service.problemOf(MembershipRequests.resolveBrowserSessions, { sessionSecretHashes }, ANONYMOUS),
    ).resolves.toMatchObject({ status: 400, errors: [{ field: 'sessionSecretHashes' }] });
  });

  it('refuses a hash that is none, naming the field', async () => {
    await expect(
      service.problemOf(
        MembershipRequests.resolveBrowserSession,
        { sessionSecretHash: 'kein-hash' },
        ANONYMOUS,
      ),
    ).resolves.toMatchObject({ status: 400, errors: [{ field: 'sessionSecretHash' }] });
  });
});
