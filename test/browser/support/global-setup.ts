import { join } from 'node:path';
import { runCommand } from '../../../infra/src/local/run-command';
import { ensureChromium } from '../../../infra/src/local/toolchain';
import { REPO_ROOT } from '../../../scripts/lib/platform-runner';
import { e2eSecrets } from '../../support/e2e-platform';
import { browserPlatform } from './browser-platform';

const log = (line: string): void => {
  process.stderr.write(`[browser tests] ${line}\n`);
};

/**
 * Before the first browser test: Debian's Chromium (installed when missing, or the one IC_CHROMIUM
 * or CHROME_PATH names) and the platform (gateway and five services) against the test
 * infrastructure of the environment (KAFKA_BROKERS, MONGODB_URI, SMTP_*, MAIL_SINK_URL), its
 * consumer groups moved past what earlier tests left on the broker. Returns the teardown, which
 * stops the platform after the last test.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  // The workers start after this and inherit the environment: the same browser, the same secrets.
  process.env.IC_CHROMIUM = await ensureChromium(log);
  process.env.IC_TEST_SECRETS ??= JSON.stringify(e2eSecrets);

  const platform = browserPlatform();
  const skipped = await runCommand(
    join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
    [join(__dirname, 'skip-leftovers.ts')],
    { cwd: REPO_ROOT },
  );
  if (skipped.trim()) log(skipped.trim());
  const started = Date.now();
  log(`starting the platform at ${platform.gatewayUrl} …`);
  try {
    await platform.start();
  } catch (error) {
    await platform.stop();
    throw error;
  }
  log(`platform ready (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return async () => {
    log('stopping the platform …');
    await platform.stop();
  };
}
