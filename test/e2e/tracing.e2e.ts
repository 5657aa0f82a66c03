import { PlatformRunner } from '../../scripts/lib/platform-runner';
import { E2eClient, SignedInMember } from '../support/e2e-client';
import { e2ePlatform } from '../support/e2e-platform';
import { eventually } from '../support/eventually';
import { openLoungeBody } from '../support/open-lounge';
import { OtlpReceiver, ReceivedSpan } from '../support/otlp-receiver';
import { testInfrastructure, uniqueSuffix } from '../support/test-infrastructure';

const SERVER = 2;
const CLIENT = 3;
const PRODUCER = 4;
const CONSUMER = 5;
const ERROR = 2;

/**
 * Item 1 of issue 17: one registration through the gateway is one trace, from the HTTP request to
 * the mail handed to the SMTP server, as an operator sees it in the trace viewer. The platform
 * exports to a real OTLP/HTTP endpoint (OtlpReceiver); the trace context crosses Kafka in the
 * request and reply headers and, on the events, as the CloudEvents distributed-tracing extension
 * stored with each event in its outbox.
 */
describe('Tracing: one registration, one trace from the gateway to the mail', () => {
  const receiver = new OtlpReceiver();
  const run = uniqueSuffix();
  let platform: PlatformRunner;
  let client: E2eClient;
  let staff: string;
  let member: SignedInMember;

  beforeAll(async () => {
    const endpoint = await receiver.start();
    platform = e2ePlatform({
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_BSP_SCHEDULE_DELAY: '200' },
    });
    await platform.start();
    client = new E2eClient(platform.gatewayUrl, testInfrastructure().mailSinkUrl);
    staff = await client.staffLogin(0);
    member = await client.newMember(staff, {
      salutation: 'Frau',
      firstName: 'Tara',
      lastName: 'Spur',
      email: `tara@${run}.e2e-tracing.example`,
      organisation: 'Stadt Ulm',
      sector: 'Wissenschaft',
      federalState: 'BW',
      themes: ['Bildung'],
    });
  });

  afterAll(async () => {
    await platform?.stop();
    await receiver.stop();
  });

  it('has spans of the gateway, registrations, notifications and the SMTP send, all of one trace id', async () => {
    const title = `Innovators Lounge ${run}: Spuren lesen`;
    const lounge = await client.publishEvent<{ eventId: string; status: string }>(
      staff,
      'lounges',
      openLoungeBody({ title, description: 'Eine Spur.', topic: 'Tracing', capacity: 5 }),
      'registration-open',
    );

    const registered = await client.callRetrying<{ status: string }>(
      'POST',
      `/events/${lounge.eventId}/registrations`,
      { token: member.token, body: {} },
    );
    expect(registered.status).toBe(201);
    expect(registered.body.status).toBe('confirmed');
    const correlationId = registered.headers.get('x-correlation-id');
    expect(correlationId).toBeTruthy();

    const mail = await eventually(async () => {
      const mails = await client.mailsTo(member.email);
      const confirmation = mails.find((candidate) => candidate.subject.includes(title));
      if (!confirmation) throw new Error(`no confirmation among ${mails.length} mails yet`);
      return confirmation;
    }, 60_000);

    // The gateway's request to the registrations service names the HTTP request's correlation id.
    const request = await eventually(() => {
      const found = receiver.received.find(
        (span) =>
          span.kind === CLIENT &&
          span.attributes['ic.correlation_id'] === correlationId &&
          span.attributes['messaging.destination.name'] === 'ic.registrations.requests',
      );
      if (!found) throw new Error(`no request span of ${correlationId} among ${receiver.received.length}`);
      return found;
    }, 30_000);

    const trace = await eventually(() => {
      const spans = receiver.traceOf(request.traceId);
      const smtp = spans.find((span) => span.service === 'notifications' && span.name === 'smtp send');
      if (!smtp) throw new Error(`no SMTP span in the trace yet (${spans.length} spans)`);
      return spans;
    }, 30_000);

    const spansOf = (service: string) => trace.filter((span) => span.service === service);
    const httpRequest = spansOf('gateway').find((span) => span.kind === SERVER && !span.parentSpanId);
    const handler = spansOf('registrations').find((span) => span.kind === SERVER);
    const published = spansOf('registrations').find(
      (span) => span.kind === PRODUCER && span.name === 'send ic.registrations.v1',
    );
    const processed = spansOf('notifications').find(
      (span) => span.kind === CONSUMER && span.name === 'process ic.registrations.v1',
    );
    const smtp = spansOf('notifications').find((span) => span.name === 'smtp send');

    expect(httpRequest).toBeDefined();
    expect(handler).toBeDefined();
    expect(published).toBeDefined();
    expect(processed).toBeDefined();
    expect(smtp).toMatchObject({ kind: CLIENT, attributes: { 'smtp.message_id': mail.messageId } });
    expect(smtp!.statusCode).not.toBe(ERROR);
    // The registration's own queries are in the trace too (the MongoDB instrumentation).
    expect(
      spansOf('registrations').some(
        (span) =>
          span.attributes['db.system'] === 'mongodb' || span.attributes['db.system.name'] === 'mongodb',
      ),
    ).toBe(true);
    // One tree: the mail's span leads up, parent by parent, to the gateway's HTTP request.
    expect(ancestorsOf(smtp!, trace).map((span) => `${span.service}: ${span.name}`)).toEqual(
      expect.arrayContaining([
        `notifications: process ic.registrations.v1`,
        `registrations: ${handler!.name}`,
        `gateway: ${request.name}`,
        `gateway: ${httpRequest!.name}`,
      ]),
    );
    expect(ancestorsOf(smtp!, trace).at(-1)).toBe(httpRequest);
    expect(new Set(trace.map((span) => span.traceId))).toEqual(new Set([request.traceId]));

    const services = [...new Set(trace.map((span) => span.service))].sort();
    process.stdout.write(
      `[tracing] trace ${request.traceId}: ${trace.length} spans from ${services
        .map((service) => `${service} (${spansOf(service).length})`)
        .join(', ')}; HTTP request to mail sent: ${smtp!.endMs - httpRequest!.startMs} ms\n`,
    );
  });
});

/** The span's parents, nearest first, as far as they are in the trace. */
function ancestorsOf(span: ReceivedSpan, trace: readonly ReceivedSpan[]): ReceivedSpan[] {
  const ancestors: ReceivedSpan[] = [];
  for (let parent = parentOf(span, trace); parent; parent = parentOf(parent, trace)) ancestors.push(parent);
  return ancestors;
}

function parentOf(span: ReceivedSpan, trace: readonly ReceivedSpan[]): ReceivedSpan | undefined {
  return span.parentSpanId ? trace.find((candidate) => candidate.spanId === span.parentSpanId) : undefined;
}
