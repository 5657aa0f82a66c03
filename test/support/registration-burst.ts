import { randomUUID } from 'node:crypto';
import { ApiResponse, E2eClient, SignedInMember, SinkMessage } from './e2e-client';
import { eventually, inParallel, sleep } from './eventually';
import { openLoungeBody } from './open-lounge';

/**
 * A burst of registrations to one lounge while the infrastructure fails (test/outage): members
 * appointed for it, each registering with one Idempotency-Key, also when the registration is sent
 * again, as the portal does; then the proof that each is registered once and got one mail.
 */

export interface BurstRegistration {
  registrationId: string;
  status: string;
  registrant: { memberId?: string };
}

/** A member of a burst and the one Idempotency-Key their registration is sent with, also when retried. */
export interface Registrant {
  readonly member: SignedInMember;
  readonly key: string;
  answer?: ApiResponse<BurstRegistration>;
}

const SETUP_PARALLEL = 6;

export class RegistrationBurst {
  private constructor(
    private readonly client: E2eClient,
    private readonly staff: string,
    readonly eventId: string,
    private readonly title: string,
  ) {}

  /** A lounge with a seat for `capacity` people, registration open, announced to no one of this run. */
  static async openLounge(
    client: E2eClient,
    staff: string,
    lounge: { title: string; topic: string; description: string; capacity: number },
  ): Promise<RegistrationBurst> {
    const opened = await client.publishEvent<{ eventId: string; status: string }>(
      staff,
      'lounges',
      openLoungeBody(lounge),
      'registration-open',
    );
    return new RegistrationBurst(client, staff, opened.eventId, lounge.title);
  }

  /** `count` members at addresses of `domain`, appointed and signed in, each with a key of their own. */
  async registrants(count: number, domain: string, lastName: string): Promise<Registrant[]> {
    const members = await inParallel(
      Array.from({ length: count }, (_, index) => index),
      SETUP_PARALLEL,
      (index) =>
        this.client.newMember(this.staff, {
          salutation: index % 2 === 0 ? 'Frau' : 'Herr',
          firstName: 'Kim',
          lastName: `${lastName}${index}`,
          email: `m${index}@${domain}`,
          organisation: `Hochschule ${index}`,
          sector: 'Wissenschaft',
          federalState: 'NW',
          themes: ['Bildung'],
        }),
    );
    return members.map((member) => ({ member, key: randomUUID() }));
  }

  /**
   * Each member looks at their registrations, as the portal does before they click: the gateway then
   * knows their session (10 s), so the registration reaches the registrations service.
   */
  async lookAtOwnRegistrations(burst: readonly Registrant[]): Promise<void> {
    for (const { member } of burst) {
      const answer = await this.client.call('GET', '/me/registrations', { token: member.token });
      if (answer.status !== 200) throw new Error(`GET /me/registrations answered ${answer.status}`);
    }
  }

  async register(registrant: Registrant): Promise<void> {
    registrant.answer = await this.client.call<BurstRegistration>(
      'POST',
      `/events/${this.eventId}/registrations`,
      { token: registrant.member.token, headers: { 'Idempotency-Key': registrant.key }, body: {} },
    );
  }

  /** Each member has one registration for the event, confirmed, and one confirmation mail, sent once. */
  async expectEachRegisteredOnceWithOneMail(burst: readonly Registrant[]): Promise<void> {
    const participants = await this.client.call<{ items: BurstRegistration[] }>(
      'GET',
      `/events/${this.eventId}/participants?limit=100`,
      { token: this.staff },
    );
    expect(participants.status).toBe(200);
    for (const { member } of burst) {
      const own = participants.body.items.filter((item) => item.registrant.memberId === member.id);
      expect([member.email, own.length, own[0]?.status]).toEqual([member.email, 1, 'confirmed']);
    }
    const confirmations = (mails: SinkMessage[]) =>
      mails.filter((mail) => mail.subject === `Anmeldung bestätigt: ${this.title}`);
    for (const { member } of burst) {
      await eventually(
        async () => expect(confirmations(await this.client.mailsTo(member.email))).toHaveLength(1),
        60_000,
        500,
      );
    }
    // A second mail would come from a redelivered event: give it the time a retry takes.
    await sleep(3_000);
    for (const { member } of burst) {
      const mails = confirmations(await this.client.mailsTo(member.email)) as (SinkMessage & {
        deliveries?: number;
      })[];
      expect([member.email, mails.length, mails[0]?.deliveries ?? 1]).toEqual([member.email, 1, 1]);
    }
  }
}

export function statusOf(registrant: Registrant): number | undefined {
  return registrant.answer?.status;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
