import { Controller, Get, INestApplication, Module, Param } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ServiceEnv } from '../config/service-env';
import { ProblemDetailsFilter } from '../http/problem-details.filter';
import { ServiceCoreModule } from '../service-core.module';
import { readMetrics, samplesOf, sumOf } from './testing/read-metrics';

@Controller('things')
class ThingsController {
  @Get(':thingId')
  thing(@Param('thingId') thingId: string): { thingId: string } {
    return { thingId };
  }
}

const TOKEN = 'a-metrics-token-of-at-least-32-characters';

async function serviceWith(env: Record<string, string>, publicPort = false): Promise<INestApplication> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    @Module({
      imports: [ServiceCoreModule.forService({ name: 'probe', env: ServiceEnv, publicPort })],
      controllers: [ThingsController],
    })
    class ProbeModule {}
    const app = await NestFactory.create(ProbeModule, { logger: false });
    app.useGlobalFilters(new ProblemDetailsFilter({}));
    await app.listen(0, '127.0.0.1');
    return app;
  } finally {
    process.env = saved;
  }
}

async function get(app: INestApplication, path: string, token?: string): Promise<Response> {
  return fetch(`${await app.getUrl()}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

describe('/metrics of a service', () => {
  describe('on an internal port without METRICS_TOKEN', () => {
    let sut: INestApplication;
    beforeAll(async () => {
      sut = await serviceWith({});
    });
    afterAll(() => sut.close());

    it("times requests by their route's template, not their path, with the service's label", async () => {
      await get(sut, '/things/42');
      await get(sut, '/things/43');
      await get(sut, '/nothing/here');

      const response = await get(sut, '/metrics');
      const text = await response.text();
      const samples = readMetrics(text);

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain;.* version=0\.0\.4/);
      const count = 'ic_http_request_duration_seconds_count';
      const get200 = { service: 'probe', method: 'GET', status: '200' };
      expect(sumOf(samples, count, { ...get200, route: '/things/:thingId' })).toBe(2);
      expect(sumOf(samples, count, { service: 'probe', route: 'unmatched', status: '404' })).toBe(1);
      expect(text).not.toContain('/things/42');
    });

    it("has Node's default metrics with the service's label", async () => {
      const samples = readMetrics(await (await get(sut, '/metrics')).text());

      expect(samplesOf(samples, 'process_cpu_user_seconds_total', { service: 'probe' })).toHaveLength(1);
      expect(samplesOf(samples, 'nodejs_eventloop_lag_p99_seconds', { service: 'probe' })).toHaveLength(1);
    });
  });

  describe('with METRICS_TOKEN', () => {
    let sut: INestApplication;
    beforeAll(async () => {
      sut = await serviceWith({ METRICS_TOKEN: TOKEN });
    });
    afterAll(() => sut.close());

    it('answers only the token as a bearer token', async () => {
      const without = await get(sut, '/metrics');
      const wrong = await get(sut, '/metrics', `${TOKEN.slice(1)}x`);
      const right = await get(sut, '/metrics', TOKEN);

      expect(without.status).toBe(401);
      expect(without.headers.get('www-authenticate')).toBe('Bearer');
      expect(await without.json()).toMatchObject({
        status: 401,
        detail: expect.stringContaining('METRICS_TOKEN'),
      });
      expect(wrong.status).toBe(401);
      expect(right.status).toBe(200);
      expect(await right.text()).toContain('ic_http_request_duration_seconds_bucket');
    });
  });

  describe('on a public port (the gateway)', () => {
    it('serves no metrics without METRICS_TOKEN', async () => {
      const sut = await serviceWith({}, true);
      try {
        const response = await get(sut, '/metrics');

        expect(response.status).toBe(404);
        expect(await response.json()).toMatchObject({ detail: expect.stringContaining('METRICS_TOKEN') });
      } finally {
        await sut.close();
      }
    });

    it('serves them with the token', async () => {
      const sut = await serviceWith({ METRICS_TOKEN: TOKEN }, true);
      try {
        expect((await get(sut, '/metrics')).status).toBe(401);
        expect((await get(sut, '/metrics', TOKEN)).status).toBe(200);
      } finally {
        await sut.close();
      }
    });
  });
});
