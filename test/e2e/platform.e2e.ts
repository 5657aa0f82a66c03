import { RequestHandlingServices, ServiceNames } from '@ic/contracts';
import { PlatformRunner } from '../../scripts/lib/platform-runner';
import { e2ePlatform } from '../support/e2e-platform';
import { eventually } from '../support/eventually';

interface ServiceStatus {
  service: string;
  status: string;
  version?: string;
  latencyMs: number;
  dependencies?: Record<string, { ok: boolean }>;
  error?: string;
}

/** The foundation as a web client sees it: status through Kafka, API docs, errors, restarts. */
describe('Platform through the gateway', () => {
  let platform: PlatformRunner;
  let api: string;

  beforeAll(async () => {
    platform = e2ePlatform();
    await platform.start();
    api = `${platform.gatewayUrl}/api/v1`;
  });

  afterAll(async () => {
    await platform.stop();
  });

  it('reports all six services healthy, each asked over Kafka', async () => {
    const response = await fetch(`${api}/status`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; services: ServiceStatus[] };
    expect(body.status).toBe('ok');
    expect(body.services.map((service) => service.service).sort()).toEqual([...ServiceNames].sort());
    for (const service of body.services) {
      expect(service).toMatchObject({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
      expect(service.latencyMs).toBeGreaterThanOrEqual(0);
    }
    const membership = body.services.find((service) => service.service === 'membership');
    expect(membership?.dependencies).toMatchObject({
      mongodb: { ok: true },
      kafka: { ok: true },
      'kafka-consumers': { ok: true },
    });
  });

  it('serves the OpenAPI document and the browsable docs', async () => {
    const document = (await (await fetch(`${platform.gatewayUrl}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/status', '/api/v1/status/{service}']),
    );
    const docs = await fetch(`${platform.gatewayUrl}/api/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger-ui');
  });

  it('answers an unknown path with problem+json carrying the correlation id the client sent', async () => {
    const response = await fetch(`${api}/does-not-exist`, {
      headers: { 'x-correlation-id': 'e2e-corr-0001' },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.headers.get('x-correlation-id')).toBe('e2e-corr-0001');
    expect(await response.json()).toMatchObject({
      status: 404,
      title: 'Nicht gefunden',
      correlationId: 'e2e-corr-0001',
    });
  });

  it('names an unknown service in a 404 problem', async () => {
    const response = await fetch(`${api}/status/billing`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { detail: string }).detail).toContain('„billing“');
  });

  it('refuses malformed JSON with a 400 problem', async () => {
    const response = await fetch(`${api}/auth/sign-in-links`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"broken":',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses a body nested 4,000 levels deep and a corrupt gzip body with 400 problems, anonymously', async () => {
    const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
      fetch(`${api}/auth/sign-in-links`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
    const nested = await post(`{"email":${'['.repeat(4000)}${']'.repeat(4000)}}`);
    expect(nested.status).toBe(400);
    expect(((await nested.json()) as { detail: string }).detail).toContain('zu tief verschachtelt');
    const corrupt = await post(Buffer.from('kein gzip'), { 'content-encoding': 'gzip' });
    expect(corrupt.status).toBe(400);
    expect(((await corrupt.json()) as { detail: string }).detail).toContain('„gzip“');
    const unknown = await post(Buffer.from('{}'), { 'content-encoding': 'compress' });
    expect(unknown.status).toBe(415);
  });

  it('answers with its security headers, and lets no cache keep an API answer', async () => {
    const status = await fetch(`${api}/status`);
    expect(status.headers.get('x-content-type-options')).toBe('nosniff');
    expect(status.headers.get('cache-control')).toBe('no-store');
    expect(status.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const docs = await fetch(`${platform.gatewayUrl}/api/docs`);
    expect(docs.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(docs.headers.get('x-frame-options')).toBe('DENY');
  });

  it('serves live and ready health on every service', async () => {
    for (const service of platform.running()) {
      expect((await fetch(`${service.url}/health/live`)).status).toBe(200);
      const ready = await fetch(`${service.url}/health/ready`);
      expect(ready.status).toBe(200);
    }
  });

  it('shows a killed service as unreachable, and healthy again after its restart', async () => {
    await platform.kill('events');
    const down = (await (await fetch(`${api}/status/events`)).json()) as ServiceStatus;
    expect(down.status).toBe('unreachable');
    expect(down.error).toContain('„events“');
    const others = (await (await fetch(`${api}/status`)).json()) as { services: ServiceStatus[] };
    for (const name of RequestHandlingServices.filter((service) => service !== 'events')) {
      expect(others.services.find((service) => service.service === name)?.status).toBe('ok');
    }

    await platform.restart('events');
    await eventually(async () => {
      const up = (await (await fetch(`${api}/status/events`)).json()) as ServiceStatus;
      expect(up.status).toBe('ok');
    }, 60_000);
  });
});
