/**
 * `npm run analytics:rebuild`: asks the running analytics service, over Kafka like the gateway
 * does, to rebuild its projections from the beginning of every domain topic, shows the progress
 * per topic and reports how many events were replayed and how fast. Nothing is stopped: readers
 * see the old figures until the rebuilt generation has caught up, then the new ones. Ctrl-C ends
 * only this display; the rebuild goes on. KAFKA_BROKERS says where the broker is (default: the
 * one `npm start` runs).
 */
import { GATEWAY_REPLY_TOPIC } from '@ic/contracts';
import { KafkaConnection, quietKnownKafkajsWarnings, RpcClient } from '@ic/messaging';
import { describe } from '@ic/platform';
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { rebuildAnalytics } from './lib/analytics-rebuild';

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
    const summary = await rebuildAnalytics(rpc, { started: console.log, progress: console.log });
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

void main().then((code) => process.exit(code));
