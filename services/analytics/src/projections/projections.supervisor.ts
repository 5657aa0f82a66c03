import { ContractRegistry, KafkaConnection } from '@ic/messaging';
import { Clock, describe, HealthRegistry } from '@ic/platform';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Generation } from './generation';
import { GenerationsRepository, GenerationState, RebuildRecord } from './generations.repository';
import { hasReadAll } from './progress';
import { ProjectionStream } from './projection-stream';
import { Projections } from './projections';
import { TopicPositions } from './topic-positions';

/** How often the state is checked: often while a rebuild runs (its end is measured), else now and then. */
const CHECK_WHILE_REBUILDING_MS = 200;
const CHECK_MS = 2_000;
/** Old generations are dropped this long after the switch, so that readers who started before it finish. */
const DROP_GRACE_MS = 10_000;
const CLEAN_UP_EVERY_MS = 30_000;

/**
 * Runs the projection streams each instance should run: the current generation's, and the next
 * one's while a rebuild fills it. When the next one has read every topic up to where it ended at
 * the request, it becomes current (one write, seen by every instance), the old stream stops and
 * its collections and consumer group are removed. Everything it decides from is in the database
 * and in Kafka, so a restart in the middle of a rebuild carries on where it was.
 */
@Injectable()
export class ProjectionsSupervisor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ProjectionsSupervisor.name);
  private readonly streams = new Map<number, ProjectionStream>();
  private running: Promise<void> = Promise.resolve();
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private lastCleanUp = 0;
  /** The generation a rebuild fills, as the last check found it. */
  private rebuilding?: number;

  constructor(
    private readonly kafka: KafkaConnection,
    private readonly registry: ContractRegistry,
    private readonly generations: GenerationsRepository,
    private readonly positions: TopicPositions,
    private readonly health: HealthRegistry,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.check();
    this.health.register('projections', async () => {
      const { current } = await this.generations.read();
      if (!this.streams.get(current)?.isJoined)
        throw new Error(`generation ${current} has not joined its group yet`);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await Promise.allSettled([...this.streams.values()].map((stream) => stream.stop()));
    this.streams.clear();
  }

  /** Checks at once (after a rebuild was asked for) instead of at the next tick. */
  check(): Promise<void> {
    this.running = this.running.then(() => this.reconcile());
    return this.running;
  }

  private async reconcile(): Promise<void> {
    if (this.stopped) return;
    clearTimeout(this.timer);
    let state: GenerationState | undefined;
    try {
      state = await this.generations.read();
      this.rebuilding = state.rebuild?.generation;
      await this.runStreamsOf(state);
      if (state.rebuild && (await this.hasCaughtUp(state.rebuild))) {
        state = await this.switchTo(state.rebuild);
        this.rebuilding = state.rebuild?.generation;
        await this.runStreamsOf(state);
      }
      await this.forgetErasedMembers(state);
      await this.cleanUp(state);
    } catch (error) {
      this.logger.warn(`Checking the projections failed: ${describe(error)}`);
    }
    if (this.stopped) return;
    const delay = state?.rebuild ? CHECK_WHILE_REBUILDING_MS : CHECK_MS;
    this.timer = setTimeout(() => void this.check(), delay);
  }

  private async runStreamsOf(state: GenerationState): Promise<void> {
    const wanted = new Set([state.current, ...(state.rebuild ? [state.rebuild.generation] : [])]);
    for (const [number, stream] of this.streams) {
      if (wanted.has(number)) continue;
      this.streams.delete(number);
      await stream.stop();
      this.logger.log(`Stopped reading into generation ${number}`);
    }
    for (const number of wanted) {
      if (this.streams.has(number)) continue;
      const stream = new ProjectionStream(
        this.kafka,
        this.registry,
        new Projections(this.generations.database, this.generations.generation(number)),
        () => this.readToEnd(number),
      );
      this.streams.set(number, stream);
      try {
        await stream.start();
        this.logger.log(`Reading every domain topic into generation ${number}`);
      } catch (error) {
        this.streams.delete(number);
        await stream.stop().catch(() => undefined);
        throw error;
      }
    }
  }

  /**
   * A rebuild's stream has just read every partition it has seen to its end: it may have caught
   * up, so check now instead of at the next tick (up to 200 ms, a few per cent of a replay).
   */
  private readToEnd(generation: number): void {
    if (generation === this.rebuilding) void this.check();
  }

  private async hasCaughtUp(rebuild: RebuildRecord): Promise<boolean> {
    const committed = await this.positions.committed(this.generations.generation(rebuild.generation).groupId);
    return hasReadAll(rebuild.targets, committed);
  }

  private async switchTo(rebuild: RebuildRecord): Promise<GenerationState> {
    const finishedAt = this.clock.now();
    const events = rebuild.targets.reduce((sum, range) => sum + range.to - range.from, 0);
    await this.generations.finishRebuild(rebuild, {
      generation: rebuild.generation,
      requestedAt: rebuild.requestedAt,
      finishedAt,
      events,
    });
    const seconds = (finishedAt.getTime() - rebuild.requestedAt.getTime()) / 1000;
    this.logger.log(
      `Generation ${rebuild.generation} is current: ${events} events replayed in ${seconds.toFixed(1)} s ` +
        `(${Math.round(events / Math.max(seconds, 0.001))} events/s)`,
    );
    this.lastCleanUp = 0;
    return this.generations.read();
  }

  /** Removes the links of erased members from the current generation (see MemberKeysRepository). */
  private async forgetErasedMembers(state: GenerationState): Promise<void> {
    const forgotten = await this.streams.get(state.current)?.projections.memberKeys.forgetErased();
    if (forgotten) this.logger.log(`Forgot the pseudonym links of ${forgotten} erased members`);
  }

  /** Drops the collections and consumer groups of generations no longer in use. */
  private async cleanUp(state: GenerationState): Promise<void> {
    const now = this.clock.now().getTime();
    const switchedAt = state.lastRebuild?.finishedAt.getTime() ?? 0;
    if (now - switchedAt < DROP_GRACE_MS || now - this.lastCleanUp < CLEAN_UP_EVERY_MS) return;
    this.lastCleanUp = now;
    const inUse = (number: number) =>
      number === state.current || number === state.rebuild?.generation || this.streams.has(number);
    const db = this.generations.database;
    for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
      const number = Generation.COLLECTION.exec(name)?.[1];
      if (number === undefined || inUse(Number(number))) continue;
      await db.dropCollection(name);
      this.logger.log(`Dropped ${name} of an old generation`);
    }
    const groups = Generation.groupPattern(db.databaseName);
    const oldGroups = (await this.positions.groupIds()).filter((groupId) => {
      const number = groups.exec(groupId)?.[1];
      return number !== undefined && !inUse(Number(number));
    });
    await this.positions
      .deleteGroups(oldGroups)
      .catch((error: unknown) => this.logger.warn(`Old consumer groups stay for now: ${describe(error)}`));
  }
}
