import { ANONYMOUS, CallerIdentity, MembershipRequests } from '@ic/contracts';
import { hashLinkToken } from '@ic/platform';
import { admitMember, signInLinkTokenOf } from './membership-fixtures';
import { EventTypes, MembershipService } from './membership-service';
import { sleep } from '../../support/eventually';

const past = () => new Date(Date.now() - 60_000);

/** The rules of the membership service, through its real request topic and database. */
describe('Membership service rules: sign-in', () => {
  const service = new MembershipService();
  let staff: CallerIdentity;

  beforeAll(async () => {
    await service.start();
    staff = await service.staff();
  });

  afterAll(async () => {
    await service.stop();
  });

  describe('sign-in links', () => {
    it('answers the same for unknown, inactive and throttled addresses, and mails only active members within the limit', async () => {
      const unknown = Date.now();
      await expect(
        service.send(
          MembershipRequests.requestSignInLink,
          { email: `niemand.${service.suffix}@example.org` },
          ANONYMOUS,
        ),
      ).resolves.toEqual({ accepted: true });
      expect(Date.now() - unknown).toBeGreaterThanOrEqual(300);

      const member = await admitMember(service, staff);
      for (let request = 0; request < 7; request++) {
        await expect(
          service.send(MembershipRequests.requestSignInLink, { email: member.email }, ANONYMOUS),
        ).resolves.toEqual({ accepted: true });
      }
      await service.published(member.id, Array(5).fill(EventTypes.signInLink) as string[]);
      // Let a sixth event arrive if there were one.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(
        service.eventsOf(member.id).filter((event) => event.type === EventTypes.signInLink),
      ).toHaveLength(5);
    });

    it('refuses reused, expired and unknown links with 401 and a member whose membership ended with 403', async () => {
      const member = await admitMember(service, staff);
      const token = await signInLinkTokenOf(service, member);
      await expect(
        service.send(MembershipRequests.redeemSignInLink, { token }, ANONYMOUS),
      ).resolves.toMatchObject({
        role: 'member',
      });
      await expect(
        service.problemOf(MembershipRequests.redeemSignInLink, { token }, ANONYMOUS),
      ).resolves.toMatchObject({
        status: 401,
        detail: 'Dieser Anmeldelink wurde bereits verwendet. Bitte fordern Sie einen neuen Anmeldelink an.',
      });

      const expiring = await signInLinkTokenOf(service, member);
      await service.db
        .collection('sign_in_links')
        .updateOne({ _id: hashLinkToken(expiring) as never }, { $set: { expiresAt: past() } });
      await expect(
        service.problemOf(MembershipRequests.redeemSignInLink, { token: expiring }, ANONYMOUS),
      ).resolves.toMatchObject({
        status: 401,
        detail: 'Dieser Anmeldelink ist abgelaufen. Bitte fordern Sie einen neuen Anmeldelink an.',
      });
      await expect(
        service.problemOf(MembershipRequests.redeemSignInLink, { token: 'y'.repeat(43) }, ANONYMOUS),
      ).resolves.toMatchObject({ status: 401, detail: expect.stringContaining('ungültig') });

      const pending = await signInLinkTokenOf(service, member);
      await service.send(
        MembershipRequests.endMembership,
        { memberId: member.id, note: 'Amtszeit beendet' },
        staff,
      );
      await expect(
        service.problemOf(MembershipRequests.redeemSignInLink, { token: pending }, ANONYMOUS),
      ).resolves.toMatchObject({ status: 403 });
    });
  });

  describe('staff sign-in', () => {
    it('gives the same 401 for an unknown address and a wrong password', async () => {
      const account = service.secrets.staff[0];
      const wrong = await service.problemOf(
        MembershipRequests.staffLogin,
        { email: account.email, password: 'falsch-falsch-falsch' },
        ANONYMOUS,
      );
      const unknown = await service.problemOf(
        MembershipRequests.staffLogin,
        { email: `unbekannt.${service.suffix}@innovators-club.example`, password: 'falsch-falsch-falsch' },
        ANONYMOUS,
      );
      for (const problem of [wrong, unknown]) {
        expect(problem).toMatchObject({ status: 401, detail: 'E-Mail-Adresse oder Passwort ist falsch.' });
      }
    });

    it('slows an address down after failures instead of locking it, and the right password works after the wait', async () => {
      const account = service.secrets.staff[1];
      const attempt = (password: string) =>
        service.problemOf(MembershipRequests.staffLogin, { email: account.email, password }, ANONYMOUS);
      // A typo corrected at once is let through; the second failure in a row makes the next attempt wait.
      await expect(attempt('falsch-1')).resolves.toMatchObject({ status: 401 });
      await expect(attempt('falsch-2')).resolves.toMatchObject({ status: 401 });
      // At once again: the password is not even checked, the answer says how long to wait.
      await expect(attempt(account.password)).resolves.toMatchObject({
        status: 429,
        detail: expect.stringMatching(/erst in 1 Sekunde möglich/),
        retryAfterSeconds: 1,
      });
      await sleep(1_100);
      await expect(attempt('falsch-3')).resolves.toMatchObject({ status: 401 });
      await expect(attempt('falsch-4')).resolves.toMatchObject({ status: 429, retryAfterSeconds: 2 });
      await sleep(2_100);
      await expect(service.staff(1)).resolves.toMatchObject({ roles: ['staff'] });
      // The success ended the run of failures: one failure passes again.
      await expect(attempt('falsch-5')).resolves.toMatchObject({ status: 401 });
      await expect(service.staff(1)).resolves.toMatchObject({ roles: ['staff'] });
      // The other account is not affected.
      await expect(service.staff(0)).resolves.toMatchObject({ roles: ['staff'] });
    });

    it('counts every failure of attempts made at the same moment', async () => {
      const email = `gleichzeitig.${service.suffix}@innovators-club.example`;
      const problems = await Promise.all(
        Array.from({ length: 6 }, (_, index) =>
          service.problemOf(MembershipRequests.staffLogin, { email, password: `falsch-${index}` }, ANONYMOUS),
        ),
      );
      const failed = problems.filter((problem) => problem.status === 401).length;
      expect(problems.filter((problem) => problem.status !== 401 && problem.status !== 429)).toEqual([]);
      expect(failed).toBeGreaterThan(0);
      await expect(
        service.db
          .collection<{ _id: string; failures: number }>('failed_login_streaks')
          .findOne({ _id: email }),
      ).resolves.toMatchObject({ failures: failed });
    });
  });
});
