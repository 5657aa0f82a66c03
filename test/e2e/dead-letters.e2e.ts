import { DeadLetterReply, DomainTopics, SignInLinkRequestedEvent } from '@ic/contracts';
import { encodeCloudEvent, KafkaConnection, newCloudEvent } from '@ic/messaging';
import { newLinkToken, SecretBox } from '@ic/platform';
import { randomBytes, randomUUID } from 'node:crypto';
import { PlatformRunner } from '../../scripts/lib/platform-runner';
import { E2eClient, Page, Problem } from '../support/e2e-client';
import { e2ePlatform } from '../support/e2e-platform';
import { eventually } from '../support/eventually';
import { testInfrastructure } from '../support/test-infrastructure';

/**
 * Dead letters through the gateway, the whole platform running: a sign-in link for a member the
 * notifications service has no contact for is given up after its retries (a valid event, as the
 * membership service publishes it); the office's head (STAFF_OPERATIONS) lists it, two
 * redeliveries at the same moment send it once, it fails again for that service alone, a discarded
 * one is not redelivered, and the office without the operations role is kept out.
 */
describe('Dead letters through the gateway', () => {
  let platform: PlatformRunner;
  let client: E2eClient;
  let operator: string;
  const kafka = new KafkaConnection({
    clientId: `e2e-dead-letters-${randomUUID().slice(0, 8)}`,
    brokers: testInfrastructure().kafkaBrokers,
    sessionTimeoutMs: 10_000,
  });

  const deadLettersOf = async (eventId: string, state: string) => {
    const page = await client.call<Page<DeadLetterReply>>(
      'GET',
      `/dead-letters?state=${state}&topic=${DomainTopics.membership}&limit=100`,
      { token: operator },
    );
    expect(page.status).toBe(200);
    return page.body.items.filter((letter) => letter.eventId === eventId);
  };

  beforeAll(async () => {
    platform = e2ePlatform();
    await platform.start();
    client = new E2eClient(platform.gatewayUrl, testInfrastructure().mailSinkUrl);
    operator = await client.staffLogin(0);
  });

  afterAll(async () => {
    await kafka.disconnect();
    await platform.stop();
  });

  it('lists it, redelivers it once though asked twice at once, and keeps a discarded one discarded', async () => {
    const memberId = randomUUID();
    const signIn = newCloudEvent({
      type: SignInLinkRequestedEvent.type,
      source: '/ic/membership',
      subject: memberId,
      data: {
        memberId,
        expiresAt: new Date(Date.now() + 15 * 60 * 1000).toISOString(),
        signInToken: SecretBox.fromBase64Key(randomBytes(32).toString('base64')).seal(newLinkToken()),
      },
    });
    await kafka.send(DomainTopics.membership, [encodeCloudEvent(signIn)]);

    const [first] = await eventually(async () => {
      const open = await deadLettersOf(signIn.id, 'open');
      expect(open).toHaveLength(1);
      return open;
    }, 60_000);
    expect(first).toMatchObject({
      group: 'notifications.events',
      reason: 'handler-failed',
      redeliverable: true,
      key: memberId,
    });
    expect(first.error).toContain(`Zu Mitglied ${memberId} liegen keine Kontaktdaten vor`);

    const path = `/dead-letters/${first.id}/redeliver`;
    const clicks = await Promise.all([
      client.call<DeadLetterReply | Problem>('POST', path, { token: operator }),
      client.call<DeadLetterReply | Problem>('POST', path, { token: operator }),
    ]);
    expect(clicks.map((click) => click.status).sort()).toEqual([200, 409]);
    // Still no contact: it fails again, once, and is a new open dead letter; the first stays redelivered.
    const [second] = await eventually(async () => {
      const open = await deadLettersOf(signIn.id, 'open');
      expect(open).toHaveLength(1);
      return open;
    }, 60_000);
    expect(second.id).not.toBe(first.id);
    const shown = await client.call<DeadLetterReply>('GET', `/dead-letters/${first.id}`, { token: operator });
    expect(shown.body).toMatchObject({
      state: 'redelivered',
      redelivered: { by: expect.stringMatching(/^staff-/) },
    });

    const discarded = await client.call<DeadLetterReply>('POST', `/dead-letters/${second.id}/discard`, {
      token: operator,
      body: { note: 'Testnachricht, hinfällig' },
    });
    expect(discarded.status).toBe(200);
    expect(discarded.body).toMatchObject({
      state: 'discarded',
      discarded: { note: 'Testnachricht, hinfällig' },
    });
    const late = await client.call<Problem>('POST', `/dead-letters/${second.id}/redeliver`, {
      token: operator,
    });
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain('verworfen (Testnachricht, hinfällig)');
    expect(await deadLettersOf(signIn.id, 'open')).toEqual([]);

    const office = await client.staffLogin(1);
    expect((await client.call('GET', '/dead-letters', { token: office })).status).toBe(403);
  });
});
