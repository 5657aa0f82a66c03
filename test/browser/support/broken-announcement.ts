/**
 * Publishes an announcement that breaks its contract (no event details) on ic.events.v1, keyed by
 * the event id given as the argument: every service that reads it gives up on it (a dead letter
 * each). Run with tsx by the „Betrieb“ browser test: Playwright's compiler cannot load the
 * contracts' decorated classes.
 */
import { DomainTopics, EventAnnouncedEvent } from '@ic/contracts';
import { encodeCloudEvent, KafkaConnection, newCloudEvent, quietKnownKafkajsWarnings } from '@ic/messaging';
import { Logger } from '@nestjs/common';
import { testInfrastructure } from '../../support/test-infrastructure';

async function publish(eventId: string): Promise<void> {
  // The output is the id alone.
  quietKnownKafkajsWarnings();
  Logger.overrideLogger(['error']);
  const kafka = new KafkaConnection({
    clientId: `browser-broken-announcement-${eventId.slice(0, 8)}`,
    brokers: testInfrastructure().kafkaBrokers,
    sessionTimeoutMs: 10_000,
  });
  try {
    const broken = newCloudEvent({
      type: EventAnnouncedEvent.type,
      source: '/ic/events',
      subject: eventId,
      data: { eventId },
    });
    await kafka.send(DomainTopics.events, [encodeCloudEvent(broken)]);
    // Its CloudEvent id: what the „Betrieb“ page shows as the event's id.
    console.log(broken.id);
  } finally {
    await kafka.disconnect();
  }
}

const [eventId] = process.argv.slice(2);
if (!eventId) throw new Error('usage: tsx broken-announcement.ts <eventId>');
publish(eventId).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
