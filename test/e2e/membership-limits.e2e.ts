import { IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { PlatformRunner } from '../../scripts/lib/platform-runner';
import { E2eClient, Problem } from '../support/e2e-client';
import { e2eSecrets } from '../support/e2e-platform';
import { eventually, inParallel, sleep } from '../support/eventually';
import { MembershipThroughTheGateway, run, address } from '../support/membership-e2e';

/**
 * Membership end to end, as a web client and a person with a mailbox meet it, every call through
 * the gateway and every mail read back from the SMTP sink: one mail per invitation when the notifications service is killed during a burst, and the abuse limits.
 */
describe('Membership through the gateway', () => {
  const bed = MembershipThroughTheGateway.forThisFile();
  const { inviteBody } = bed;
  let client: E2eClient;
  let staffToken: string;
  let platform: PlatformRunner;

  beforeAll(() => {
    ({ client, staff: staffToken, platform } = bed);
  });

  describe('killing the notifications service during a burst of 100 invitations', () => {
    it('ends with exactly one invitation mail for each of the 100 addresses', async () => {
      const addresses = Array.from({ length: 100 }, (_, index) => address(`burst-${index}`));
      let invited = 0;
      const inviteOne = async (email: string, index: number) => {
        // The same key on a retry: if the first attempt did act, the retry gets its answer and acts not again.
        const headers = { 'idempotency-key': `e2e-${run}-burst-${index}` };
        const body = inviteBody(`Burst${index}`, { email });
        for (let attempt = 1; ; attempt++) {
          const response = await client.call<Problem>('POST', '/invitations', {
            token: staffToken,
            body,
            headers,
          });
          if (response.status === 201) break;
          if (attempt >= 3 || response.status < 500) {
            throw new Error(
              `invitation ${index} failed: ${response.status} ${JSON.stringify(response.body)}`,
            );
          }
        }
        invited++;
      };

      const burst = inParallel(addresses, 8, inviteOne);
      await eventually(() => expect(invited).toBeGreaterThanOrEqual(30), 60_000, 20);
      await platform.kill('notifications');
      await burst;
      expect(invited).toBe(100);
      await platform.restart('notifications');

      const counts = async () =>
        Promise.all(addresses.map(async (email) => [email, (await client.mailsTo(email)).length] as const));
      await eventually(
        async () => {
          const missing = (await counts()).filter(([, count]) => count === 0).map(([email]) => email);
          expect({ missing: missing.length }).toEqual({ missing: 0 });
        },
        150_000,
        1000,
      );
      // Late duplicates would show up now.
      await sleep(5000);
      const wrong = (await counts()).filter(([, count]) => count !== 1);
      expect(wrong).toEqual([]);
    });
  });

  // ---------------------------------------------------------------- abuse limits (last: they use up this client's budgets)

  /** A POST from a given local address (Linux answers on all of 127.0.0.0/8), as another client would send it. */
  function postFrom(
    localAddress: string,
    path: string,
    body: unknown,
  ): Promise<{ status: number; headers: IncomingHttpHeaders; body: unknown }> {
    return new Promise((resolve, reject) => {
      const request = httpRequest(
        `${platform.gatewayUrl}/api/v1${path}`,
        { method: 'POST', localAddress, headers: { 'content-type': 'application/json' } },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: JSON.parse(text),
            }),
          );
        },
      );
      request.on('error', reject);
      request.end(JSON.stringify(body));
    });
  }

  describe('requests for sign-in links', () => {
    it('are enough for a town hall of 50 people behind one address, then throttled with 429 and Retry-After', async () => {
      // The town hall's address is one of its own: the tests before asked from 127.0.0.1.
      const ask = (person: number) =>
        postFrom('127.0.0.4', '/auth/sign-in-links', { email: address(`rathaus-${person}`) });
      const statuses: number[] = [];
      await inParallel([...Array(100).keys()], 10, async (index) => {
        statuses.push((await ask(index % 50)).status);
      });
      expect(statuses.filter((status) => status !== 202)).toEqual([]);
      const response = await ask(50);
      expect(response.status).toBe(429);
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      expect(response.body).toMatchObject({ detail: expect.stringContaining('zu viele Anfragen') });
    });
  });

  describe("the office's password sign-in", () => {
    const account = e2eSecrets.staff[1];

    it('waits after failures in a row instead of locking, and takes the right password once the wait is over', async () => {
      // From an address of its own, so that the throttle per address below counts from zero.
      const signIn = (password: string) =>
        postFrom('127.0.0.3', '/auth/staff/login', { email: account.email, password });
      expect((await signIn('falsch-falsch')).status).toBe(401);
      expect((await signIn('falsch-falsch-falsch')).status).toBe(401);
      const early = await signIn(account.password);
      expect(early.status).toBe(429);
      expect(early.headers['retry-after']).toBe('1');
      expect(early.body).toHaveProperty(
        'detail',
        'Wegen fehlgeschlagener Anmeldeversuche ist die nächste Anmeldung mit dieser E-Mail-Adresse erst in 1 Sekunde möglich. Bitte versuchen Sie es dann erneut.',
      );
      await sleep(1_100);
      expect((await signIn(account.password)).status).toBe(200);
    });

    it('throttles a client address that guesses across addresses, while the office at another address still gets in', async () => {
      const statuses: number[] = [];
      for (let index = 1; index <= 12; index++) {
        const email = index === 1 ? account.email : address(`geraten-${index}`);
        statuses.push(
          (await postFrom('127.0.0.1', '/auth/staff/login', { email, password: 'falsch' })).status,
        );
      }
      expect(statuses).toEqual([...Array<number>(10).fill(401), 429, 429]);
      const credentials = { email: account.email, password: account.password };
      const stranger = await postFrom('127.0.0.1', '/auth/staff/login', credentials);
      expect(stranger.status).toBe(429);
      expect(Number(stranger.headers['retry-after'])).toBeGreaterThan(14 * 60);
      expect(stranger.body).toMatchObject({
        detail: expect.stringContaining('zu viele fehlgeschlagene Anmeldeversuche'),
      });

      // The office's address took one failure of them, which does not slow it down yet.
      const office = await postFrom('127.0.0.2', '/auth/staff/login', credentials);
      expect(office.status).toBe(200);
    });
  });
});
