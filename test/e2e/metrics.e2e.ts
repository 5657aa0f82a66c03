import { ServiceName } from '@ic/contracts';
import { KafkaConnection } from '@ic/messaging';
import { randomUUID } from 'node:crypto';
import {
  MetricSample,
  readMetrics,
  samplesOf,
  sumOf,
} from '../../libs/platform/src/metrics/testing/read-metrics';
import { e2eSecrets } from '../support/e2e-platform';
import { eventually } from '../support/eventually';
import { GatewayTestBed } from '../support/gateway-test-bed';
import { openLoungeBody } from '../support/open-lounge';
import { testInfrastructure, uniqueSuffix } from '../support/test-infrastructure';

type Scrape = ReadonlyMap<ServiceName, MetricSample[]>;

/**
 * What an operator's Prometheus sees: every service's `/metrics` on its own port, before and after
 * one registration through the gateway.
 */
describe('Metrics: /metrics on every service', () => {
  const bed = GatewayTestBed.forThisFile();
  const run = uniqueSuffix();

  const scrape = async (token: string | undefined = e2eSecrets.metricsToken): Promise<Scrape> => {
    const scraped = new Map<ServiceName, MetricSample[]>();
    for (const service of bed.platform.running()) {
      const response = await fetch(`${service.url}/metrics`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      if (response.status !== 200) throw new Error(`${service.name}/metrics: ${response.status}`);
      scraped.set(service.name, readMetrics(await response.text()));
    }
    return scraped;
  };
  const of = (scraped: Scrape, service: ServiceName) => scraped.get(service) ?? [];

  it('shows the counters a registration moved and the lag and outbox gauges of each service', async () => {
    const { client, staff } = bed;
    const member = await client.newMember(staff, {
      salutation: 'Herr',
      officeTitle: 'Bürgermeister',
      firstName: 'Max',
      lastName: `Messwert ${run}`,
      email: `messwert.${run}@e2e-metrics.example`,
      organisation: 'Stadt Ulm',
      sector: 'Kommune',
      federalState: 'BW',
      municipality: { name: 'Ulm', ags: '08421000', population: 128_000 },
      themes: ['Digitalisierung'],
    });
    const lounge = await client.publishEvent<{ eventId: string; status: string }>(
      staff,
      'lounges',
      openLoungeBody({
        title: `Innovators Lounge ${run}: Messwerte`,
        description: 'Die Lounge der Messwerte.',
        topic: 'Was die Plattform misst',
        capacity: 5,
      }),
      'registration-open',
    );
    const before = await scrape();

    const registered = await client.call<{ status: string }>(
      'POST',
      `/events/${lounge.eventId}/registrations`,
      {
        token: member.token,
        body: {},
        headers: { 'Idempotency-Key': randomUUID() },
      },
    );
    expect(registered.status).toBe(201);
    expect(registered.body.status).toBe('confirmed');
    await eventually(async () => {
      const subjects = (await client.mail.mailsTo(member.email)).map((mail) => mail.subject);
      expect(subjects.some((subject) => /Anmeldung/.test(subject))).toBe(true);
    }, 60_000);

    const after = await eventually(async () => {
      const scraped = await scrape();
      const moved = (service: ServiceName, name: string, labels: Record<string, string>) =>
        sumOf(of(scraped, service), name, labels) - sumOf(of(before, service), name, labels);
      expect(moved('registrations', 'ic_seat_decisions_total', { decision: 'confirmed' })).toBe(1);
      expect(
        moved('notifications', 'ic_mails_total', { kind: 'registration-confirmed', outcome: 'sent' }),
      ).toBeGreaterThanOrEqual(1);
      // The lag is read at most every 5 s: the first figure of the topic the mail came from is a scrape later.
      const lagTopics = samplesOf(of(scraped, 'notifications'), 'ic_kafka_consumer_lag', {
        group: 'notifications.events',
      }).map((sample) => sample.labels.topic);
      expect(lagTopics).toContain('ic.registrations.v1');
      return scraped;
    }, 30_000);
    const moved = (service: ServiceName, name: string, labels: Record<string, string>) =>
      sumOf(of(after, service), name, labels) - sumOf(of(before, service), name, labels);

    const registerRoute = samplesOf(of(after, 'gateway'), 'ic_http_request_duration_seconds_count', {
      method: 'POST',
      status: '201',
    }).find((sample) => sample.labels.route.endsWith('/events/:eventId/registrations'));
    expect(registerRoute?.labels).toMatchObject({ service: 'gateway' });
    expect(
      moved('gateway', 'ic_http_request_duration_seconds_count', {
        method: 'POST',
        route: registerRoute!.labels.route,
        status: '201',
      }),
    ).toBe(1);
    expect(
      moved('gateway', 'ic_gateway_request_duration_seconds_count', {
        topic: 'ic.registrations.requests',
        operation: 'registrations.registrations.register',
        outcome: 'ok',
      }),
    ).toBe(1);

    for (const service of [
      'gateway',
      'membership',
      'events',
      'registrations',
      'notifications',
      'analytics',
    ] as const) {
      const samples = of(after, service);
      // The platform's start polls each service's readiness: its HTTP histogram has counts.
      expect(
        sumOf(samples, 'ic_http_request_duration_seconds_count', { route: '/health/ready' }),
      ).toBeGreaterThan(0);
      expect(samplesOf(samples, 'process_resident_memory_bytes', { service })).toHaveLength(1);
      expect(samplesOf(samples, 'ic_kafka_consumer_lag', { service }).length).toBeGreaterThan(0);
    }
    const lagOf = (service: ServiceName, group: string) =>
      samplesOf(of(after, service), 'ic_kafka_consumer_lag', { group }).map((sample) => sample.labels.topic);
    expect(lagOf('registrations', 'registrations.events')).toContain('ic.events.v1');
    expect(lagOf('registrations', 'registrations.requests')).toContain('ic.registrations.requests');

    for (const service of ['membership', 'events', 'registrations', 'notifications'] as const) {
      const backlog = samplesOf(of(after, service), 'ic_outbox_backlog_events');
      const oldest = samplesOf(of(after, service), 'ic_outbox_oldest_unpublished_age_seconds');
      expect(backlog.length).toBeGreaterThan(0);
      expect(oldest.map((sample) => sample.labels.collection)).toEqual(
        backlog.map((sample) => sample.labels.collection),
      );
    }
    process.stdout.write(
      `metrics after one registration: ${[...after].map(([service, samples]) => `${service} ${samples.length} samples`).join(', ')}\n`,
    );
  }, 180_000);

  it('counts a message that goes to a dead-letter topic', async () => {
    const before = await scrape();
    const infra = testInfrastructure();
    const kafka = new KafkaConnection({
      clientId: `metrics-e2e-${run}`,
      brokers: infra.kafkaBrokers,
      sessionTimeoutMs: 10_000,
    });
    try {
      // A request without the request headers cannot be read: it goes to ic.analytics.requests.dlt at once.
      await kafka.send('ic.analytics.requests', [{ key: run, value: '{}', headers: {} }]);
    } finally {
      await kafka.disconnect();
    }

    await eventually(async () => {
      const after = await scrape();
      const labels = { topic: 'ic.analytics.requests', reason: 'unparseable', group: 'analytics.requests' };
      expect(
        sumOf(of(after, 'analytics'), 'ic_dead_lettered_messages_total', labels) -
          sumOf(of(before, 'analytics'), 'ic_dead_lettered_messages_total', labels),
      ).toBe(1);
    }, 30_000);
  });

  it("keeps the gateway's metrics to the metrics token, and off the API", async () => {
    const gateway = bed.platform.gatewayUrl;

    const without = await fetch(`${gateway}/metrics`);
    const wrong = await fetch(`${gateway}/metrics`, { headers: { authorization: 'Bearer not-the-token' } });
    const throughApi = await fetch(`${gateway}/api/v1/metrics`, {
      headers: { authorization: `Bearer ${e2eSecrets.metricsToken}` },
    });

    expect(without.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(throughApi.status).toBe(404);
    expect(await throughApi.text()).not.toContain('ic_http_request_duration_seconds');
  });
});
