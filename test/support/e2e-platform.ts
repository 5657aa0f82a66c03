import { join } from 'node:path';
import { PlatformRunner, REPO_ROOT } from '../../scripts/lib/platform-runner';
import { newPlatformSecrets, secretsEnv } from '../../scripts/lib/platform-secrets';
import { testInfrastructure } from './test-infrastructure';

/** Ports of the services in end-to-end tests, clear of a running `npm start` (3000–3005). */
export const E2E_PORT_BASE = 13000;

/** Secrets of this test run; the staff accounts are created on the services' first start. */
export const e2eSecrets = newPlatformSecrets();

/** The six services as processes against the test infrastructure, as a web client meets them. */
export function e2ePlatform(): PlatformRunner {
  const infra = testInfrastructure();
  return new PlatformRunner({
    env: {
      ...secretsEnv(e2eSecrets),
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
