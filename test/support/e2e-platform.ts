import { join } from 'node:path';
import { PlatformRunner, REPO_ROOT } from '../../scripts/lib/platform-runner';
import { loadOrCreateSecrets, PlatformSecrets, secretsEnv } from '../../scripts/lib/platform-secrets';
import { DATABASE_PREFIX_VARIABLE, TEST_SERVICE_SETTINGS, testInfrastructure } from './test-infrastructure';

/**
 * Ports of the services in end-to-end tests, clear of a running `npm start` (3000–3005).
 * IC_E2E_PORT_BASE moves them, e.g. to run one e2e file beside another against separate infrastructure.
 */
export const E2E_PORT_BASE = Number(process.env.IC_E2E_PORT_BASE ?? 13000);

/**
 * Secrets of this test run. Staff accounts are created once, on the first start against an empty
 * database, so every e2e file of one `npm test` run must use the same secrets: scripts/test.ts
 * makes them once and passes them in IC_TEST_SECRETS. Tests run by hand against `npm run infra --
 * up --profile test` share one set kept in `.cache/secrets/test.json`, so that a second run against
 * the same infrastructure still signs in as staff.
 */
export const e2eSecrets: PlatformSecrets = process.env.IC_TEST_SECRETS
  ? (JSON.parse(process.env.IC_TEST_SECRETS) as PlatformSecrets)
  : loadOrCreateSecrets(join(REPO_ROOT, '.cache', 'secrets', 'test.json')).secrets;

export interface E2ePlatformOptions {
  /** The gateway's port, the other services on the next five (default E2E_PORT_BASE). */
  readonly portBase?: number;
  /** The services' databases are `<prefix>_<service>` (default IC_TEST_DATABASE_PREFIX, else `ic_<service>`). */
  readonly databasePrefix?: string;
  /** Where the services' logs go (default `.cache/logs/<database prefix>`, or `.cache/logs/e2e`). */
  readonly logDir?: string;
  /** Settings of this run beyond the defaults (e.g. a gateway limit). */
  readonly env?: Readonly<Record<string, string>>;
}

/** The six services as processes against the test infrastructure, as a web client meets them. */
export function e2ePlatform(options: E2ePlatformOptions = {}): PlatformRunner {
  const infra = testInfrastructure();
  const portBase = options.portBase ?? E2E_PORT_BASE;
  const databasePrefix = options.databasePrefix ?? process.env[DATABASE_PREFIX_VARIABLE];
  return new PlatformRunner({
    env: {
      ...secretsEnv(e2eSecrets),
      ...TEST_SERVICE_SETTINGS,
      // Links in the mails lead to this run's gateway, so a test can follow them like a person.
      LINK_BASE_URL: `http://127.0.0.1:${portBase}`,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      MONGODB_URI: infra.mongodbUri,
      ...(infra.smtpHost ? { SMTP_HOST: infra.smtpHost } : {}),
      ...(infra.smtpPort ? { SMTP_PORT: String(infra.smtpPort) } : {}),
      LOG_FORMAT: 'json',
      ...options.env,
    },
    portBase,
    databasePrefix,
    logDir: options.logDir ?? join(REPO_ROOT, '.cache', 'logs', databasePrefix ?? 'e2e'),
    log: (line) => process.stderr.write(`[platform] ${line}\n`),
  });
}
