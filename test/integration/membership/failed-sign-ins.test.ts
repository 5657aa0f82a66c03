import { ANONYMOUS, CallerIdentity, MembershipRequests } from '@ic/contracts';
import { randomUUID } from 'node:crypto';
import { memberIdentity, MembershipService } from './membership-service';

const DAY_MS = 24 * 60 * 60 * 1000;

interface StoredFailure {
  _id: string;
  email: string;
  officeAccount: boolean;
  at: Date;
}

/**
 * The journal of failed office sign-ins and the office's view of it, on the real service, broker and
 * database (a database of its own: the view lists every address of the last 7 days).
 */
describe('Membership service: failed office sign-ins for the office', () => {
  const service = new MembershipService();
  let staff: CallerIdentity;

  const journal = () => service.db.collection<StoredFailure>('failed_sign_ins');
  const failSignIn = (email: string) =>
    service.problemOf(MembershipRequests.staffLogin, { email, password: 'falsch-falsch-falsch' }, ANONYMOUS);

  beforeAll(async () => {
    await service.start();
    staff = await service.staff();
  });

  afterAll(() => service.stop());

  it('journals each failure without the password, shows the last 7 days per address with its wait, and forgets after 30 days', async () => {
    const office = service.secrets.staff[1].email;
    const stranger = `raten.${service.suffix}@example.org`;
    const now = Date.now();
    await journal().insertMany([
      { _id: randomUUID(), email: 'alt@example.org', officeAccount: false, at: new Date(now - 31 * DAY_MS) },
      { _id: randomUUID(), email: office, officeAccount: true, at: new Date(now - 8 * DAY_MS) },
    ]);

    await expect(failSignIn(office)).resolves.toMatchObject({ status: 401 });
    await expect(failSignIn(stranger)).resolves.toMatchObject({ status: 401 });
    await expect(failSignIn(office)).resolves.toMatchObject({ status: 401 });
    // The attempt during the wait is refused unchecked: not a failed sign-in, not in the journal.
    await expect(failSignIn(office)).resolves.toMatchObject({ status: 429 });

    // The entry of 31 days ago was removed by the new ones; the one of 8 days ago is kept.
    const stored = await journal().find({}).sort({ at: 1 }).toArray();
    expect(stored.map(({ email, officeAccount }) => ({ email, officeAccount }))).toEqual([
      { email: office, officeAccount: true },
      { email: office, officeAccount: true },
      { email: stranger, officeAccount: false },
      { email: office, officeAccount: true },
    ]);
    for (const entry of stored)
      expect(Object.keys(entry).sort()).toEqual(['_id', 'at', 'email', 'officeAccount']);
    const lastOfOffice = stored[3].at;

    const { addresses, ...reply } = await service.send(MembershipRequests.failedSignIns, {}, staff);
    // Two failures in a row: a wait of 1 s from the last, which may be over on a slow machine.
    expect([new Date(lastOfOffice.getTime() + 1000).toISOString(), null]).toContain(
      addresses[0]?.nextAttemptAt,
    );
    expect({ ...reply, addresses }).toEqual({
      days: 7,
      addressCount: 2,
      addresses: [
        {
          email: office,
          officeAccount: true,
          failures: 2,
          lastFailureAt: lastOfOffice.toISOString(),
          nextAttemptAt: addresses[0]?.nextAttemptAt,
        },
        {
          email: stranger,
          officeAccount: false,
          failures: 1,
          lastFailureAt: stored[2].at.toISOString(),
          nextAttemptAt: null,
        },
      ],
    });
  });

  it('says until when an address slowed down to a minute must wait', async () => {
    const email = `langsam.${service.suffix}@example.org`;
    await failSignIn(email);
    // Time travel in the service's own data: eight failures in a row, the wait is 60 s.
    await service.db
      .collection<{ _id: string; failures: number }>('failed_login_streaks')
      .updateOne({ _id: email }, { $set: { failures: 8 } });
    const { addresses } = await service.send(MembershipRequests.failedSignIns, {}, staff);
    const shown = addresses.find((address) => address.email === email);
    expect(shown).toMatchObject({ failures: 1 });
    expect(Date.parse(shown!.nextAttemptAt!) - Date.parse(shown!.lastFailureAt)).toBe(60_000);
  });

  it('is for the office only', async () => {
    await expect(
      service.problemOf(MembershipRequests.failedSignIns, {}, memberIdentity(randomUUID())),
    ).resolves.toMatchObject({ status: 403, detail: 'Diese Aktion ist der Geschäftsstelle vorbehalten.' });
    await expect(service.problemOf(MembershipRequests.failedSignIns, {}, ANONYMOUS)).resolves.toMatchObject({
      status: 401,
    });
  });
});
