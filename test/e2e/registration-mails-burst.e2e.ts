import { ApiResponse, E2eClient, SignedInMember } from '../support/e2e-client';
import { openLoungeBody } from '../support/open-lounge';
import { eventually } from '../support/eventually';
import { inParallel } from '../support/eventually';
import {
  RegistrationMailsThroughTheGateway,
  Registration,
  ClubEvent,
  Mail,
  Registrant,
  Measured,
  title,
} from '../support/registration-mails-e2e';

/**
 * Issue 5's mails end to end: members register concurrently through the gateway for an event with
 * fewer seats than people, some with a seat cancel, the waiting list moves up, and every one of
 * them finds exactly the mails they should in their mailbox: a confirmation (with the calendar
 * entry), or the waiting-list place; the promotion (with the calendar entry) for those who moved
 * up; the cancellation (removing the calendar entry) for those who cancelled. Nothing twice.
 *
 * The issue's numbers are the defaults (300 members, 50 seats, 10 cancellations); on a slow machine
 * IC_E2E_MAIL_MEMBERS, IC_E2E_MAIL_SEATS and IC_E2E_MAIL_CANCELS make them smaller. The test
 * prints how long the mails took after the answer to the registration, and how many per second.
 */

const MEMBERS = Number(process.env.IC_E2E_MAIL_MEMBERS ?? 300);
const SEATS = Number(process.env.IC_E2E_MAIL_SEATS ?? 50);
const CANCELS = Number(process.env.IC_E2E_MAIL_CANCELS ?? 10);
/** Members appointed and signed in at once while the test sets up. */
const SETUP_PARALLEL = 8;

describe('Registration mails through the gateway: a burst for a small lounge', () => {
  const bed = RegistrationMailsThroughTheGateway.forThisFile();
  const { newMember, mailsByAddress, calendarOf } = bed;
  let client: E2eClient;
  let staff: string;
  let members: SignedInMember[];
  let eventId: string;

  beforeAll(async () => {
    ({ client, staff } = bed);
    const startedAt = Date.now();
    members = [];
    await inParallel(
      Array.from({ length: MEMBERS }, (_, index) => index),
      SETUP_PARALLEL,
      async (index) => {
        const member = await newMember(index);
        // Every later e2e file announces lounges to all members: hundreds of mails each that
        // would only slow those files down. These members switch announcements off, as any member may.
        const optedOut = await client.callRetrying('PATCH', '/members/me', {
          token: member.token,
          body: { announcementsOptOut: true },
        });
        expect(optedOut.status).toBe(200);
        members.push(member);
      },
    );
    process.stdout.write(
      `registration mails: ${MEMBERS} members appointed and signed in in ${Date.now() - startedAt} ms\n`,
    );
    eventId = await openLounge();
  }, 1_200_000);

  /** A lounge with SEATS seats, registration open, announced only to members who share its theme. */
  async function openLounge(): Promise<string> {
    const lounge = await client.publishEvent<ClubEvent>(
      staff,
      'lounges',
      openLoungeBody({
        title,
        description: 'Wie Kommunen Plattformen für ihre Bürgerinnen und Bürger werden.',
        topic: 'Die Kommune als Plattform',
        capacity: SEATS,
      }),
      'registration-open',
    );
    return lounge.eventId;
  }

  function register(token: string): Promise<ApiResponse<Registration>> {
    return client.callRetrying<Registration>('POST', `/events/${eventId}/registrations`, { token, body: {} });
  }

  /** Waits until every registrant has exactly the mails `expected` names (subjects, in order). */
  async function waitForExactMails(
    registrants: readonly Registrant[],
    expected: (registrant: Registrant) => string[],
    timeoutMs: number,
  ): Promise<Map<string, Mail[]>> {
    return eventually(
      async () => {
        const byAddress = await mailsByAddress();
        const wrong = registrants.filter(
          (registrant) =>
            JSON.stringify((byAddress.get(registrant.member.email) ?? []).map((mail) => mail.subject)) !==
            JSON.stringify(expected(registrant)),
        );
        expect({
          wrong: wrong.length,
          first: wrong[0] && byAddress.get(wrong[0].member.email)?.map((mail) => mail.subject),
        }).toEqual({
          wrong: 0,
          first: undefined,
        });
        return byAddress;
      },
      timeoutMs,
      1000,
    );
  }

  const confirmedSubject = `Anmeldung bestätigt: ${title}`;
  const waitingSubject = (place: number) => `Warteliste, Platz ${place}: ${title}`;
  const promotedSubject = `Nachgerückt, Teilnahme bestätigt: ${title}`;
  const cancelledSubject = `Stornierung bestätigt: ${title}`;

  it(`${MEMBERS} members register at once for ${SEATS} seats, ${CANCELS} cancel: everyone has exactly the mails they should`, async () => {
    // ---- the burst: SEATS confirmed, the rest on the waiting list with distinct places
    const burstStartedAt = Date.now();
    const registrants: Registrant[] = await Promise.all(
      members.map(async (member) => {
        const answer = await register(member.token);
        expect(answer.status).toBe(201);
        return { member, registration: answer.body, answeredAt: Date.now() };
      }),
    );
    const burstMs = Date.now() - burstStartedAt;
    const seated = registrants.filter(({ registration }) => registration.status === 'confirmed');
    const waiting = registrants
      .filter(({ registration }) => registration.status === 'waiting')
      .sort((a, b) => (a.registration.waitingPlace ?? 0) - (b.registration.waitingPlace ?? 0));
    expect(seated).toHaveLength(Math.min(SEATS, MEMBERS));
    expect(waiting.map(({ registration }) => registration.waitingPlace)).toEqual(
      Array.from({ length: MEMBERS - seated.length }, (_, index) => index + 1),
    );

    const firstMails = (registrant: Registrant) =>
      registrant.registration.status === 'confirmed'
        ? [confirmedSubject]
        : [waitingSubject(registrant.registration.waitingPlace ?? 0)];
    const afterBurst = await waitForExactMails(registrants, firstMails, 300_000);
    report(
      'burst',
      registrants.map(({ member, answeredAt }) => ({ address: member.email, since: answeredAt, skip: 0 })),
      afterBurst,
      burstMs,
    );

    const confirmation = afterBurst.get(seated[0].member.email)?.[0] as Mail;
    expect(confirmation.text).toMatch(/^Sehr geehrte[r]? (Frau|Herr) Mitglied\d+,\n/);
    expect(confirmation.attachments.map((file) => file.filename)).toEqual(['termin.ics']);
    const entry = calendarOf(confirmation);
    expect(entry.properties.method).toBe('PUBLISH');
    expect(entry.entries[0]).toMatchObject({
      uid: `${eventId}@innovators-club.dstgb.de`,
      status: 'CONFIRMED',
    });
    const waitingMail = afterBurst.get(waiting[0].member.email)?.[0] as Mail;
    expect(waitingMail.text).toContain('Sie stehen auf Platz 1 der Warteliste');
    expect(waitingMail.attachments).toEqual([]);

    // ---- CANCELS with a seat cancel: places 1..CANCELS move up, in order, at once
    const cancelling = seated.slice(0, CANCELS);
    const moving = waiting.slice(0, CANCELS);
    const cancelStartedAt = Date.now();
    const cancelledAt = new Map<Registrant, number>();
    await Promise.all(
      cancelling.map(async (registrant) => {
        const cancelled = await client.callRetrying<Registration>(
          'DELETE',
          `/registrations/${registrant.registration.registrationId}`,
          { token: registrant.member.token },
        );
        expect(cancelled.status).toBe(200);
        expect(cancelled.body.status).toBe('cancelled');
        cancelledAt.set(registrant, Date.now());
      }),
    );
    const cancelsMs = Date.now() - cancelStartedAt;
    for (const registrant of moving) {
      const now = await client.call<Registration>(
        'GET',
        `/registrations/${registrant.registration.registrationId}`,
        {
          token: registrant.member.token,
        },
      );
      expect(now.body.status).toBe('confirmed');
    }

    const finalMails = (registrant: Registrant) => [
      ...firstMails(registrant),
      ...(cancelling.includes(registrant) ? [cancelledSubject] : []),
      ...(moving.includes(registrant) ? [promotedSubject] : []),
    ];
    const afterCancels = await waitForExactMails(registrants, finalMails, 120_000);
    // A promotion follows from whichever cancellation freed its seat: timed from the first answer.
    const firstCancelAnswer = Math.min(...cancelledAt.values());
    report(
      'cancellations and promotions',
      [
        ...cancelling.map((registrant) => ({
          address: registrant.member.email,
          since: cancelledAt.get(registrant) ?? firstCancelAnswer,
          skip: 1,
        })),
        ...moving.map(({ member }) => ({ address: member.email, since: firstCancelAnswer, skip: 1 })),
      ],
      afterCancels,
      cancelsMs,
    );

    const removal = afterCancels.get(cancelling[0].member.email)?.[1] as Mail;
    expect(removal.attachments.map((file) => file.filename)).toEqual(['absage.ics']);
    const removed = calendarOf(removal);
    expect(removed.properties.method).toBe('CANCEL');
    expect(removed.entries[0]).toMatchObject({ uid: entry.entries[0].uid, status: 'CANCELLED' });
    expect(removed.entries[0].sequence).toBeGreaterThan(entry.entries[0].sequence);
    const promotion = afterCancels.get(moving[0].member.email)?.[1] as Mail;
    expect(promotion.text).toContain('Sie sind von der Warteliste nachgerückt');
    expect(calendarOf(promotion).entries[0]).toMatchObject({
      uid: entry.entries[0].uid,
      status: 'CONFIRMED',
    });
    // Nothing reached the sink twice, not even with the same Message-ID.
    const twice = [...afterCancels.values()].flat().filter((mail) => (mail.deliveries ?? 1) > 1);
    expect(twice).toEqual([]);
  }, 900_000);
});

/**
 * Prints how long mails took after the gateway's answer (the registration or cancellation) and how
 * many the platform sent per second.
 */
function report(
  phase: string,
  measured: readonly Measured[],
  byAddress: Map<string, Mail[]>,
  requestsMs: number,
): void {
  const arrivals = measured.flatMap(({ address, since, skip }) =>
    (byAddress.get(address) ?? [])
      .slice(skip)
      .map((mail) => ({ at: Date.parse(mail.date), latency: Date.parse(mail.date) - since })),
  );
  const latencies = arrivals.map(({ latency }) => latency).sort((a, b) => a - b);
  const at = (share: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))];
  const first = Math.min(...arrivals.map((arrival) => arrival.at));
  const last = Math.max(...arrivals.map((arrival) => arrival.at));
  const perSecond = arrivals.length / Math.max(0.001, (last - first) / 1000);
  process.stdout.write(
    `registration mails, ${phase}: requests answered within ${requestsMs} ms; ` +
      `${arrivals.length} mails in ${last - first} ms (${perSecond.toFixed(1)} per second); ` +
      `latency after the answer: median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${latencies.at(-1)} ms\n`,
  );
}
