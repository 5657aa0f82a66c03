import RequestQueue from 'kafkajs/src/network/requestQueue';

/** kafkajs's own interval between checks of a queue whose requests wait for a free slot. */
const CHECK_PENDING_REQUESTS_INTERVAL_MS = 10;

/**
 * kafkajs 2.2.4, its last release, re-arms a timer on every broker connection after each check of
 * its request queue, with a negative delay when the broker does not throttle, which Node runs after
 * 1 ms: every idle connection checks an empty queue a thousand times a second (tulios/kafkajs#1556,
 * #1704, #1751; the fix #1667 was never merged). In an idle service that allocated about 2.4 MB/s,
 * which kept the whole young generation resident (+25 MB of RSS within a minute of start), and
 * burned CPU. The check is needed only while a request waits or the broker throttles: a request
 * that has to wait schedules it when it is queued, and a finished request checks the queue itself.
 * Everything else is kafkajs's own `scheduleCheckPendingRequests`.
 */
export function stopIdleRequestQueueTimers(): void {
  RequestQueue.prototype.scheduleCheckPendingRequests = function (this: RequestQueue) {
    if (this.throttleCheckTimeoutId) return;
    const throttledForMs = this.throttledUntil - Date.now();
    if (this.pending.length === 0 && throttledForMs <= 0) return;
    this.throttleCheckTimeoutId = setTimeout(
      () => {
        this.throttleCheckTimeoutId = null;
        this.checkPendingRequests();
      },
      throttledForMs > 0 ? throttledForMs : CHECK_PENDING_REQUESTS_INTERVAL_MS,
    );
  };
}
