/**
 * Publishes SignInLinkRequested on ic.membership.v1 for a member the platform does not know, as the
 * membership service would (a valid event: the streams' conformance check reads it too). The
 * notifications service has no contact to write to, tries again and gives up: a dead letter. Prints
 * the event's CloudEvent id. Run with tsx by the „Betrieb“ browser test: Playwright's compiler
 * cannot load the contracts' decorated classes.
 */
import { DomainTopics, SignInLinkRequestedEvent } from '@ic/contracts';
import { encodeCloudEvent, KafkaConnection, newCloudEvent, quietKnownKafkajsWarnings } from '@ic/messaging';
import { newLinkToken, SecretBox } from '@ic/platform';
import { Logger } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { testInfrastructure } from '../../support/test-infrastructure';

async function publish(): Promise<void> {
  // The output is the id alone.
  quietKnownKafkajsWarnings();
  Logger.overrideLogger(['error']);
  const memberId = randomUUID();
  const kafka = new KafkaConnection({
    clientId: `browser-unknown-member-${memberId.slice(0, 8)}`,
    brokers: testInfrastructure().kafkaBrokers,
    sessionTimeoutMs: 10_000,
  });
  try {
    const event = newCloudEvent({
      type: SignInLinkRequestedEvent.type,
      source: '/ic/membership',
      subject: memberId,
      data: {
        memberId,
        expiresAt: new Date(Date.now() + 15 * 60 * 1000).toISOString(),
        signInToken: SecretBox.fromBase64Key(randomBytes(32).toString('base64')).seal(newLinkToken()),
      },
    });
    await kafka.send(DomainTopics.membership, [encodeCloudEvent(event)]);
    console.log(event.id);
  } finally {
    await kafka.disconnect();
  }
}

publish().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
