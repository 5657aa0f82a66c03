import { ApiResponse, E2eClient, SignedInMember, SinkMessage } from '../../test/support/e2e-client';

/**
 * Requests in flight at once while members are set up (setup time is not measured). More only
 * queue up in the membership service on a loaded machine, time out at the gateway (504) and come
 * back as retries on top of the work still queued.
 */
const SETUP_CONCURRENCY = 6;
const MAIL_POLL_MS = 2000;
const MAIL_WAIT_MS = 15 * 60 * 1000;

/** Runs `work` for every item, at most `concurrency` at a time, and returns the results in order. */
export async function inParallel<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** The messages the sink received for addresses at `domain` (from `since` on, if given), newest first. */
export async function sinkMessagesAt(
  mailSinkUrl: string,
  domain: string,
  since?: Date,
): Promise<SinkMessage[]> {
  const query = new URLSearchParams({ domain, ...(since ? { since: since.toISOString() } : {}) });
  const response = await fetch(`${mailSinkUrl}/api/messages?${query.toString()}`);
  if (!response.ok) throw new Error(`mail sink answered ${response.status}`);
  return (await response.json()) as SinkMessage[];
}

function expectStatus(response: ApiResponse, status: number, what: string): void {
  if (response.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${response.status} ${response.text.slice(0, 300)}`);
  }
}

/**
 * `count` active, signed-in members with addresses at `domain`, the way people become members:
 * the office invites them, each accepts with the link from their invitation mail and signs in with
 * the link from a sign-in mail. Done in waves (all invitations, then all acceptances, …) so that
 * mail is read back from the sink in a few bulk reads instead of one poll per person.
 */
export async function setUpMembers(
  client: E2eClient,
  mailSinkUrl: string,
  staffToken: string,
  count: number,
  domain: string,
  log: (line: string) => void,
): Promise<SignedInMember[]> {
  const emails = Array.from({ length: count }, (_, index) => `mitglied-${index}@${domain}`);
  const started = Date.now();
  const step = (line: string) => log(`members: ${line} (${((Date.now() - started) / 1000).toFixed(0)} s)`);

  // The invitation's id becomes the member's id.
  const memberIds = await inParallel(emails, SETUP_CONCURRENCY, async (email, index) => {
    const invited = await client.callRetrying<{ id: string }>('POST', '/invitations', {
      token: staffToken,
      body: invitationOf(email, index),
    });
    expectStatus(invited, 201, `invitation of ${email}`);
    return invited.body.id;
  });
  step(`${count} invited`);
  const invitationTokens = await linkTokens(mailSinkUrl, domain, 'einladung', emails, log);
  await inParallel(emails, SETUP_CONCURRENCY, async (email) => {
    const accepted = await client.callRetrying('POST', '/invitations/accept', {
      body: { token: invitationTokens.get(email) },
    });
    // 409: a first attempt that timed out (504) has accepted it already.
    if (accepted.status !== 409) expectStatus(accepted, 200, `acceptance of ${email}`);
  });
  step(`${count} accepted their invitation`);
  await inParallel(emails, SETUP_CONCURRENCY, async (email) =>
    expectStatus(
      await client.callRetrying('POST', '/auth/sign-in-links', { body: { email } }),
      202,
      `sign-in link for ${email}`,
    ),
  );
  const signInTokens = await linkTokens(mailSinkUrl, domain, 'anmelden', emails, log);
  const members = await inParallel(emails, SETUP_CONCURRENCY, async (email, index) => {
    const redeemed = await client.callRetrying<{ accessToken: string }>(
      'POST',
      '/auth/sign-in-links/redeem',
      {
        body: { token: signInTokens.get(email) },
      },
    );
    expectStatus(redeemed, 200, `sign-in of ${email}`);
    return { id: memberIds[index], email, token: redeemed.body.accessToken };
  });
  step(`${count} signed in`);
  return members;
}

/** Waits until every address has a mail with a link to `/<path>/<token>` and returns the tokens. */
async function linkTokens(
  mailSinkUrl: string,
  domain: string,
  path: 'einladung' | 'anmelden',
  emails: readonly string[],
  log: (line: string) => void,
): Promise<Map<string, string>> {
  const pattern = new RegExp(`https?://[^\\s"<>]+/${path}/([A-Za-z0-9_-]{32,64})`);
  const deadline = Date.now() + MAIL_WAIT_MS;
  let shown = -1;
  for (;;) {
    const tokens = new Map<string, string>();
    // Newest first: the first match per address is its newest link.
    for (const message of await sinkMessagesAt(mailSinkUrl, domain)) {
      const token = pattern.exec(message.text ?? '')?.[1];
      for (const address of message.to) if (token && !tokens.has(address)) tokens.set(address, token);
    }
    const missing = emails.filter((email) => !tokens.has(email)).length;
    if (missing === 0) return tokens;
    if (Date.now() > deadline) throw new Error(`${missing} /${path}/ mails did not arrive at the sink`);
    if (missing !== shown) log(`members: waiting for ${missing} /${path}/ mails`);
    shown = missing;
    await new Promise((resolve) => setTimeout(resolve, MAIL_POLL_MS));
  }
}

/** Members from across the country, so that the event figures have something to tell apart. */
const MUNICIPALITIES = [
  { name: 'Ulm', ags: '08421000', population: 128_000, federalState: 'BW' },
  { name: 'Pegnitz', ags: '09472175', population: 13_700, federalState: 'BY' },
  { name: 'Kalletal', ags: '05766040', population: 13_900, federalState: 'NW' },
] as const;

function invitationOf(email: string, index: number) {
  const { federalState, ...municipality } = MUNICIPALITIES[index % MUNICIPALITIES.length];
  return {
    salutation: index % 2 ? 'Herr' : 'Frau',
    firstName: 'Bench',
    lastName: `Mitglied ${index}`,
    email,
    organisation: `Stadt ${municipality.name}`,
    sector: 'Kommune',
    federalState,
    municipality,
    themes: ['Digitalisierung'],
  };
}
