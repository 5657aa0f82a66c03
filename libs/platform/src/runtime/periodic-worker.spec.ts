import { Logger } from '@nestjs/common';
import { PeriodicWorker } from './periodic-worker';

const INTERVAL_MS = 5;

/** Handles the items of each pass's list; an item 'bad' throws, a list 'fail' fails the pass. */
class ListWorker extends PeriodicWorker {
  readonly handled: string[] = [];
  passes = 0;

  constructor(
    private readonly lists: string[][],
    private readonly onItem: (item: string) => Promise<void> = () => Promise.resolve(),
  ) {
    super('List', INTERVAL_MS);
  }

  protected async work(): Promise<void> {
    const items = this.lists[this.passes++] ?? [];
    if (items[0] === 'fail') throw new Error('database away');
    await this.eachItem(
      items,
      async (item) => {
        await this.onItem(item);
        if (item === 'bad') throw new Error('no mail server');
        this.handled.push(item);
      },
      (item) => `Could not handle ${item}`,
    );
  }
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 1));
}

describe(PeriodicWorker.name, () => {
  let warn: jest.SpyInstance;
  let sut: ListWorker | undefined;

  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });

  afterEach(async () => {
    await sut?.beforeApplicationShutdown();
    warn.mockRestore();
  });

  it('logs a failed pass and runs the next one an interval later', async () => {
    sut = new ListWorker([['fail'], ['a']]);
    sut.onApplicationBootstrap();
    await until(() => sut!.handled.length === 1);
    expect(sut.handled).toEqual(['a']);
    expect(warn).toHaveBeenCalledWith('List pass failed, trying again in 5 ms: database away');
  });

  it('logs an item that fails and handles the next one', async () => {
    sut = new ListWorker([['bad', 'b']]);
    sut.onApplicationBootstrap();
    await until(() => sut!.passes > 1);
    expect(sut.handled).toEqual(['b']);
    expect(warn).toHaveBeenCalledWith('Could not handle bad: no mail server');
  });

  it('waits on shutdown for the item under way and handles no further one', async () => {
    let release!: () => void;
    const started = new Promise<void>((resolve) => {
      sut = new ListWorker([['slow', 'next']], (item) =>
        item === 'slow'
          ? new Promise<void>((done) => {
              release = done;
              resolve();
            })
          : Promise.resolve(),
      );
    });
    sut!.onApplicationBootstrap();
    await started;
    const stopped = sut!.beforeApplicationShutdown();
    release();
    await stopped;
    expect(sut!.handled).toEqual(['slow']);
    expect(sut!.passes).toBe(1);
  });
});
