import RequestQueue from 'kafkajs/src/network/requestQueue';
import { stopIdleRequestQueueTimers } from './kafkajs-idle-timers';

function newQueue(): RequestQueue {
  return new RequestQueue({
    maxInFlightRequests: null,
    requestTimeout: 30_000,
    enforceRequestTimeout: false,
    clientId: 'test',
    broker: '127.0.0.1:9092',
    logger: { debug: () => undefined },
  });
}

describe(stopIdleRequestQueueTimers.name, () => {
  beforeAll(() => stopIdleRequestQueueTimers());

  let sut: RequestQueue;
  beforeEach(() => (sut = newQueue()));
  afterEach(() => sut.throttleCheckTimeoutId && clearTimeout(sut.throttleCheckTimeoutId));

  it('schedules no check while nothing waits and the broker does not throttle', () => {
    sut.checkPendingRequests();

    expect(sut.throttleCheckTimeoutId).toBeNull();
  });

  it('still checks a queue that has a waiting request', () => {
    sut.pending.push({});

    sut.scheduleCheckPendingRequests();

    expect(sut.throttleCheckTimeoutId).not.toBeNull();
  });

  it('still checks again when the broker throttle ends', () => {
    sut.throttledUntil = Date.now() + 5_000;

    sut.scheduleCheckPendingRequests();

    expect(sut.throttleCheckTimeoutId).not.toBeNull();
  });
});
