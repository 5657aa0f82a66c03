import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateSecrets, newPlatformSecrets, secretsEnv } from './platform-secrets';

describe('loadOrCreateSecrets', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ic-secrets-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('adds a metrics token to secrets kept from before, keeping the rest, and keeps it from then on', () => {
    const file = join(dir, 'dev.json');
    const { jwtSecret, linkTokenSecret, staff } = newPlatformSecrets();
    const before = { jwtSecret, linkTokenSecret, staff };
    writeFileSync(file, JSON.stringify(before));

    const first = loadOrCreateSecrets(file);
    const second = loadOrCreateSecrets(file);

    expect(first.created).toBe(false);
    expect(first.secrets).toMatchObject(before);
    expect(first.secrets.metricsToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second.secrets).toEqual(first.secrets);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(first.secrets);
    expect(secretsEnv(second.secrets).METRICS_TOKEN).toBe(first.secrets.metricsToken);
  });
});
