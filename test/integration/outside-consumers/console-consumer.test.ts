import { eventSourceOf, MemberActivated, MemberActivatedEvent } from '@ic/contracts';
import { ensureKafkaJars, resolveInfraSettings } from '@ic/infra';
import { encodeCloudEvent, KafkaConnection, newCloudEvent } from '@ic/messaging';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../../../scripts/lib/platform-runner';
import { testTopic } from '../../support/kafka-probe';
import { testInfrastructure, uniqueSuffix } from '../../support/test-infrastructure';

/** As the README writes them: the dev broker, the membership topic, the jars in the default cache. */
const README_BROKER = '127.0.0.1:9092';
const README_TOPIC = 'ic.membership.v1';
const README_CACHE = '$HOME/.cache/ic-platform';

/**
 * The README's section on reading the streams with standard tools, run as an outside analyst
 * would: Kafka's own console consumer (from the Kafka distribution, not our code) reads an event
 * our messaging library published, and shows its key, CloudEvents headers and JSON as described.
 */
describe('Kafka console consumer, as the README shows it', () => {
  const infra = testInfrastructure();
  const kafka = new KafkaConnection({
    clientId: 'console-consumer-test',
    brokers: infra.kafkaBrokers,
    sessionTimeoutMs: 10_000,
  });
  // A topic of this test's own, so that no service reads the event.
  const topic = `test.console.${uniqueSuffix()}`;
  const memberId = randomUUID();
  const data: MemberActivated = { ...MemberActivatedEvent.example, memberId, invitationId: memberId };

  beforeAll(async () => {
    await kafka.ensureTopics([testTopic(topic)]);
    const event = newCloudEvent({
      type: MemberActivatedEvent.type,
      source: eventSourceOf('membership'),
      subject: memberId,
      data,
    });
    await kafka.send(topic, [encodeCloudEvent(event)]);
  });

  afterAll(() => kafka.disconnect());

  it('prints the headers as name:value, the key and the JSON value, separated by " | "', async () => {
    const settings = resolveInfraSettings('test');
    const kafkaLibs = await ensureKafkaJars(settings, (line) => process.stderr.write(`${line}\n`));
    const command = documentedCommand('org.apache.kafka.tools.consumer.ConsoleConsumer');
    const jarsInReadme = `${README_CACHE}/${relative(settings.cacheDir, kafkaLibs)}`;
    expect(command).toContain(`"${jarsInReadme}/*"`);
    expect(command).toContain(README_BROKER);
    expect(command).toContain(`--topic ${README_TOPIC} `);

    const output = await runShell(
      command
        .replace(jarsInReadme, kafkaLibs)
        .replace(README_BROKER, infra.kafkaBrokers.join(','))
        .replace(`--topic ${README_TOPIC} `, `--topic ${topic} `) + ' --max-messages 1 --timeout-ms 60000',
    );

    const [line] = output.split('\n');
    const [headerText, key, value] = splitInto(3, line, ' | ');
    const headers: Record<string, string> = Object.fromEntries(
      headerText.split(',').map((header) => splitInto(2, header, ':')),
    );
    expect(key).toBe(memberId);
    expect(headers).toMatchObject({
      ce_specversion: '1.0',
      ce_type: MemberActivatedEvent.type,
      ce_source: '/ic/membership',
      ce_subject: memberId,
      'content-type': 'application/json',
    });
    expect(Date.parse(headers.ce_time)).not.toBeNaN();
    expect(JSON.parse(value)).toEqual(data);
  });
});

/** The README's command that runs the given class, its continuation lines joined. */
function documentedCommand(mainClass: string): string {
  const lines = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8').split('\n');
  const start = lines.findIndex((line) => line.includes(mainClass));
  if (start < 0) throw new Error(`README.md shows no command with ${mainClass}`);
  const command: string[] = [];
  for (let index = start; ; index += 1) {
    const line = lines[index].trim();
    command.push(line.replace(/\\$/, '').trim());
    if (!line.endsWith('\\')) break;
  }
  return command.join(' ');
}

function runShell(command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', command], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`exit ${code}: ${command}\n${stderr}`)),
    );
  });
}

/** The first `count - 1` pieces and the rest, which may contain the separator (a time, JSON). */
function splitInto(count: number, text: string, separator: string): string[] {
  const pieces = text.split(separator);
  return [...pieces.slice(0, count - 1), pieces.slice(count - 1).join(separator)];
}
