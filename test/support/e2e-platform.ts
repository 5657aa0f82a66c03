import { join } from 'node:path';
import { PlatformRunner, REPO_ROOT } from '../../scripts/lib/platform-runner';
import { newPlatformSecrets, PlatformSecrets, secretsEnv } from '../../scripts/lib/platform-secrets';
import { testInfrastructure } from './test-infrastructure';

/**
 * Ports of the services in end-to-end tests, clear of a running `npm start` (3000–3005).
 * IC_E2E_PORT_BASE moves them, e.g. to run one e2e file beside another against separate infrastructure.
 */
export const E2E_PORT_BASE = Number(process.env.IC_E2E_PORT_BASE ?? 13000);

/**
 * Secrets of this test run. Staff accounts are created once, on the first start against an empty
 * database, so every e2e file of one `npm test` run must use the same secrets: scripts/test.ts
 * makes them once and passes them in IC_TEST_SECRETS; a single file run by hand makes its own.
 */
export const e2eSecrets: PlatformSecrets = process.env.IC_TEST_SECRETS
  ? (JSON.parse(process.env.IC_TEST_SECRETS) as PlatformSecrets)
  : newPlatformSecrets();

/** The six services as processes against the test infrastructure, as a web client meets them. */
export function e2ePlatform(): PlatformRunner {
  const infra = testInfrastructure();
  return new PlatformRunner({
    env: {
      ...secretsEnv(e2eSecrets),
      // Links in the mails lead to this run's gateway, so a test can follow them like a person.
      LINK_BASE_URL: `http://127.0.0.1:${E2E_PORT_BASE}`,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      MONGODB_URI: infra.mongodbUri,
      ...(infra.smtpHost ? { SMTP_HOST: infra.smtpHost } : {}),
      ...(infra.smtpPort ? { SMTP_PORT: String(infra.smtpPort) } : {}),
      LOG_FORMAT: 'json',
    },
    portBase: E2E_PORT_BASE,
    logDir: join(REPO_ROOT, '.cache', 'logs', 'e2e'),
    log: (line) => process.stderr.write(`[platform] ${line}\n`),
  });
}
