/**
 * `npm run traces -- <correlation id | trace id>`: one request's trace from the local trace viewer
 * (Jaeger), as a tree in the terminal: from the gateway's HTTP request through the services, Kafka
 * and the outbox to the mail handed to the SMTP server. A correlation id is what an answer
 * (X-Correlation-Id), a problem (correlationId) and every log line show. TRACE_VIEWER_URL names
 * another Jaeger (default: the one `npm start` runs).
 */
import { traceViewerPorts } from '@ic/infra';
import { JaegerTrace, renderTrace } from './lib/trace-tree';

const TRACE_ID = /^[0-9a-f]{32}$/;

async function main(): Promise<void> {
  const wanted = process.argv[2];
  if (!wanted) {
    console.error('usage: npm run traces -- <correlation id | trace id>');
    process.exit(2);
  }
  const viewer = process.env.TRACE_VIEWER_URL ?? `http://127.0.0.1:${traceViewerPorts().ui}`;
  const path = TRACE_ID.test(wanted)
    ? `/api/traces/${wanted}`
    : // The gateway's request spans name the HTTP request's correlation id.
      `/api/traces?service=gateway&limit=20&lookback=7d&tags=${encodeURIComponent(JSON.stringify({ 'ic.correlation_id': wanted }))}`;
  const response = await fetch(`${viewer}${path}`);
  if (!response.ok && response.status !== 404) throw new Error(`${viewer}${path}: HTTP ${response.status}`);
  const traces = response.ok ? (((await response.json()) as { data: JaegerTrace[] | null }).data ?? []) : [];
  if (traces.length === 0) {
    console.error(`No trace of ${wanted} at ${viewer} (the viewer keeps traces in memory since its start).`);
    process.exit(1);
  }
  for (const trace of traces) console.log(`${renderTrace(trace).join('\n')}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
