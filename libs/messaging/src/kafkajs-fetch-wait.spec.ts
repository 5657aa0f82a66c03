import ConsumerGroup from 'kafkajs/src/consumer/consumerGroup';
import { PAUSED_FETCH_WAIT_MS, shortenFetchWaitWhilePaused } from './kafkajs-fetch-wait';

const CONFIGURED_WAIT_MS = 1000;
const topic = 'ic.test.v1';

/** The waits kafkajs's own fetch would have sent to the broker, one per fetch. */
const fetchWaits: number[] = [];

function newConsumerGroup(maxWaitTimeInMs = CONFIGURED_WAIT_MS): ConsumerGroup {
  const logger = { namespace: () => logger };
  const group = new ConsumerGroup({ logger, maxWaitTimeInMs });
  group.subscriptionState.assign([{ topic, partitions: [0, 1, 2] }]);
  return group;
}

describe(shortenFetchWaitWhilePaused.name, () => {
  beforeAll(() => {
    ConsumerGroup.prototype.fetch = function (this: ConsumerGroup) {
      fetchWaits.push(this.maxWaitTime);
      return Promise.resolve([]);
    };
    shortenFetchWaitWhilePaused();
  });
  beforeEach(() => (fetchWaits.length = 0));

  it('fetches with the configured wait while no partition is paused', async () => {
    const sut = newConsumerGroup();

    await sut.fetch(0);

    expect(fetchWaits).toEqual([CONFIGURED_WAIT_MS]);
  });

  it('fetches with the short wait while a partition is paused, and with the configured one once resumed', async () => {
    const sut = newConsumerGroup();

    sut.subscriptionState.pause([{ topic, partitions: [1] }]);
    await sut.fetch(0);
    sut.subscriptionState.resume([{ topic, partitions: [1] }]);
    await sut.fetch(0);

    expect(fetchWaits).toEqual([PAUSED_FETCH_WAIT_MS, CONFIGURED_WAIT_MS]);
  });

  it('keeps a configured wait shorter than the short one', async () => {
    const sut = newConsumerGroup(20);

    sut.subscriptionState.pause([{ topic, partitions: [0] }]);
    await sut.fetch(0);

    expect(fetchWaits).toEqual([20]);
  });
});
