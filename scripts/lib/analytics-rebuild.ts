import { AnalyticsRequests, CallerIdentity, RebuildProgressReply, RebuildSummaryReply } from '@ic/contracts';
import { RpcClient } from '@ic/messaging';
import { randomUUID } from 'node:crypto';

const POLL_MS = 1000;
/** The rebuild is asked for on behalf of the office; only the gateway and platform tools write request topics. */
const COMMAND: CallerIdentity = { subject: 'analytics-rebuild-command', roles: ['staff'] };

export interface RebuildListener {
  /** Once, when the analytics service has answered the request. */
  readonly started: (line: string) => void;
  /** Whenever the progress has changed since the last poll. */
  readonly progress: (line: string) => void;
}

/**
 * Asks the running analytics service to rebuild its projections from the beginning of every domain
 * topic (or follows the rebuild that is running already) and returns the figures once the rebuilt
 * generation is current. Used by `npm run analytics:rebuild` and the benchmark's replay.
 */
export async function rebuildAnalytics(
  rpc: RpcClient,
  listener: RebuildListener,
): Promise<RebuildSummaryReply> {
  const { started, rebuild } = await rpc.send(
    AnalyticsRequests.rebuild,
    {},
    { identity: COMMAND, idempotencyKey: randomUUID() },
  );
  listener.started(
    started
      ? `Rebuilding the analytics projections into generation ${rebuild.generation}: ${rebuild.total} events on ${rebuild.topics.length} topics.`
      : `A rebuild into generation ${rebuild.generation} is running already (asked for at ${rebuild.requestedAt}); following it.`,
  );
  let shown = '';
  for (;;) {
    const status = await rpc.send(AnalyticsRequests.status, {}, { identity: COMMAND });
    if (status.lastRebuild?.generation === rebuild.generation) return status.lastRebuild;
    if (status.rebuild?.generation === rebuild.generation) {
      const line = progressLine(status.rebuild);
      if (line !== shown) listener.progress(line);
      shown = line;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function progressLine(progress: RebuildProgressReply): string {
  const topics = progress.topics.map((topic) => `${topic.topic} ${topic.read}/${topic.total}`).join('  ');
  const percent = progress.total > 0 ? Math.floor((100 * progress.read) / progress.total) : 100;
  return `  ${topics}   ${progress.read}/${progress.total} (${percent} %)`;
}
