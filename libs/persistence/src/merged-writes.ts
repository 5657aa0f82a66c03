interface QueuedItems<T> {
  readonly items: readonly T[];
  readonly written: () => void;
  readonly failed: (error: unknown) => void;
}

/**
 * One database write in flight at a time; the items callers add meanwhile go out together in the
 * next one. Under load one round trip then carries tens of callers' items instead of one (each
 * round trip costs CPU in the service and in the database, not only time). A caller alone is
 * written at once. A failed write fails every caller whose items it carried; the next write goes on.
 */
export class MergedWrites<T> {
  private readonly queued: QueuedItems<T>[] = [];
  private writing = false;

  constructor(private readonly write: (items: T[]) => Promise<void>) {}

  /** Resolves once the items are written. */
  add(items: readonly T[]): Promise<void> {
    return new Promise((written, failed) => {
      this.queued.push({ items, written, failed });
      if (!this.writing) void this.writeQueued();
    });
  }

  private async writeQueued(): Promise<void> {
    this.writing = true;
    while (this.queued.length > 0) {
      const calls = this.queued.splice(0);
      try {
        await this.write(calls.flatMap((call) => call.items));
        calls.forEach((call) => call.written());
      } catch (error) {
        calls.forEach((call) => call.failed(error));
      }
    }
    this.writing = false;
  }
}
