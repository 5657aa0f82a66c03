/**
 * `npm run analytics:rebuild`: asks the running analytics service, over Kafka like the gateway
 * does, to rebuild its projections from the beginning of every domain topic, shows the progress
 * per topic and reports how many events were replayed and how fast. Nothing is stopped: readers
 * see the old figures until the rebuilt generation has caught up, then the new ones. Ctrl-C ends
 * only this display; the rebuild goes on. KAFKA_BROKERS says where the broker is (default: the
 * one `npm start` runs).
 */
import {
  AnalyticsRequests,
  CallerIdentity,
  GATEWAY_REPLY_TOPIC,
  RebuildProgressReply,
  RebuildSummaryReply,
} from '@ic/contracts';
import { describe, KafkaConnection, quietKnownKafkajsWarnings, RpcClient } from '@ic/messaging';
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

const POLL_MS = 1000;
/** The command acts for the office; only the gateway and platform tools write request topics. */
const COMMAND: CallerIdentity = { subject: 'analytics-rebuild-command', roles: ['staff'] };

async function main(): Promise<number> {
  quietKnownKafkajsWarnings();
  // The progress is the output; the Kafka clients speak up only about problems.
  Logger.overrideLogger(['warn', 'error']);
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const instanceId = `analytics-rebuild-${randomUUID().slice(0, 8)}`;
  const kafka = new KafkaConnection({ clientId: instanceId, brokers, sessionTimeoutMs: 10_000 });
  const rpc = new RpcClient(kafka, { instanceId, replyTopic: GATEWAY_REPLY_TOPIC, defaultTimeoutMs: 20_000 });
  try {
    await rpc.start();
    const { started, rebuild } = await rpc.send(
      AnalyticsRequests.rebuild,
      {},
      {
        identity: COMMAND,
        idempotencyKey: randomUUID(),
      },
    );
    console.log(
      started
        ? `Rebuilding the analytics projections into generation ${rebuild.generation}: ${rebuild.total} events on ${rebuild.topics.length} topics.`
        : `A rebuild into generation ${rebuild.generation} is running already (asked for at ${rebuild.requestedAt}); following it.`,
    );
    const summary = await follow(rpc, rebuild.generation);
    console.log(
      `✔ Rebuilt: ${summary.events} events replayed in ${summary.seconds.toFixed(1)} s, ` +
        `${summary.eventsPerSecond} events/s. Generation ${summary.generation} is current.`,
    );
    return 0;
  } catch (error) {
    console.error(
      `✘ The rebuild could not be followed: ${describe(error)}\n  Is the analytics service running (npm start) against KAFKA_BROKERS=${brokers.join(',')}?`,
    );
    return 1;
  } finally {
    await rpc.stop();
    await kafka.disconnect();
  }
}

/** Prints the progress until the generation is current, and returns the rebuild's figures. */
async function follow(rpc: RpcClient, generation: number): Promise<RebuildSummaryReply> {
  let shown = '';
  for (;;) {
    const status = await rpc.send(AnalyticsRequests.status, {}, { identity: COMMAND });
    if (status.lastRebuild?.generation === generation) return status.lastRebuild;
    if (status.rebuild?.generation === generation) {
      const line = progressLine(status.rebuild);
      if (line !== shown) console.log(line);
      shown = line;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function progressLine(progress: RebuildProgressReply): string {
  const topics = progress.topics.map((topic) => `${topic.topic} ${topic.read}/${topic.total}`).join('  ');
  const percent = progress.total > 0 ? Math.floor((100 * progress.read) / progress.total) : 100;
  return `  ${topics}   ${progress.read}/${progress.total} (${percent} %)`;
}

void main().then((code) => process.exit(code));
