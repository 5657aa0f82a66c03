import mongoose from 'mongoose';
import { PlatformRunner } from '../../scripts/lib/platform-runner';
import { E2eClient, fieldsOf, Page, Problem } from '../support/e2e-client';
import { sleep } from '../support/eventually';
import { testInfrastructure } from '../support/test-infrastructure';
import {
  MembershipThroughTheGateway,
  Invitation,
  Member,
  run,
  address,
  annaInvitation,
  benInvitation,
} from '../support/membership-e2e';

/**
 * Membership end to end, as a web client and a person with a mailbox meet it, every call through
 * the gateway and every mail read back from the SMTP sink: a member's profile and working groups, the directory, what members may not do, the office's edits, refused links and tokens.
 */
describe('Membership through the gateway', () => {
  const bed = MembershipThroughTheGateway.forThisFile();
  const { inviteBody, invite } = bed;
  let client: E2eClient;
  let staffToken: string;
  let platform: PlatformRunner;

  beforeAll(() => {
    ({ client, staff: staffToken, platform } = bed);
  });

  describe('a member, the directory and the office', () => {
    const anna = { name: 'Anna', id: '', token: '' };
    const ben = { name: 'Ben', id: '', token: '' };

    // Anna and Ben as the journey leaves them (membership-journey.e2e.ts): members, signed in.
    beforeAll(async () => {
      for (const [person, invitation] of [
        [anna, annaInvitation],
        [ben, benInvitation],
      ] as const) {
        const member = await client.newMember(staffToken, {
          ...inviteBody(person.name, invitation),
          email: address(person.name.toLowerCase()),
        });
        Object.assign(person, { id: member.id, token: member.token });
      }
    });

    it('an unknown address gets the same answer, and no mail', async () => {
      const asked = await client.call<{ message: string }>('POST', '/auth/sign-in-links', {
        body: { email: address('niemand') },
      });
      expect(asked.status).toBe(202);
      expect(asked.body.message).toContain('Wenn die Adresse bei uns bekannt ist');
      await sleep(2000);
      expect(await client.mailsTo(address('niemand'))).toEqual([]);
    });

    it('the member edits their profile and joins a working group', async () => {
      const before = await client.call<Member>('GET', '/members/me', { token: anna.token });
      expect(before.body).toMatchObject({ id: anna.id, status: 'active', email: address('anna') });

      const edited = await client.call<Member>('PATCH', '/members/me', {
        token: anna.token,
        body: {
          phone: '+49 5264 644-0',
          position: 'Bürgermeisterin',
          themes: ['Digitalisierung', 'Energie'],
        },
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ phone: '+49 5264 644-0', themes: ['Digitalisierung', 'Energie'] });

      const groups = await client.call<{ id: string }[]>('GET', '/working-groups', { token: anna.token });
      expect(groups.body.map((group) => group.id)).toEqual(
        expect.arrayContaining(['digitales', 'nachhaltigkeit']),
      );

      const joined = await client.call<Member>('PUT', '/members/me/working-groups/digitales', {
        token: anna.token,
      });
      expect(joined.status).toBe(200);
      expect(joined.body.workingGroups).toContain('digitales');
      const benJoined = await client.call<Member>('PUT', '/members/me/working-groups/nachhaltigkeit', {
        token: ben.token,
      });
      expect(benJoined.body.workingGroups).toContain('nachhaltigkeit');

      const after = await client.call<Member>('GET', '/members/me', { token: anna.token });
      expect(after.body).toMatchObject({ phone: '+49 5264 644-0', workingGroups: ['digitales'] });
    });

    it('appears in the directory with the right filters, and members see no staff-only fields', async () => {
      const ids = async (query: string, token: string) => {
        const page = await client.call<Page<Member>>('GET', `/members?q=${encodeURIComponent(run)}${query}`, {
          token,
        });
        expect(page.status).toBe(200);
        return page.body.items.map((item) => item.id).sort();
      };
      const both = [anna.id, ben.id].sort();
      expect(await ids('', ben.token)).toEqual(both);
      expect(await ids('&federalState=NW', ben.token)).toEqual([anna.id]);
      expect(await ids('&federalState=BY', ben.token)).toEqual([ben.id]);
      expect(await ids('&sector=Kommune', ben.token)).toEqual([anna.id]);
      expect(await ids('&sector=Wissenschaft', ben.token)).toEqual([ben.id]);
      expect(await ids('&workingGroup=digitales', ben.token)).toEqual([anna.id]);
      expect(await ids('&workingGroup=nachhaltigkeit', ben.token)).toEqual([ben.id]);
      expect(await ids('&theme=Energie', ben.token)).toEqual([anna.id]);
      expect(await ids('&theme=Bildung', ben.token)).toEqual([ben.id]);
      expect(await ids('&theme=Kooperation', ben.token)).toEqual([]);
      expect(await ids('&federalState=NW&workingGroup=digitales&theme=Energie', staffToken)).toEqual([
        anna.id,
      ]);

      const byMunicipality = await client.call<Page<Member>>(
        'GET',
        `/members?q=${encodeURIComponent(`Kalletal ${run}`)}`,
        {
          token: ben.token,
        },
      );
      expect(byMunicipality.body.items.map((item) => item.id)).toEqual([anna.id]);

      const asMember = await client.call<Page<Member>>('GET', `/members?q=${run}&federalState=NW`, {
        token: ben.token,
      });
      expect(asMember.body.items[0]).toMatchObject({ id: anna.id, municipalityName: `Kalletal ${run}` });
      for (const hidden of ['email', 'phone', 'municipality'])
        expect(asMember.body.items[0]).not.toHaveProperty(hidden);

      const asStaff = await client.call<Page<Member>>('GET', `/members?q=${run}&federalState=NW`, {
        token: staffToken,
      });
      expect(asStaff.body.items[0]).toMatchObject({
        id: anna.id,
        email: address('anna'),
        phone: '+49 5264 644-0',
      });

      const paged = await client.call<Page<Member>>('GET', `/members?q=${run}&limit=1`, { token: ben.token });
      expect(paged.body.items).toHaveLength(1);
      expect(paged.body.nextCursor).toEqual(expect.any(String));
      const second = await client.call<Page<Member>>(
        'GET',
        `/members?q=${run}&limit=1&cursor=${paged.body.nextCursor}`,
        {
          token: ben.token,
        },
      );
      expect(second.body.items.map((item) => item.id)).not.toContain(paged.body.items[0]?.id);
    });

    it('a member cannot invite, see staff-only fields of others, or edit someone else', async () => {
      const invited = await client.call<Problem>('POST', '/invitations', {
        token: ben.token,
        body: inviteBody('Dora'),
      });
      expect(invited.status).toBe(403);
      expect(invited.headers.get('content-type')).toContain('application/problem+json');
      expect((await client.call('GET', '/invitations', { token: ben.token })).status).toBe(403);
      expect((await client.call('GET', '/deliveries', { token: ben.token })).status).toBe(403);
      expect((await client.call('GET', `/members/${anna.id}/history`, { token: ben.token })).status).toBe(
        403,
      );

      const other = await client.call<Member>('GET', `/members/${anna.id}`, { token: ben.token });
      expect(other.status).toBe(200);
      expect(other.body).toMatchObject({ id: anna.id, lastName: `Anna ${run}` });
      expect(other.body).not.toHaveProperty('email');
      expect(other.body).not.toHaveProperty('phone');

      const edited = await client.call('PATCH', `/members/${anna.id}`, {
        token: ben.token,
        body: { lastName: 'Gehackt' },
      });
      expect(edited.status).toBe(403);
      const unchanged = await client.call<Member>('GET', `/members/${anna.id}`, { token: staffToken });
      expect(unchanged.body.lastName).toBe(`Anna ${run}`);
      expect(await client.mailsTo(address('dora'))).toEqual([]);
    });

    it('staff edits a member and sees every change in the history', async () => {
      const edited = await client.call<Member>('PATCH', `/members/${anna.id}`, {
        token: staffToken,
        body: { organisation: 'Gemeinde Kalletal (Lippe)' },
      });
      expect(edited.status).toBe(200);
      const history = await client.call<Page<{ type: string; summary: string; by?: { role: string } }>>(
        'GET',
        `/members/${anna.id}/history`,
        { token: staffToken },
      );
      expect(history.status).toBe(200);
      expect(history.body.items.length).toBeGreaterThanOrEqual(3);
      expect(history.body.items.map((entry) => entry.by?.role)).toEqual(
        expect.arrayContaining(['staff', 'member']),
      );
    });

    it('inviting an address that is a member or has an open invitation gives 409', async () => {
      const member = await client.call<Problem>('POST', '/invitations', {
        token: staffToken,
        body: inviteBody('Anna', { firstName: 'Anna' }),
      });
      expect(member.status).toBe(409);
      expect(member.body.detail).toEqual(expect.any(String));

      await invite(inviteBody('Emil', { firstName: 'Emil' }));
      const twice = await client.call<Problem>('POST', '/invitations', {
        token: staffToken,
        body: inviteBody('Emil', { firstName: 'Emil', personalMessage: 'Noch einmal.' }),
      });
      expect(twice.status).toBe(409);
      expect(twice.headers.get('content-type')).toContain('application/problem+json');
      await client.linkFromMail(address('emil'), 'einladung');
      await sleep(1000);
      expect(await client.mailsTo(address('emil'))).toHaveLength(1);
    });

    it('an unknown or malformed link is refused with a clear message', async () => {
      const unknown = 'U'.repeat(43);
      const accepted = await client.call<Problem>('POST', '/invitations/accept', {
        body: { token: unknown },
      });
      expect(accepted.status).toBe(404);
      expect(accepted.body.detail).toEqual(expect.stringMatching(/.{15,}/));
      const signIn = await client.call<Problem>('POST', '/auth/sign-in-links/redeem', {
        body: { token: unknown },
      });
      expect([401, 404, 410, 422]).toContain(signIn.status);

      const browserSignIn = await client.call<Problem>('POST', '/auth/session', { body: { token: unknown } });
      expect(browserSignIn.status).toBe(401);
      expect(browserSignIn.body.detail).toContain('Anmeldelink');
      expect(browserSignIn.headers.get('set-cookie')).toBeNull();

      const malformed = await client.call<Problem>('GET', '/invitations/by-token/kurz');
      expect(malformed.status).toBe(400);
      expect(fieldsOf(malformed.body)).toEqual(['token']);
    });

    it('an expired invitation link is refused with a clear message', async () => {
      const invitation = await invite(inviteBody('Abgelaufen'));
      const { token } = await client.linkFromMail(invitation.email, 'einladung');
      // Time travel in the membership service's own data: the invitation ran out yesterday.
      const connection = await mongoose
        .createConnection(testInfrastructure().mongodbUri, { dbName: platform.databaseOf('membership') })
        .asPromise();
      try {
        await connection
          .collection('invitations')
          .updateOne(
            { _id: invitation.id as never },
            { $set: { expiresAt: new Date(Date.now() - 86_400_000) } },
          );
      } finally {
        await connection.close();
      }

      const accepted = await client.call<Problem>('POST', '/invitations/accept', { body: { token } });
      expect(accepted.status).toBe(422);
      expect(accepted.body.detail).toBe(
        'Diese Einladung ist abgelaufen. Bitte wenden Sie sich an die Geschäftsstelle.',
      );
      const preview = await client.call<{ status: string }>('GET', `/invitations/by-token/${token}`);
      expect(preview.body.status).toBe('expired');
      const listed = await client.call<Invitation>('GET', `/invitations/${invitation.id}`, {
        token: staffToken,
      });
      expect(listed.body.status).toBe('expired');
    });

    it('logging out makes the token useless', async () => {
      expect((await client.call('GET', '/members/me', { token: anna.token })).status).toBe(200);
      expect((await client.call('POST', '/auth/logout', { token: anna.token })).status).toBe(204);
      const after = await client.call<Problem>('GET', '/members/me', { token: anna.token });
      expect(after.status).toBe(401);
      expect(after.body.detail).toContain('Bitte melden Sie sich');

      const secondStaff = await client.staffLogin(1);
      expect((await client.call('POST', '/auth/logout', { token: secondStaff })).status).toBe(204);
      expect((await client.call('GET', '/invitations', { token: secondStaff })).status).toBe(401);
      expect((await client.call('GET', '/invitations?limit=1', { token: staffToken })).status).toBe(200);
    });

    it('a missing or forged token gets 401', async () => {
      const missing = await client.call<Problem>('GET', '/members');
      expect(missing.status).toBe(401);
      expect(missing.body.detail).toBe('Bitte melden Sie sich an.');
      const forged = `${staffToken.slice(0, -4)}AAAA`;
      expect((await client.call('GET', '/members', { token: forged })).status).toBe(401);
    });
  });
});
