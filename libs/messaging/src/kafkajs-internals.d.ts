// The kafkajs internals we patch (see kafkajs-idle-timers.ts and kafkajs-fetch-wait.ts); kafkajs
// ships no types for them.
declare module 'kafkajs/src/network/requestQueue' {
  export default class RequestQueue {
    constructor(options: {
      maxInFlightRequests: number | null;
      requestTimeout: number;
      enforceRequestTimeout: boolean;
      clientId: string;
      broker: string;
      logger: unknown;
    });
    pending: unknown[];
    throttledUntil: number;
    throttleCheckTimeoutId: NodeJS.Timeout | null;
    checkPendingRequests(): void;
    scheduleCheckPendingRequests(): void;
    destroy(): void;
  }
}

declare module 'kafkajs/src/consumer/consumerGroup' {
  import { TopicPartitions } from 'kafkajs';

  export default class ConsumerGroup {
    constructor(options: { logger: { namespace(name: string): unknown }; maxWaitTimeInMs: number });
    /** The `maxWaitTimeInMs` of the consumer's config, read by every fetch. */
    maxWaitTime: number;
    subscriptionState: {
      assign(topicPartitions: TopicPartitions[]): void;
      pause(topicPartitions: TopicPartitions[]): void;
      resume(topicPartitions: TopicPartitions[]): void;
      paused(): TopicPartitions[];
    };
    fetch(nodeId: number): Promise<unknown[]>;
  }
}
