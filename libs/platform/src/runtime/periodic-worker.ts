import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { describe } from '../errors/describe-error';
import { RepeatingPass } from './repeating-pass';

/**
 * A provider that works in passes from the application's start until its shutdown (the schedulers,
 * the sweepers): a pass at once, the next `intervalMs` after it ends. It keeps no state between
 * passes, so a restart misses nothing. A failed pass is logged and tried again an interval later;
 * the shutdown waits for a pass under way, which stops between two items.
 */
export abstract class PeriodicWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private readonly repeating: RepeatingPass;

  /** `passName` starts the log line of a failed pass ("Reminder pass failed, …"). */
  protected constructor(
    private readonly passName: string,
    protected readonly intervalMs: number,
  ) {
    this.repeating = new RepeatingPass(() => this.pass(), intervalMs);
  }

  onApplicationBootstrap(): void {
    this.repeating.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.repeating.stop();
  }

  /** One pass. Never throws. */
  async pass(): Promise<void> {
    try {
      await this.work();
    } catch (error) {
      this.logger.warn(
        `${this.passName} pass failed, trying again in ${this.intervalMs} ms: ${describe(error)}`,
      );
    }
  }

  protected abstract work(): Promise<void>;

  protected get isStopped(): boolean {
    return this.repeating.isStopped;
  }

  /**
   * Handles the items one after another until the application stops. An item that fails is
   * logged (`failure` names it) and the next one is tried.
   */
  protected async eachItem<T>(
    items: readonly T[],
    handle: (item: T) => Promise<unknown>,
    failure: (item: T) => string,
  ): Promise<void> {
    for (const item of items) {
      if (this.isStopped) return;
      try {
        await handle(item);
      } catch (error) {
        this.logger.warn(`${failure(item)}: ${describe(error)}`);
      }
    }
  }
}
