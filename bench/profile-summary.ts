/**
 * `npx tsx bench/profile-summary.ts <file.cpuprofile> [from-s] [to-s]`: where a service's CPU went,
 * without a GUI. Prints the busy share of every second since the profile began (to find the rush
 * in it), then the busy time of the window [from-s, to-s) by package, by file and by function (self
 * time: the frame on top of the stack). A BENCH_PROFILE profile begins when the service is
 * restarted before the warm-up, so the rush is the second busy stretch.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const TOP = 25;
const IDLE = '(idle)';

function main(): void {
  const [file, from = '0', to = 'Infinity'] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [from-s] [to-s]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const busyPerSecond = new Map<number, number>();
  const selfTime = new Map<number, number>();
  let elapsed = 0;
  profile.samples.forEach((nodeId, index) => {
    elapsed += profile.timeDeltas[index];
    const seconds = elapsed / 1e6;
    const idle = frames.get(nodeId)?.functionName === IDLE;
    if (!idle)
      busyPerSecond.set(
        Math.floor(seconds),
        (busyPerSecond.get(Math.floor(seconds)) ?? 0) + profile.timeDeltas[index],
      );
    if (!idle && seconds >= Number(from) && seconds < Number(to))
      selfTime.set(nodeId, (selfTime.get(nodeId) ?? 0) + profile.timeDeltas[index]);
  });
  console.log(
    'busy per second (s:%):',
    [...busyPerSecond].map(([second, micros]) => `${second}:${Math.round(micros / 1e4)}`).join(' '),
  );
  const busy = [...selfTime.values()].reduce((sum, micros) => sum + micros, 0);
  console.log(`\nbusy ${(busy / 1e3).toFixed(0)} ms in [${from}, ${to}) s`);
  const groupings: [string, (frame: ProfileNode['callFrame']) => string][] = [
    [
      'package',
      (frame) =>
        packageOf(frame.url) ?? (frame.url ? 'own code and node' : frame.functionName || '(anonymous)'),
    ],
    ['file', (frame) => shortUrl(frame.url) || frame.functionName],
    [
      'function',
      (frame) => `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`,
    ],
  ];
  for (const [title, keyOf] of groupings) {
    const totals = new Map<string, number>();
    for (const [nodeId, micros] of selfTime) {
      const key = keyOf(frames.get(nodeId)!);
      totals.set(key, (totals.get(key) ?? 0) + micros);
    }
    console.log(`\nby ${title}:`);
    for (const [key, micros] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, TOP))
      console.log(
        `${((100 * micros) / busy).toFixed(1).padStart(6)} % ${(micros / 1e3).toFixed(0).padStart(6)} ms  ${key}`,
      );
  }
}

function packageOf(url: string): string | undefined {
  return /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
}

function shortUrl(url: string): string {
  return /node_modules\/(.*)$/.exec(url)?.[1] ?? /\/dist\/(.*)$/.exec(url)?.[1] ?? url.replace(/^node:/, '');
}

main();
