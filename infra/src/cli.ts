/**
 * npx tsx infra/src/cli.ts up     [--profile dev|test] [--kafka-nodes 1|3]   start, print the endpoints, stay until Ctrl-C
 * npx tsx infra/src/cli.ts down   [--profile dev|test]   stop what an earlier `up` (or a crashed run) left
 * npx tsx infra/src/cli.ts status [--profile dev|test]   show the local processes of each profile
 */
import { parseArgs } from 'node:util';
import { kafkaNodeName } from './local/local-kafka';
import { localRunProcesses, stopLocalRun } from './local/local-run';
import { isOwnerAlive } from './local/processes';
import { provideInfrastructure } from './provide-infrastructure';
import {
  InfraProfiles,
  InfraSetupError,
  isInfraProfile,
  KAFKA_NODES_VARIABLE,
  LOCALHOST,
  resolveInfraSettings,
  type InfraProfile,
} from './settings';

const USAGE = 'usage: tsx infra/src/cli.ts <up|down|status> [--profile dev|test] [--kafka-nodes 1|3]';

const progress = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

async function up(profile: InfraProfile): Promise<void> {
  const infrastructure = await provideInfrastructure({ profile, log: progress });
  process.stdout.write(
    [
      `KAFKA_BROKERS=${infrastructure.kafkaBrokers.join(',')}`,
      `MONGODB_URI=${infrastructure.mongodbUri}`,
      `SMTP_HOST=${infrastructure.smtp.host}`,
      `SMTP_PORT=${infrastructure.smtp.port}`,
      `MAIL_SINK_URL=${infrastructure.mailSinkUrl}`,
      '',
    ].join('\n'),
  );
  progress('[infra] running; Ctrl-C stops everything');

  // Signal listeners alone do not keep Node running, and the started processes are detached.
  const keepAlive = setInterval(() => undefined, 60 * 60 * 1000);
  let stopping: Promise<void> | undefined;
  await new Promise<void>((resolvePromise, reject) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      if (stopping !== undefined) {
        // Stay subscribed: a second Ctrl-C must not cut the clean stop short.
        progress(`[infra] ${signal}: still stopping…`);
        return;
      }
      progress(`[infra] ${signal}: stopping…`);
      stopping = infrastructure.stop();
      stopping.then(resolvePromise, reject);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  clearInterval(keepAlive);
  progress('[infra] stopped');
}

async function down(profile: InfraProfile): Promise<void> {
  const stopped = await stopLocalRun(resolveInfraSettings(profile), progress);
  progress(
    stopped === 0
      ? `[infra] nothing of profile ${profile} was running`
      : `[infra] profile ${profile} stopped`,
  );
}

async function status(profiles: readonly InfraProfile[]): Promise<void> {
  for (const profile of profiles) {
    const records = await localRunProcesses(resolveInfraSettings(profile));
    const [first] = records;
    if (first === undefined) {
      process.stdout.write(`${profile}: not running\n`);
      continue;
    }
    // The ports follow the node count of the run that started them, not this command's.
    const nodes = records.some((record) => /-node-\d+$/.test(record.name)) ? '3' : '1';
    const settings = resolveInfraSettings(profile, { ...process.env, [KAFKA_NODES_VARIABLE]: nodes });
    const endpoints: Record<string, string> = {
      ...Object.fromEntries(
        settings.kafka.flatMap((cluster, clusterIndex) =>
          cluster.nodes.map((node, nodeIndex) => [
            kafkaNodeName(clusterIndex, nodeIndex),
            `${LOCALHOST}:${node.port.port}`,
          ]),
        ),
      ),
      mongo: `mongodb://${LOCALHOST}:${settings.mongo.port.port}/`,
      'mail-sink': `smtp ${LOCALHOST}:${settings.mailSink.smtpPort.port}, web http://${LOCALHOST}:${settings.mailSink.webPort.port}`,
    };
    process.stdout.write(`${profile}:\n`);
    for (const record of records) {
      const endpoint = endpoints[record.name] ?? '';
      process.stdout.write(`  ${record.name.padEnd(14)} pid ${String(record.pid).padEnd(8)} ${endpoint}\n`);
    }
    const { owner } = first;
    process.stdout.write(
      (await isOwnerAlive(first))
        ? `  started by pid ${owner.pid} (${owner.commandLine})\n`
        : `  left behind by pid ${owner.pid}, which has exited: stop it with \`down --profile ${profile}\`\n`,
    );
    process.stdout.write(`  logs and data: ${settings.stateDir}\n`);
  }
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { profile: { type: 'string' }, 'kafka-nodes': { type: 'string' } },
  });
  // The option wins over the variable; the settings read the variable (and check it).
  const kafkaNodes = values['kafka-nodes'];
  if (kafkaNodes !== undefined) process.env[KAFKA_NODES_VARIABLE] = kafkaNodes;
  const [command, ...rest] = positionals;
  const profile = values.profile ?? 'dev';
  if (rest.length > 0 || !isInfraProfile(profile)) throw new InfraSetupError(USAGE);

  switch (command) {
    case 'up':
      return up(profile);
    case 'down':
      return down(profile);
    case 'status':
      return status(values.profile === undefined ? InfraProfiles : [profile]);
    default:
      throw new InfraSetupError(USAGE);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      error instanceof InfraSetupError
        ? `${error.message}\n`
        : `${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  },
);
