import { ForbiddenError } from '@ic/platform';
import { mock } from 'jest-mock-extended';
import { FailedSignInsQueries } from './failed-sign-ins.queries';
import { FailedSignInsRepository } from './failed-sign-ins.repository';
import { FailedSignIn } from './failed-sign-ins.rules';
import { SessionsRepository } from './sessions.repository';

const now = new Date('2026-11-21T10:00:00.000Z');
const office = { subject: 'staff-1', role: 'staff' as const };

function newTestQueries(failures: FailedSignIn[]) {
  const journal = mock<FailedSignInsRepository>();
  const findSince = journal.findSince.mockResolvedValue(failures);
  const sessions = mock<SessionsRepository>();
  sessions.failedLoginStreaksOf.mockResolvedValue(new Map());
  return { sut: new FailedSignInsQueries(journal, sessions, { now: () => now }), findSince };
}

describe(FailedSignInsQueries.name, () => {
  describe('list', () => {
    it('reads the journal of the last 7 days for the office', async () => {
      const { sut, findSince } = newTestQueries([
        { email: 'leitung@innovators-club.example', officeAccount: true, at: now },
      ]);
      await expect(sut.list(office)).resolves.toEqual({
        days: 7,
        addresses: [expect.objectContaining({ email: 'leitung@innovators-club.example', failures: 1 })],
        addressCount: 1,
      });
      expect(findSince).toHaveBeenCalledWith(new Date('2026-11-14T10:00:00.000Z'));
    });

    it('lists the newest 50 addresses of a flood of guesses and says how many there were', async () => {
      const failures = Array.from({ length: 80 }, (_, index) => ({
        email: `raten-${index}@example.org`,
        officeAccount: false,
        at: new Date(now.getTime() - index * 1000),
      }));
      const reply = await newTestQueries(failures).sut.list(office);
      expect(reply.addressCount).toBe(80);
      expect(reply.addresses.map((address) => address.email)).toEqual(
        failures.slice(0, 50).map((failure) => failure.email),
      );
    });

    it('is for the office only', async () => {
      await expect(newTestQueries([]).sut.list({ subject: 'member-1', role: 'member' })).rejects.toThrow(
        ForbiddenError,
      );
    });
  });
});
