import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Long enough for the consumers to have joined their groups and read what waited for them. */
const AFTER_START_MS = 5_000;

/**
 * Start-up (Nest's module graph, the compiled schemas, the first batches) leaves 20–30 MiB of garbage
 * that V8 keeps while a service idles: only allocation starts a collection. One full collection a few
 * seconds after start gives those pages back (idle RSS 124–157 MiB before, 102–125 MiB after; bench
 * README, "Footprint"). It runs once and costs one pause of some tens of milliseconds.
 */
export function collectStartUpGarbage(afterMs = AFTER_START_MS): void {
  setTimeout(collectGarbage, afterMs).unref();
}

type Gc = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

/**
 * Everything that can be collected, the young generation shrunk and free pages given back (V8's
 * "last resort" collection, as a heap snapshot makes), without starting the process with --expose-gc.
 */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as Gc)({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}
