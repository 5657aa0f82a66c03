/**
 * Runs a pass at once and again `intervalMs` after each pass ends, so passes never overlap, until
 * stopped; stopping waits for a pass under way. Passes that need to end early check `isStopped`.
 * The pass must handle its own errors: a rejection ends the repetition.
 */
export class RepeatingPass {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;

  constructor(
    private readonly pass: () => Promise<void>,
    private readonly intervalMs: number,
  ) {}

  get isStopped(): boolean {
    return this.stopped;
  }

  start(): void {
    this.stopped = false;
    const tick = (): void => {
      this.running = this.pass().then(() => {
        if (!this.stopped) this.timer = setTimeout(tick, this.intervalMs);
      });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
