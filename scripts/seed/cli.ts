/**
 * `npm run seed`: the demo club into a running platform that is still empty (npm start does this by
 * itself). GATEWAY_URL, KAFKA_BROKERS and an office account (SEED_STAFF_EMAIL, SEED_STAFF_PASSWORD)
 * from the environment; without the account, the first of `.cache/secrets/dev.json` (npm start's).
 */
import { quietKnownKafkajsWarnings } from '@ic/messaging';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../lib/platform-runner';
import { PlatformSecrets } from '../lib/platform-secrets';
import { SEED_OUTCOMES, seedDemoClub } from './seed';

async function main(): Promise<void> {
  quietKnownKafkajsWarnings();
  const outcome = await seedDemoClub({
    gatewayUrl: process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000',
    kafkaBrokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    staff: officeAccount(),
    log: (line) => console.log(line),
  });
  console.log(SEED_OUTCOMES[outcome]);
}

function officeAccount(): { email: string; password: string } {
  const { SEED_STAFF_EMAIL: email, SEED_STAFF_PASSWORD: password } = process.env;
  if (email && password) return { email, password };
  const devSecrets = join(REPO_ROOT, '.cache', 'secrets', 'dev.json');
  if (!existsSync(devSecrets))
    throw new Error('Set SEED_STAFF_EMAIL and SEED_STAFF_PASSWORD (an office account).');
  return (JSON.parse(readFileSync(devSecrets, 'utf8')) as PlatformSecrets).staff[0];
}

main().catch((error: unknown) => {
  console.error(`✘ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
