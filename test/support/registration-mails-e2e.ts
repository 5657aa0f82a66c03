import { formatBerlinTime } from '@ic/contracts';
import { readCalendar } from '../../libs/platform/src/calendar/testing/read-calendar';
import { SignedInMember, SinkMessage } from './e2e-client';
import { testInfrastructure, uniqueSuffix } from './test-infrastructure';
import { GatewayTestBed } from './gateway-test-bed';

/** What the end-to-end tests of registration mails share (registration-mails-*.e2e.ts). */

export interface Registration {
  registrationId: string;
  status: 'confirmed' | 'waiting' | 'cancelled';
  waitingPlace?: number;
}

export interface ClubEvent {
  eventId: string;
  status: string;
  circle?: { modules: Record<string, unknown>[] };
}

export interface DelegationRegistration extends Registration {
  delegation: { personId: string; firstName: string }[];
}

export interface Mail extends SinkMessage {
  /** When the sink received it. */
  date: string;
  deliveries?: number;
  attachments: { filename: string | null; contentType: string; content: string }[];
}

/** Who a member is in this test, and what their registration says. */
export interface Registrant {
  readonly member: SignedInMember;
  readonly registration: Registration;
  /** When the gateway answered the registration (ms). */
  readonly answeredAt: number;
}

/** The mails of one address counted for a measurement: from `skip` on, timed from `since`. */
export interface Measured {
  readonly address: string;
  readonly since: number;
  readonly skip: number;
}

export const run = uniqueSuffix();
export const domain = `${run}.e2e-registration-mails.example`;
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const berlin = (instant: number) => formatBerlinTime(new Date(instant));
export const title = `Innovators Lounge ${run}: Die Kommune als Plattform`;

/**
 * The platform of the registration mail tests: members may ask for many sign-in links from one
 * address, and setting up hundreds of them takes minutes, so access tokens live longer.
 */
export class RegistrationMailsThroughTheGateway extends GatewayTestBed {
  protected override readonly platformOptions = {
    env: { SIGN_IN_LINK_REQUESTS_PER_IP: '10000', ACCESS_TOKEN_TTL_SECONDS: '7200' },
  };

  /** A member appointed by the office, who accepts and signs in with the links from their mails. */
  readonly newMember = (index: number, profile: Record<string, unknown> = {}): Promise<SignedInMember> => {
    return this.client.newMember(this.staff, {
      salutation: index % 2 === 0 ? 'Frau' : 'Herr',
      firstName: 'Kim',
      lastName: `Mitglied${index}`,
      email: `m${index}@${domain}`,
      organisation: `Hochschule ${index}`,
      sector: 'Wissenschaft',
      federalState: 'BW',
      // No theme of the events: the members of this run get no announcement of them.
      themes: ['Bildung'],
      ...profile,
    });
  };

  /** The mails about an event (its title in the subject) to the run's addresses, oldest first, by address. */
  readonly mailsByAddress = async (eventTitle = title): Promise<Map<string, Mail[]>> => {
    const response = await fetch(
      `${testInfrastructure().mailSinkUrl}/api/messages?domain=${encodeURIComponent(domain)}`,
    );
    expect(response.status).toBe(200);
    const byAddress = new Map<string, Mail[]>();
    for (const mail of ((await response.json()) as Mail[]).reverse()) {
      if (!mail.subject.includes(eventTitle)) continue;
      for (const to of mail.to) byAddress.set(to, [...(byAddress.get(to) ?? []), mail]);
    }
    return byAddress;
  };

  readonly calendarOf = (mail: Mail) =>
    readCalendar(Buffer.from(mail.attachments[0].content, 'base64').toString('utf8'));
}
