/**
 * `npm run dlt -- list|show <id>|redeliver <id>|redeliver --all [--topic t]|discard <id> --note "…"`:
 * the dead letters of the domain topics, asked of the running notifications service over Kafka as
 * the gateway does (the console's "Betrieb" page shows the same). KAFKA_BROKERS says where the
 * broker is (default: the one `npm start` runs).
 */
import { GATEWAY_REPLY_TOPIC } from '@ic/contracts';
import { KafkaConnection, quietKnownKafkajsWarnings, RpcClient } from '@ic/messaging';
import { describe } from '@ic/platform';
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { runDeadLetterCommand } from './lib/dead-letters-cli';

async function main(): Promise<number> {
  quietKnownKafkajsWarnings();
  Logger.overrideLogger(['warn', 'error']);
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const instanceId = `dlt-${randomUUID().slice(0, 8)}`;
  const kafka = new KafkaConnection({ clientId: instanceId, brokers, sessionTimeoutMs: 10_000 });
  const rpc = new RpcClient(kafka, { instanceId, replyTopic: GATEWAY_REPLY_TOPIC, defaultTimeoutMs: 20_000 });
  try {
    await rpc.start();
  } catch (error) {
    console.error(`✘ No answer from Kafka at KAFKA_BROKERS=${brokers.join(',')}: ${describe(error)}`);
    return 1;
  }
  try {
    return await runDeadLetterCommand(process.argv.slice(2), rpc, {
      out: (line) => console.log(line),
      err: (line) => console.error(line),
    });
  } finally {
    await rpc.stop();
    await kafka.disconnect();
  }
}

void main().then((code) => process.exit(code));
