import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface StaffCredentials {
  readonly email: string;
  readonly name: string;
  readonly password: string;
}

/** The secrets a platform run needs; none of them has a default in the code. */
export interface PlatformSecrets {
  readonly jwtSecret: string;
  readonly linkTokenSecret: string;
  /** The bearer token of every service's `/metrics` (the gateway serves none without it). */
  readonly metricsToken: string;
  readonly staff: readonly StaffCredentials[];
}

const DEMO_STAFF = [
  { email: 'leitung@innovators-club.example', name: 'Leitung der Geschäftsstelle' },
  { email: 'geschaeftsstelle@innovators-club.example', name: 'Geschäftsstelle Innovators Club' },
] as const;

export function newPlatformSecrets(): PlatformSecrets {
  return {
    jwtSecret: randomBytes(48).toString('base64url'),
    linkTokenSecret: randomBytes(32).toString('base64'),
    metricsToken: newMetricsToken(),
    staff: DEMO_STAFF.map((account) => ({ ...account, password: randomBytes(12).toString('base64url') })),
  };
}

/**
 * The variables that carry the secrets to the services (STAFF_BOOTSTRAP counts on the first start
 * only). The first account, the office's head, also runs the platform (the console's „Betrieb“).
 */
export function secretsEnv(secrets: PlatformSecrets): Record<string, string> {
  return {
    JWT_SECRET: secrets.jwtSecret,
    LINK_TOKEN_SECRET: secrets.linkTokenSecret,
    METRICS_TOKEN: secrets.metricsToken,
    STAFF_BOOTSTRAP: JSON.stringify(secrets.staff),
    STAFF_OPERATIONS: secrets.staff[0]?.email ?? '',
  };
}

/**
 * A developer's secrets for `npm start`, kept in a git-ignored file so that tokens and sealed links
 * stay valid across restarts. `created` tells the caller to show the staff passwords (once).
 */
export function loadOrCreateSecrets(file: string): { secrets: PlatformSecrets; created: boolean } {
  if (existsSync(file)) {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as KeptSecrets;
    if (kept.metricsToken) return { secrets: { ...kept, metricsToken: kept.metricsToken }, created: false };
    // Kept from before the metrics came: the token is added, the rest stays as it was.
    const secrets = { ...kept, metricsToken: newMetricsToken() };
    writeSecrets(file, secrets);
    return { secrets, created: false };
  }
  const secrets = newPlatformSecrets();
  writeSecrets(file, secrets);
  return { secrets, created: true };
}

/** A file written before the metrics came has no metrics token. */
type KeptSecrets = Omit<PlatformSecrets, 'metricsToken'> & { metricsToken?: string };

function writeSecrets(file: string, secrets: PlatformSecrets): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
}

function newMetricsToken(): string {
  return randomBytes(32).toString('base64url');
}
