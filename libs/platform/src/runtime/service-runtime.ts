import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';

/** Who this process is: service name, instance id, platform version and start time. */
export class ServiceRuntime {
  readonly startedAt = new Date();

  constructor(
    readonly name: string,
    readonly instanceId: string,
    readonly version: string,
  ) {}

  static create(name: string, instanceId: string | undefined): ServiceRuntime {
    return new ServiceRuntime(name, instanceId ?? `${hostname()}-${process.pid}`, platformVersion());
  }

  get uptimeSeconds(): number {
    return Math.round((Date.now() - this.startedAt.getTime()) / 1000);
  }
}

/** The version in the repository's package.json, found from here in src/ and in dist/ alike. */
export function platformVersion(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'package.json');
    if (!existsSync(candidate)) continue;
    const manifest = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
    if (manifest.name === 'innovators-club-platform' && manifest.version) return manifest.version;
  }
  return '0.0.0-unknown';
}
