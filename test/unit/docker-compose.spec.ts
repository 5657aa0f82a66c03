import { validateConfig } from '@ic/platform';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { GatewayEnv } from '../../services/gateway/src/gateway.env';
import { SERVICE_NODE_FLAGS } from '../../scripts/lib/platform-runner';
import { declaredVariables, envClasses } from './service-env-classes';

/**
 * No Docker engine runs where the tests run, so docker-compose.yml and the Dockerfile are checked
 * here against the config classes the services validate their environment with at boot.
 */

const serviceNames = Object.keys(envClasses) as (keyof typeof envClasses)[];

type PortSpec = string | number | { target?: number | string; published?: number | string; host_ip?: string };

interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string; args?: Record<string, unknown> | string[] };
  environment?: Record<string, unknown> | string[];
  ports?: PortSpec[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[] };
  restart?: string;
}

interface ComposeFile {
  services: Record<string, ComposeService>;
}

const root = join(__dirname, '..', '..');
// Compose resolves `<<` merge keys (YAML 1.1); the yaml package does so only when asked.
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as ComposeFile;
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');

function service(name: string): ComposeService {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
}

/** `KEY: value` maps and `KEY=value` lists both occur in compose files. */
function entries(value: Record<string, unknown> | string[] | undefined): Record<string, unknown> {
  if (!value) return {};
  if (!Array.isArray(value)) return value;
  return Object.fromEntries(
    value.map((item) => {
      const at = item.indexOf('=');
      return at < 0 ? [item, null] : [item.slice(0, at), item.slice(at + 1)];
    }),
  );
}

/** What a person would put into .env for `docker compose up`: valid, but only examples. */
const EXAMPLE_SHELL_ENV: Readonly<Record<string, string>> = {
  JWT_SECRET: 'an-example-secret-of-more-than-32-characters',
  LINK_TOKEN_SECRET: Buffer.alloc(32, 1).toString('base64'),
  METRICS_TOKEN: Buffer.alloc(32, 2).toString('base64'),
  STAFF_BOOTSTRAP: '[{"email":"office@example.org","name":"Office","password":"example"}]',
};

/** Compose's variable interpolation: ${NAME}, ${NAME:-default}, ${NAME:?error}. */
function interpolate(value: string): string {
  return value.replace(
    /\$\{([A-Z_][A-Z0-9_]*)(?::([-?])([^}]*))?\}/g,
    (_all, name: string, kind?: string, rest?: string) => {
      const given = EXAMPLE_SHELL_ENV[name];
      if (given !== undefined && given !== '') return given;
      if (kind === '-') return rest ?? '';
      throw new Error(`\${${name}} has no value in the example shell environment of this test`);
    },
  );
}

/** The environment a container gets: compose passes strings and numbers as strings, nothing else. */
function environmentOf(name: string): Record<string, string> {
  const env = Object.fromEntries(
    Object.entries(entries(service(name).environment)).map(([key, value]) => [
      key,
      typeof value === 'string' ? interpolate(value) : value,
    ]),
  );
  const wrong = Object.entries(env).filter(
    ([, value]) => typeof value !== 'string' && typeof value !== 'number',
  );
  if (wrong.length > 0) {
    throw new Error(
      `${name}: environment values must be strings or numbers (quote them), not ${wrong
        .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
        .join(', ')}`,
    );
  }
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, String(value)]));
}

/** Host IP, host port and container port of a `ports` entry, short or long syntax. */
function parsePort(spec: PortSpec): { hostIp?: string; published?: string; target: string } {
  if (typeof spec === 'object') {
    return { hostIp: spec.host_ip, published: spec.published?.toString(), target: String(spec.target) };
  }
  const parts = String(spec)
    .replace(/\/(tcp|udp)$/, '')
    .split(':');
  const target = parts.pop()!;
  const published = parts.pop();
  return { hostIp: parts.join(':') || undefined, published, target };
}

function dependsOn(name: string): Record<string, string | undefined> {
  const deps = service(name).depends_on ?? {};
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((dep) => [dep, undefined]));
  return Object.fromEntries(Object.entries(deps).map(([dep, spec]) => [dep, spec.condition]));
}

/** A Dockerfile instruction with its continuation lines joined, as Docker reads it. */
function dockerfileInstruction(keyword: string): string | undefined {
  const joined = dockerfile.replace(/\\\r?\n/g, '');
  return joined.split(/\r?\n/).find((line) => line.trimStart().toUpperCase().startsWith(`${keyword} `));
}

describe('docker-compose.yml', () => {
  it('builds exactly the six services from the repository Dockerfile', () => {
    const built = Object.entries(compose.services)
      .filter(([, spec]) => spec.build !== undefined)
      .map(([name]) => name);
    expect(built.sort()).toEqual([...serviceNames].sort());
  });

  it.each(serviceNames)('builds %s from the Dockerfile with SERVICE set to its name', (name) => {
    const { build } = service(name);
    expect(build).toEqual(expect.objectContaining({ context: '.' }));
    const spec = build as Exclude<ComposeService['build'], string | undefined>;
    expect(spec.dockerfile ?? 'Dockerfile').toBe('Dockerfile');
    expect(entries(spec.args)).toEqual({ SERVICE: name });
    expect(existsSync(join(root, 'services', name, 'src', 'main.ts'))).toBe(true);
  });

  it.each(serviceNames)('sets only variables that the config class of %s declares', (name) => {
    const declared = declaredVariables(envClasses[name]);
    const unknown = Object.keys(environmentOf(name))
      .filter((variable) => !declared.has(variable))
      .map((variable) => `${name}: ${variable} is not declared by ${envClasses[name].name}`);
    expect(unknown).toEqual([]);
  });

  it.each(serviceNames)('gives %s an environment its config class accepts', (name) => {
    expect(() => validateConfig(envClasses[name], environmentOf(name))).not.toThrow();
  });

  it.each(serviceNames)('has %s listen on 0.0.0.0 and on the port it is checked and published on', (name) => {
    const env = environmentOf(name);
    expect(env.HTTP_HOST).toBe('0.0.0.0');
    // Set explicitly: the image's health check and the published port rely on it.
    expect(env.HTTP_PORT).toMatch(/^\d+$/);
    const ports = (service(name).ports ?? []).map(parsePort);
    for (const port of ports) {
      expect({ service: name, containerPort: port.target }).toEqual({
        service: name,
        containerPort: env.HTTP_PORT,
      });
    }
    const healthcheck = service(name).healthcheck?.test;
    const check =
      healthcheck === undefined ? dockerfileInstruction('HEALTHCHECK') : [healthcheck].flat().join(' ');
    expect(check).toContain('/health/ready');
    expect(check).toMatch(new RegExp(`HTTP_PORT|:${env.HTTP_PORT}\\b`));
  });

  it('publishes only the gateway of the six services, and only on 127.0.0.1', () => {
    const published = serviceNames.filter((name) => (service(name).ports ?? []).length > 0);
    expect(published).toEqual(['gateway']);
    for (const [name, spec] of Object.entries(compose.services)) {
      for (const port of (spec.ports ?? []).map(parsePort)) {
        expect({ service: name, port: port.published, hostIp: port.hostIp }).toEqual({
          service: name,
          port: port.published,
          hostIp: '127.0.0.1',
        });
      }
    }
  });

  it.each(serviceNames)('points %s at the Kafka listener for containers and at the mongo service', (name) => {
    const env = environmentOf(name);
    const advertised = String(entries(service('kafka').environment).KAFKA_ADVERTISED_LISTENERS)
      .split(',')
      .map((listener) => listener.replace(/^[A-Z_]+:\/\//, ''));
    // The defaults (127.0.0.1) would point inside the service's own container.
    expect(env).toHaveProperty('KAFKA_BROKERS');
    for (const broker of env.KAFKA_BROKERS.split(',')) {
      expect(advertised).toContain(broker.trim());
    }
    if (env.MONGODB_URI !== undefined || 'mongo' in dependsOn(name)) {
      expect(env).toHaveProperty('MONGODB_URI');
      expect(new URL(env.MONGODB_URI).hostname).toBe('mongo');
    }
  });

  it.each(serviceNames)('starts %s once what it connects to is healthy, and restarts it', (name) => {
    const deps = dependsOn(name);
    expect(deps.kafka).toBe('service_healthy');
    if (entries(service(name).environment).MONGODB_URI !== undefined) {
      expect(deps.mongo).toBe('service_healthy');
    }
    expect(service(name).restart).toBe('unless-stopped');
  });

  it('runs Kafka 3.9 in KRaft mode without automatic topic creation', () => {
    const kafka = service('kafka');
    expect(kafka.image).toMatch(/^apache\/kafka:3\.9\./);
    const env = entries(kafka.environment);
    expect(env.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    expect(env.KAFKA_AUTO_CREATE_TOPICS_ENABLE).toBe('false');
    expect(kafka.healthcheck?.test).toBeDefined();
  });

  it('runs MongoDB 8 with a health check', () => {
    const mongo = service('mongo');
    expect(mongo.image).toMatch(/^mongo:8(\.|$)/);
    expect([mongo.healthcheck?.test].flat().join(' ')).toContain('ping');
  });
});

describe('Dockerfile', () => {
  it('runs the service named by SERVICE as the non-root node user in production mode', () => {
    expect(dockerfile).toMatch(/^FROM node:24-bookworm-slim\b/m);
    expect(dockerfile).toMatch(/^ARG SERVICE$/m);
    expect(dockerfile).toMatch(/^ENV SERVICE=\$SERVICE$/m);
    expect(dockerfile).toMatch(/^ENV NODE_ENV=production\b/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfileInstruction('CMD')).toContain('dist/services/$SERVICE/src/main.js');
  });

  it('runs the service with the Node flags it runs with everywhere else', () => {
    expect(dockerfileInstruction('CMD')).toContain(
      `node ${SERVICE_NODE_FLAGS.join(' ')} dist/services/$SERVICE/src/main.js`,
    );
  });

  it('builds the web app and puts it where the gateway looks by default (web/dist beside dist/)', () => {
    expect(dockerfile).toMatch(/^COPY web \.\/web$/m);
    expect(dockerfile).toMatch(/^COPY --from=build \/app\/web\/dist \.\/web\/dist$/m);
    expect(new GatewayEnv().WEB_DIST_DIR).toBe(join(root, 'web', 'dist'));
  });
});
