import { mkdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LOCALHOST, type InfraSettings } from '../settings';
import { recordDirOf } from './local-run';
import { startDetached, type ManagedProcess } from './processes';
import { elapsedSince, waitUntilReady } from './wait-until-ready';

const READY_TIMEOUT_MS = 20_000;

export async function startLocalMailSink(
  settings: InfraSettings,
  log: (line: string) => void,
): Promise<ManagedProcess> {
  const startedAt = Date.now();
  const mailDir = join(settings.stateDir, 'mail');
  await mkdir(mailDir, { recursive: true });
  const storeFile = join(mailDir, 'messages.jsonl');
  const smtpPort = settings.mailSink.smtpPort.port;
  const webPort = settings.mailSink.webPort.port;

  const sink = await startDetached({
    name: 'mail-sink',
    // The node running us (Node 24 under npm), with tsx as loader: no build step for a dev tool.
    command: process.execPath,
    args: [
      '--import',
      pathToFileURL(require.resolve('tsx')).href,
      join(settings.repoRoot, 'infra', 'src', 'mail-sink', 'main.ts'),
      '--smtp-port',
      String(smtpPort),
      '--web-port',
      String(webPort),
      '--store',
      storeFile,
    ],
    cwd: settings.repoRoot,
    marker: storeFile,
    logFile: join(mailDir, 'mail-sink.log'),
    recordDir: recordDirOf(settings),
    log,
  });
  await waitUntilReady(
    sink,
    async () => {
      await assertGreets(smtpPort);
      const response = await fetch(`http://${LOCALHOST}:${webPort}/api/messages?to=readiness-probe`);
      if (!response.ok) throw new Error(`mail sink web answered ${response.status}`);
    },
    READY_TIMEOUT_MS,
  );
  log(
    `[infra] mail sink ready: SMTP ${LOCALHOST}:${smtpPort}, web http://${LOCALHOST}:${webPort} (${elapsedSince(startedAt)})`,
  );
  return sink;
}

/** Waits for the SMTP greeting and says goodbye properly, so that the probe leaves no error in the sink's log. */
function assertGreets(port: number): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const socket = connect({ port, host: LOCALHOST });
    socket.once('error', reject);
    socket.once('data', (greeting: Buffer) => {
      socket.end('QUIT\r\n');
      if (greeting.toString('ascii').startsWith('220')) resolvePromise();
      else reject(new Error(`unexpected SMTP greeting: ${greeting.toString('ascii').trim()}`));
    });
  });
}
