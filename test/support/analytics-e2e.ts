import { formatBerlinTime } from '@ic/contracts';
import { randomUUID } from 'node:crypto';
import { eventually } from './eventually';
import { uniqueSuffix } from './test-infrastructure';
import { GatewayTestBed } from './gateway-test-bed';

/**
 * What the end-to-end test of the analytics uses (analytics.e2e.ts): the shapes of the figures, the
 * scenario's people, and the calls it makes.
 */

export interface Registration {
  registrationId: string;
  status: 'confirmed' | 'waiting' | 'cancelled';
  waitingPlace?: number;
}

export interface TopicProgress {
  topic: string;
  read: number;
  total: number;
}

export interface Status {
  topics: TopicProgress[];
}

export interface Membership {
  months: {
    month: string;
    invited: number;
    accepted: number;
    declined: number;
    left: number;
    members: number;
  }[];
  activeMembers: number;
}

export interface Row {
  value: string | null;
  registered: number;
  confirmed: number;
  attended: number;
}

export interface Participation {
  registered: number;
  confirmed: number;
  attended: number;
  byFederalState: Row[];
  bySector: Row[];
  byTheme: Row[];
  bySizeClass: Row[];
}

export interface EventFigures {
  eventId: string;
  status: string;
  registrationOpenedAt: string;
  timeline: { step: number; registrations: number; cumulative: number }[];
}

export const run = uniqueSuffix();
export const SECOND = 1000;
export const HOUR = 3_600_000;
export const berlin = (instant: number) => formatBerlinTime(new Date(instant));
export const address = (name: string) => `${name}.${run}@e2e-analytics.example`;

/** Six members whose profiles cover the dimensions, the size classes at their boundaries included. */
export const PROFILES = [
  {
    name: 'Aurach',
    federalState: 'BY',
    sector: 'Kommune',
    population: 5_000,
    themes: ['Digitalisierung', 'Klimaschutz'],
  },
  { name: 'Pegnitz', federalState: 'BY', sector: 'Kommune', population: 5_001, themes: ['Digitalisierung'] },
  { name: 'Paderborn', federalState: 'NW', sector: 'Kommune', population: 100_000, themes: [] },
  { name: 'Bielefeld', federalState: 'NW', sector: 'Wirtschaft', themes: ['Bildung'] },
  { name: 'Leipzig', federalState: 'SN', sector: 'Kommune', population: 100_001, themes: ['Klimaschutz'] },
  { name: 'Dresden', federalState: 'SN', sector: 'Wissenschaft', themes: ['Digitalisierung'] },
] as const;
export const AGS_PREFIX: Record<string, string> = { BY: '09', NW: '05', SN: '14' };

export function invitation(profile: (typeof PROFILES)[number], index: number) {
  const municipality =
    'population' in profile
      ? {
          municipality: {
            name: profile.name,
            ags: `${AGS_PREFIX[profile.federalState]}${String(400_000 + index)}`,
            population: profile.population,
          },
        }
      : {};
  return {
    salutation: 'Herr',
    firstName: 'Arne',
    lastName: `${profile.name} ${run}`,
    email: address(profile.name.toLowerCase()),
    organisation: `${profile.sector === 'Kommune' ? 'Gemeinde' : 'Institut'} ${profile.name}`,
    sector: profile.sector,
    federalState: profile.federalState,
    themes: profile.themes,
    ...municipality,
  };
}

/** The platform of the analytics test, and the calls it makes. */
export class AnalyticsThroughTheGateway extends GatewayTestBed {
  protected override async start(): Promise<void> {
    await super.start();
  }

  /** Waits until analytics has read every domain topic to its present end. */
  readonly caughtUp = async (): Promise<void> => {
    await eventually(
      async () => {
        const status = await this.client.call<Status>('GET', '/analytics/status', { token: this.staff });
        expect(status.status).toBe(200);
        expect(status.body.topics.filter((topic) => topic.read < topic.total)).toEqual([]);
      },
      120 * SECOND,
      250,
    );
  };

  /**
   * The membership figures before the scenario, once nothing changes them any more: a service of an
   * earlier run may publish what its outbox still held right after it starts.
   */
  readonly settledMembership = async (): Promise<Membership> => {
    return eventually(
      async () => {
        await this.caughtUp();
        const first = await this.membership();
        await new Promise((resolve) => setTimeout(resolve, 3 * SECOND));
        await this.caughtUp();
        expect(await this.membership()).toEqual(first);
        return first;
      },
      120 * SECOND,
      0,
    );
  };

  readonly membership = async (): Promise<Membership> => {
    const response = await this.client.call<Membership>('GET', '/analytics/membership', {
      token: this.staff,
    });
    expect(response.status).toBe(200);
    return response.body;
  };

  /** A lounge of this run in Ulm, announced, its registration open since `opensAt` (default: an hour ago). */
  readonly openLounge = (lounge: {
    subject: string;
    description: string;
    topic: string;
    capacity: number;
    opensAt?: number;
    startsAt: number;
    endsAt: number;
    closesAt: number;
  }) => {
    return this.client.publishEvent(
      this.staff,
      'lounges',
      {
        title: `Innovators Lounge ${run}: ${lounge.subject}`,
        description: lounge.description,
        themes: ['Digitalisierung'],
        capacity: lounge.capacity,
        registration: {
          opensAt: berlin(lounge.opensAt ?? Date.now() - HOUR),
          closesAt: berlin(lounge.closesAt),
        },
        audience: 'members',
        startsAt: berlin(lounge.startsAt),
        endsAt: berlin(lounge.endsAt),
        topic: lounge.topic,
        host: { name: 'Ulm', ags: '08421000', federalState: 'BW' },
        venue: { name: 'Stadthaus Ulm', city: 'Ulm', federalState: 'BW' },
      },
      'registration-open',
    );
  };

  readonly call = async <T>(method: string, path: string, token: string, body?: object) => {
    const response = await this.client.call<T>(method, path, {
      token,
      body,
      headers: { 'Idempotency-Key': randomUUID() },
    });
    expect({
      path,
      status: response.status < 300 ? 'ok' : response.status,
      body: response.status < 300 ? undefined : response.body,
    }).toEqual({
      path,
      status: 'ok',
      body: undefined,
    });
    return response.body;
  };

  /**
   * Registers like a client: the same Idempotency-Key again after a timeout (504), and again while
   * the registrations service has not yet heard that registration opened.
   */
  readonly register = async (eventId: string, token: string): Promise<Registration> => {
    const key = randomUUID();
    return eventually(
      async () => {
        const response = await this.client.call<Registration>('POST', `/events/${eventId}/registrations`, {
          token,
          body: {},
          headers: { 'Idempotency-Key': key },
        });
        expect({
          status: response.status,
          body: response.status === 201 ? undefined : response.body,
        }).toEqual({
          status: 201,
          body: undefined,
        });
        return response.body;
      },
      90 * SECOND,
      250,
    );
  };
}
