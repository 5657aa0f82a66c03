import { DeadLetterReply, DomainTopics, EventAnnouncedEvent } from '@ic/contracts';
import { encodeCloudEvent, KafkaConnection, newCloudEvent } from '@ic/messaging';
import { randomUUID } from 'node:crypto';
import { PlatformRunner } from '../../scripts/lib/platform-runner';
import { E2eClient, Page, Problem } from '../support/e2e-client';
import { e2ePlatform } from '../support/e2e-platform';
import { eventually } from '../support/eventually';
import { testInfrastructure } from '../support/test-infrastructure';

/**
 * Dead letters through the gateway, the whole platform running: an announcement that breaks its
 * contract is given up by every service that reads it; the office's head (STAFF_OPERATIONS) lists
 * them, two redeliveries of one at the same moment send it once, a discarded one stays discarded,
 * and the office without the operations role is kept out.
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

  it('lists what every reader gave up on, redelivers one once though asked twice at once, and keeps a discarded one discarded', async () => {
    const eventId = randomUUID();
    const broken = newCloudEvent({
      type: EventAnnouncedEvent.type,
      source: '/ic/events',
      subject: eventId,
      data: { eventId },
    });
    await kafka.send(DomainTopics.events, [encodeCloudEvent(broken)]);

    const letters = await eventually(async () => {
      const page = await client.call<Page<DeadLetterReply>>(
        'GET',
        `/dead-letters?state=open&topic=${DomainTopics.events}&limit=100`,
        {
          token: operator,
        },
      );
      expect(page.status).toBe(200);
      const ofThisEvent = page.body.items.filter((letter) => letter.eventId === broken.id);
      expect(ofThisEvent.map((letter) => letter.group).sort()).toEqual([
        expect.stringMatching(/^analytics\./),
        'notifications.events',
        'registrations.events',
      ]);
      return ofThisEvent;
    }, 60_000);
    expect(letters.every((letter) => letter.reason === 'contract-violation')).toBe(true);
    const [ofNotifications] = letters.filter((letter) => letter.group === 'notifications.events');
    const [ofRegistrations] = letters.filter((letter) => letter.group === 'registrations.events');

    const path = `/dead-letters/${ofNotifications.id}/redeliver`;
    const clicks = await Promise.all([
      client.call<DeadLetterReply | Problem>('POST', path, { token: operator }),
      client.call<DeadLetterReply | Problem>('POST', path, { token: operator }),
    ]);
    expect(clicks.map((click) => click.status).sort()).toEqual([200, 409]);
    // It fails again for notifications alone: one new open dead letter, none for the other readers.
    await eventually(async () => {
      const page = await client.call<Page<DeadLetterReply>>(
        'GET',
        `/dead-letters?state=open&topic=${DomainTopics.events}&limit=100`,
        {
          token: operator,
        },
      );
      const again = page.body.items.filter(
        (letter) => letter.eventId === broken.id && letter.id !== ofNotifications.id,
      );
      expect(again.map((letter) => letter.group).sort()).toEqual([
        expect.stringMatching(/^analytics\./),
        'notifications.events',
        'registrations.events',
      ]);
    }, 60_000);
    const shown = await client.call<DeadLetterReply>('GET', `/dead-letters/${ofNotifications.id}`, {
      token: operator,
    });
    expect(shown.body).toMatchObject({
      state: 'redelivered',
      redelivered: { by: expect.stringMatching(/^staff-/) },
    });

    const discarded = await client.call<DeadLetterReply>(
      'POST',
      `/dead-letters/${ofRegistrations.id}/discard`,
      {
        token: operator,
        body: { note: 'Testnachricht, hinfällig' },
      },
    );
    expect(discarded.status).toBe(200);
    expect(discarded.body).toMatchObject({
      state: 'discarded',
      discarded: { note: 'Testnachricht, hinfällig' },
    });
    const late = await client.call<Problem>('POST', `/dead-letters/${ofRegistrations.id}/redeliver`, {
      token: operator,
    });
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain('verworfen (Testnachricht, hinfällig)');

    const office = await client.staffLogin(1);
    expect((await client.call('GET', '/dead-letters', { token: office })).status).toBe(403);
    const figures = await client.call<{ openByTopic: { topic: string; open: number }[] }>(
      'GET',
      '/dead-letters/figures',
      {
        token: operator,
      },
    );
    expect(figures.body.openByTopic.map((entry) => entry.topic)).toEqual(Object.values(DomainTopics));
  });
});
