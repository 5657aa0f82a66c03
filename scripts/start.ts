/**
 * `npm start`: the whole platform on this machine. Infrastructure (or what KAFKA_BROKERS and
 * MONGODB_URI point at), the trace viewer, a fresh build, the six services, then the URLs. Ctrl-C
 * stops everything.
 */
import {
  provideInfrastructure,
  resolveInfraSettings,
  startLocalTraceViewer,
  TraceViewer,
  traceViewerPorts,
} from '@ic/infra';
import { quietKnownKafkajsWarnings } from '@ic/messaging';
import { join } from 'node:path';
import { PlatformRunner, REPO_ROOT } from './lib/platform-runner';
import { loadOrCreateSecrets, secretsEnv, StaffCredentials } from './lib/platform-secrets';
import { runStep } from './lib/steps';
import { DEMO_MEMBERS } from './seed/demo-members';
import { SEED_OUTCOMES, seedDemoClub } from './seed/seed';

async function main(): Promise<void> {
  quietKnownKafkajsWarnings();
  const started = Date.now();
  const infrastructure = await provideInfrastructure({ profile: 'dev', log: (line) => console.log(line) });
  const traces = tracesOfThisRun();
  let platform: PlatformRunner | undefined;
  let stopping: Promise<void> | undefined;
  // Child processes of the infrastructure are detached, so nothing else keeps this process alive.
  const keepAlive = setInterval(() => undefined, 60 * 60 * 1000);
  const stopAll = (exitCode: number): Promise<void> => {
    // npm forwards Ctrl-C to us besides the terminal's own signal: a repeated signal must not cut the stop short.
    if (stopping) {
      console.log('Still stopping…');
      return stopping;
    }
    console.log('\nStopping the platform…');
    stopping = (async () => {
      await platform?.stop();
      await (await traces.viewer)?.stop();
      await infrastructure.stop();
      clearInterval(keepAlive);
      console.log('Stopped.');
      process.exit(exitCode);
    })();
    return stopping;
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    const { secrets, created } = loadOrCreateSecrets(join(REPO_ROOT, '.cache', 'secrets', 'dev.json'));
    const build = await runStep('build', 'npm', ['run', 'build']);
    if (!build.ok) throw new Error('The build failed; see above.');
    platform = new PlatformRunner({
      env: {
        ...secretsEnv(secrets),
        KAFKA_BROKERS: infrastructure.kafkaBrokers.join(','),
        MONGODB_URI: infrastructure.mongodbUri,
        SMTP_HOST: infrastructure.smtp.host,
        SMTP_PORT: String(infrastructure.smtp.port),
        ...(traces.otlpEndpoint ? { OTEL_EXPORTER_OTLP_ENDPOINT: traces.otlpEndpoint } : {}),
      },
      portBase: Number(process.env.IC_GATEWAY_PORT ?? 3000),
      logDir: join(REPO_ROOT, '.cache', 'logs', 'dev'),
      log: (line) => console.log(`[platform] ${line}`),
    });
    console.log('\nStarting the six services…');
    const services = await platform.start();
    const gateway = platform.gatewayUrl;
    console.log('\nSeeding the demo club…');
    const seeded = await seedDemoClub({
      gatewayUrl: gateway,
      kafkaBrokers: infrastructure.kafkaBrokers,
      staff: secrets.staff[0],
      log: (line) => console.log(`[seed] ${line}`),
    });
    console.log(`[seed] ${SEED_OUTCOMES[seeded]}`);
    console.log(`
Innovators Club platform is running (ready in ${((Date.now() - started) / 1000).toFixed(0)} s):

  Member portal    ${gateway}
  Office console   ${gateway}/geschaeftsstelle   (staff accounts: .cache/secrets/dev.json)
  Sent e-mail      ${infrastructure.mailSinkUrl}   (sign-in links and invitations arrive here)

  API              ${gateway}/api/v1
  API docs         ${gateway}/api/docs   (OpenAPI: ${gateway}/api/openapi.json)
  Event streams    ${gateway}/api/asyncapi.yaml   (AsyncAPI 3.0)
  Calendar feed    ${gateway}/api/v1/calendar.ics
  Platform status  ${gateway}/api/v1/status
  Metrics          /metrics on every service's port (below); Bearer token: metricsToken in .cache/secrets/dev.json
  Traces           ${traces.describe()}
  Kafka            ${infrastructure.kafkaBrokers.join(',')}
  MongoDB          ${infrastructure.mongodbUri}

  Try the portal as a member: open ${gateway}/anmelden, ask for a link for
  ${demoMemberEmail()} (a demo member) and open the link from the mail in the mail view.
  Try the console as the office: open ${gateway}/geschaeftsstelle and sign in with a staff account.
${created ? staffCredentialsNotice(secrets.staff) : ''}
  Services: ${services.map((service) => `${service.name} :${service.port}`).join(', ')}
  Logs:     ${join(REPO_ROOT, '.cache', 'logs', 'dev')}

Press Ctrl-C to stop everything.`);
  } catch (error) {
    console.error(`\n✘ ${error instanceof Error ? error.message : String(error)}`);
    await stopAll(1);
  }
}

/**
 * Where the services send their traces: OTEL_EXPORTER_OTLP_ENDPOINT when set, else the local trace
 * viewer (Jaeger), started beside the platform: its first start builds it for minutes, and the
 * services do not wait for it (spans sent before it is up are dropped). IC_TRACE_VIEWER=off: none.
 */
function tracesOfThisRun(): {
  otlpEndpoint?: string;
  viewer: Promise<TraceViewer | undefined>;
  describe(): string;
} {
  const given = process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (given)
    return { otlpEndpoint: given, viewer: Promise.resolve(undefined), describe: () => `sent to ${given}` };
  if (process.env.IC_TRACE_VIEWER === 'off')
    return { viewer: Promise.resolve(undefined), describe: () => 'off (IC_TRACE_VIEWER=off)' };
  let ready = false;
  const viewer = startLocalTraceViewer(resolveInfraSettings('dev'), (line) => console.log(line)).then(
    (started) => {
      ready = true;
      return started;
    },
    (error: unknown) => {
      console.log(`[traces] no trace viewer: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    },
  );
  const { ui, otlp } = traceViewerPorts();
  return {
    otlpEndpoint: `http://127.0.0.1:${otlp}`,
    viewer,
    describe: () =>
      `npm run traces -- <correlation id or trace id>   (Jaeger's API: http://127.0.0.1:${ui}/api/traces?service=gateway)` +
      (ready ? '' : '\n                   the viewer is still being built or started; see the [infra] lines'),
  };
}

/** An active demo member whose sign-in link a newcomer can request. */
function demoMemberEmail(): string {
  return DEMO_MEMBERS.find((member) => !member.ended)?.profile.email ?? '';
}

/** Shown on the first start only: the passwords are not printed again (they are in .cache/secrets/dev.json). */
function staffCredentialsNotice(staff: readonly StaffCredentials[]): string {
  const lines = staff.map((account) => `    ${account.email.padEnd(44)} ${account.password}`);
  return `
  Staff accounts (shown once; also in .cache/secrets/dev.json):
${lines.join('\n')}
`;
}

void main();
