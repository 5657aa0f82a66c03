import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PlatformRunner, REPO_ROOT } from '../../../scripts/lib/platform-runner';
import { e2ePlatform } from '../../support/e2e-platform';
import { BROWSER_CACHE_DIR, BROWSER_PORT_BASE } from './browser-settings';

/**
 * The six services as processes against the test infrastructure, exactly as the end-to-end tests
 * start them, on the browser tests' ports, with the links in the mails leading to this gateway.
 */
export function browserPlatform(): PlatformRunner {
  for (const [file, what] of [
    [join(REPO_ROOT, 'dist', 'services', 'gateway', 'src', 'main.js'), 'the services'],
    [join(REPO_ROOT, 'web', 'dist', 'index.html'), 'the web app'],
  ] as const) {
    if (!existsSync(file)) throw new Error(`${file} is missing: build ${what} first with \`npm run build\`.`);
  }
  return e2ePlatform({
    portBase: BROWSER_PORT_BASE,
    logDir: join(BROWSER_CACHE_DIR, 'logs'),
    // Every test's members ask for their sign-in links from 127.0.0.1: the limit per address (100 in
    // 10 minutes, proven by the end-to-end tests) would refuse the 101st.
    env: { SIGN_IN_LINK_REQUESTS_PER_IP: '10000' },
  });
}
