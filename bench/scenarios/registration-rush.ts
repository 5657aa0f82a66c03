import { formatBerlinTime } from '@ic/contracts';
import { randomUUID } from 'node:crypto';
import { ApiResponse, E2eClient, Page, SignedInMember } from '../../test/support/e2e-client';
import { latenciesOf, Latencies } from '../stats';
import { checkRegistrations, ListedRegistration, RegistrationCheck } from './registration-check';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PAGE_LIMIT = 100;

interface RegistrationBody {
  registrationId: string;
  status: string;
  waitingPlace?: number;
  registrant: { memberId?: string };
}

/** One member's register request: when it was sent (epoch ms), how long it took, what came back. */
export interface SentRegistration {
  readonly member: SignedInMember;
  readonly sentAt: number;
  readonly latencyMs: number;
  readonly status: number;
  readonly registration?: RegistrationBody;
}

export interface RushResult {
  /** Answered registrations (201) per second, from the first request sent to the last answer. */
  readonly registrationsPerSecond: number;
  readonly seconds: number;
  readonly latencyMs: Latencies;
  /** Answers other than 201, by status (0: no HTTP answer at all). */
  readonly errors: Record<string, number>;
  /** All answers other than 201. */
  readonly errorCount: number;
  readonly check: RegistrationCheck;
}

/**
 * A lounge with `seats` seats, created and announced by the office, whose registration window is
 * open already; returns once the registrations service's replica has it open. Its theme is none of
 * the bench members' themes, so that no announcement mails go out to them: the mails after the
 * rush are only the registrations'.
 */
export async function openLounge(client: E2eClient, staffToken: string, seats: number): Promise<string> {
  const berlin = (instant: number) => formatBerlinTime(new Date(instant));
  const now = Date.now();
  const lounge = await client.publishEvent(
    staffToken,
    'lounges',
    {
      title: `Innovators Lounge Benchmark ${new Date(now).toISOString()}`,
      description: 'Die Lounge, zu der sich alle zugleich anmelden.',
      themes: ['Energie'],
      capacity: seats,
      registration: { opensAt: berlin(now - HOUR), closesAt: berlin(now + 20 * DAY) },
      audience: 'members',
      announceTo: 'matching-themes',
      startsAt: berlin(now + 21 * DAY),
      endsAt: berlin(now + 21 * DAY + 3 * HOUR),
      topic: 'Anmeldeansturm',
      host: { name: 'Ulm', ags: '08421000', federalState: 'BW' },
      venue: { name: 'Stadthaus Ulm', city: 'Ulm', federalState: 'BW' },
    },
    'registration-open',
  );
  return lounge.eventId;
}

/**
 * Open loop: the members' register requests start `perSecond` a second, in a steady stream (0: all
 * at once), none waiting for any answer (Node's fetch opens a connection per request in flight).
 * No retries: a 504 counts as an error.
 */
export async function rush(
  client: E2eClient,
  eventId: string,
  members: readonly SignedInMember[],
  perSecond: number,
): Promise<SentRegistration[]> {
  const start = performance.now();
  return Promise.all(
    members.map(async (member, index): Promise<SentRegistration> => {
      if (perSecond > 0) await sleepUntil(start + (index * 1000) / perSecond);
      const sentAt = Date.now();
      const started = performance.now();
      try {
        const response = await client.call<RegistrationBody>('POST', `/events/${eventId}/registrations`, {
          token: member.token,
          body: {},
          headers: { 'Idempotency-Key': randomUUID() },
        });
        const latencyMs = performance.now() - started;
        return response.status === 201
          ? { member, sentAt, latencyMs, status: 201, registration: response.body }
          : { member, sentAt, latencyMs, status: response.status };
      } catch {
        return { member, sentAt, latencyMs: performance.now() - started, status: 0 };
      }
    }),
  );
}

function sleepUntil(instant: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, instant - performance.now())));
}

/** Every registration of the event, read page by page from the office's participant list. */
export async function participantsOf(
  client: E2eClient,
  staffToken: string,
  eventId: string,
): Promise<ListedRegistration[]> {
  const listed: ListedRegistration[] = [];
  let cursor: string | null = null;
  do {
    const query: URLSearchParams = new URLSearchParams({
      limit: String(PAGE_LIMIT),
      ...(cursor ? { cursor } : {}),
    });
    const page: ApiResponse<Page<RegistrationBody>> = await client.call<Page<RegistrationBody>>(
      'GET',
      `/events/${eventId}/participants?${query.toString()}`,
      {
        token: staffToken,
      },
    );
    if (page.status !== 200) throw new Error(`participant list: ${page.status} ${page.text}`);
    for (const item of page.body.items) {
      listed.push({
        registrationId: item.registrationId,
        status: item.status,
        ...(item.registrant.memberId ? { memberId: item.registrant.memberId } : {}),
        ...(item.waitingPlace !== undefined ? { waitingPlace: item.waitingPlace } : {}),
      });
    }
    cursor = page.body.nextCursor;
  } while (cursor);
  return listed;
}

/** The rush's figures from the answers alone (the correctness check reads the list afterwards). */
export function rushFigures(sent: readonly SentRegistration[]): Omit<RushResult, 'check'> {
  const firstSent = Math.min(...sent.map((request) => request.sentAt));
  const lastAnswered = Math.max(...sent.map((request) => request.sentAt + request.latencyMs));
  const answered = sent.filter((request) => request.status === 201).length;
  const errors: Record<string, number> = {};
  for (const request of sent) {
    if (request.status !== 201) errors[request.status] = (errors[request.status] ?? 0) + 1;
  }
  const seconds = (lastAnswered - firstSent) / 1000;
  return {
    registrationsPerSecond: answered / seconds,
    seconds,
    latencyMs: latenciesOf(sent.map((request) => request.latencyMs)),
    errors,
    errorCount: sent.length - answered,
  };
}

/** Reads the event's registrations back through the gateway and checks them against the answers. */
export async function checkRush(
  client: E2eClient,
  staffToken: string,
  eventId: string,
  sent: readonly SentRegistration[],
  seats: number,
): Promise<RegistrationCheck> {
  return checkRegistrations(await participantsOf(client, staffToken, eventId), {
    seats,
    answeredMembers: sent.filter((request) => request.status === 201).map((request) => request.member.id),
  });
}
