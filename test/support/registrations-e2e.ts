import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, formatBerlinTime } from '@ic/contracts';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { ApiResponse, SignedInMember } from './e2e-client';
import { e2eSecrets } from './e2e-platform';
import { uniqueSuffix } from './test-infrastructure';
import { GatewayTestBed } from './gateway-test-bed';

/**
 * What the end-to-end tests of registrations share (registrations-*.e2e.ts): the shapes the API
 * answers with, one run's names, and request bodies of each kind of event.
 */

export interface Registration {
  registrationId: string;
  eventId: string;
  status: 'confirmed' | 'waiting' | 'cancelled';
  waitingPlace?: number;
  registrant: { kind: string; memberId?: string; name: string };
  sessions: { sessionId: string; title: string; status: string; waitingPlace?: number }[];
  delegation?: { personId: string; firstName: string; role: string; email: string; attended?: boolean }[];
  attended?: boolean;
}

export interface ClubEvent {
  eventId: string;
  status: string;
  forum?: { sessions: { sessionId: string; title: string; kind: string }[] };
}

export const run = uniqueSuffix();
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const berlin = (instant: number) => formatBerlinTime(new Date(instant));
export const address = (name: string) => `${name}.${run}@e2e-registrations.example`;

export function invitation(name: string, overrides: Record<string, unknown> = {}) {
  return {
    salutation: 'Frau',
    officeTitle: 'Bürgermeisterin',
    firstName: 'Anna',
    lastName: `${name} ${run}`,
    email: address(name),
    organisation: `Stadt ${name}`,
    sector: 'Kommune',
    federalState: 'BW',
    municipality: { name: 'Ulm', ags: '08421000', population: 128_000 },
    themes: ['Digitalisierung'],
    ...overrides,
  };
}

export const venue = { name: 'Stadthaus Ulm', city: 'Ulm', federalState: 'BW' };

export function loungeBody(capacity: number, opensInMs: number) {
  return {
    title: `Innovators Lounge ${run}: Die smarte Stadt`,
    description: 'Die **Lounge** in Ulm.',
    themes: ['Digitalisierung'],
    capacity,
    registration: { opensAt: berlin(Date.now() + opensInMs), closesAt: berlin(Date.now() + 20 * DAY) },
    audience: 'members',
    startsAt: berlin(Date.now() + 21 * DAY),
    endsAt: berlin(Date.now() + 21 * DAY + 3 * HOUR),
    topic: 'Die smarte Stadt im Alltag',
    host: { name: 'Ulm', ags: '08421000', federalState: 'BW' },
    venue,
  };
}

export function forumBody() {
  const day = Date.now() + 30 * DAY;
  const workshop = (title: string) => ({
    kind: 'workshop',
    title,
    startsAt: berlin(day + 2 * HOUR),
    endsAt: berlin(day + 4 * HOUR),
    capacity: 1,
    speakers: [{ name: 'Prof. Dr. Ada Beispiel', organisation: 'Hochschule Beispielstadt' }],
  });
  return {
    title: `Deutschlandforum ${run}`,
    description: 'Zwei Tage Austausch.',
    themes: ['Partizipation'],
    capacity: 50,
    registration: { opensAt: berlin(Date.now() - HOUR), closesAt: berlin(day - DAY) },
    audience: 'members-and-guests',
    startsAt: berlin(day),
    endsAt: berlin(day + 8 * HOUR),
    leitgedanke: 'Kommune 2035',
    venue,
    sessions: [workshop('Werkstatt Daten'), workshop('Werkstatt Energie')],
  };
}

export function circleBody(opensInMs: number) {
  const day = Date.now() + 40 * DAY;
  return {
    title: `Kommunen for future ${run}`,
    description: 'Wandel vor Ort gestalten.',
    themes: ['Klimaschutz'],
    capacity: 30,
    registration: { opensAt: berlin(Date.now() + opensInMs), closesAt: berlin(day - DAY) },
    audience: 'target-group',
    targetGroup: { federalStates: ['BY'], maxPopulation: 25_000 },
    modules: [
      {
        title: 'Modul 1: Auftakt in Pegnitz',
        startsAt: berlin(day),
        endsAt: berlin(day + 6 * HOUR),
        place: 'Rathaus Pegnitz',
        guidingQuestions: ['Wo steht unsere Kommune beim Klimaschutz?'],
      },
    ],
    delegation: { maxPeople: 3, suggestedRoles: ['mayor', 'administration', 'civil-society'] },
    feeCents: 0,
  };
}

/** The platform of the registrations tests: eight members in Ulm and one in Pegnitz, and the calls the tests make. */
export class RegistrationsThroughTheGateway extends GatewayTestBed {
  members!: SignedInMember[];
  pegnitz!: SignedInMember;

  protected override async start(): Promise<void> {
    await super.start();
    this.members = await Promise.all(
      Array.from({ length: 8 }, (_, index) => this.client.newMember(this.staff, invitation(`Ulm${index}`))),
    );
    this.pegnitz = await this.client.newMember(
      this.staff,
      invitation('Pegnitz', {
        federalState: 'BY',
        municipality: { name: 'Pegnitz', ags: '09472175', population: 13_700 },
      }),
    );
  }

  /** A validly signed token of the member for a session that no gateway has checked yet. */
  readonly tokenOfAnotherSession = (member: SignedInMember): string => {
    return new JwtService({ secret: e2eSecrets.jwtSecret }).sign(
      { sub: member.id, role: 'member', sid: randomUUID() },
      { issuer: ACCESS_TOKEN_ISSUER, audience: ACCESS_TOKEN_AUDIENCE, expiresIn: 600 },
    );
  };

  /** Registers like a client that retries a timeout (504) with the same Idempotency-Key. */
  readonly register = async (
    eventId: string,
    token: string,
    body: object = {},
  ): Promise<ApiResponse<Registration>> => {
    const key = randomUUID();
    for (;;) {
      const response = await this.client.call<Registration>('POST', `/events/${eventId}/registrations`, {
        token,
        body,
        headers: { 'Idempotency-Key': key },
      });
      if (response.status !== 504) return response;
    }
  };
}
