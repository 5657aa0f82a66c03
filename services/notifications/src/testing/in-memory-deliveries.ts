import { OutboxEntry } from '@ic/persistence';
import { mock } from 'jest-mock-extended';
import { DeliveriesRepository, DeliveryRecord, NewDelivery } from '../deliveries/deliveries.repository';
import { StoredMail } from '../deliveries/delivery.schema';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** The delivery log in memory: the same contract as DeliveriesRepository's write side, plus the outbox. */
export class InMemoryDeliveries {
  readonly records = new Map<string, Writable<DeliveryRecord>>();
  readonly outbox: OutboxEntry[] = [];
  /** Ids of the deliveries whose events were published after a write, in that order. */
  readonly published: string[] = [];

  asRepository(): DeliveriesRepository {
    return mock<DeliveriesRepository>({
      find: (id) => this.find(id),
      createSending: (delivery) => this.createSending(delivery),
      createFailed: (delivery, reason, attempts, events) =>
        this.createFailed(delivery, reason, attempts, events),
      markSending: (id, attempts, recipient) => this.markSending(id, attempts, recipient),
      markQueuedForRetry: (id, reason) => this.markQueuedForRetry(id, reason),
      markSent: (id, sentAt, events) => this.markSent(id, sentAt, events),
      markFailed: (id, reason, attempts, events, mail) => this.markFailed(id, reason, attempts, events, mail),
      requeueFailed: (id, requestedAt) => this.requeueFailed(id, requestedAt),
    });
  }

  find(id: string): Promise<DeliveryRecord | undefined> {
    const record = this.records.get(id);
    return Promise.resolve(record ? { ...record } : undefined);
  }

  createSending(delivery: NewDelivery): Promise<DeliveryRecord | undefined> {
    if (this.records.has(delivery.id)) return Promise.resolve(undefined);
    this.records.set(delivery.id, { ...delivery, status: 'sending', attempts: 1 });
    return Promise.resolve({ ...delivery, status: 'sending', attempts: 1 });
  }

  createFailed(
    delivery: NewDelivery,
    reason: string,
    attempts: number,
    events: readonly OutboxEntry[],
  ): Promise<void> {
    if (this.records.has(delivery.id)) throw new Error(`duplicate key ${delivery.id}`);
    this.records.set(delivery.id, {
      ...delivery,
      status: 'failed',
      attempts,
      lastError: reason,
      failedAt: new Date(),
    });
    this.outbox.push(...events);
    this.published.push(delivery.id);
    return Promise.resolve();
  }

  markSending(id: string, attempts: number, recipient?: string): Promise<void> {
    Object.assign(this.get(id), { status: 'sending', attempts, ...(recipient ? { recipient } : {}) });
    return Promise.resolve();
  }

  markQueuedForRetry(id: string, reason: string): Promise<void> {
    Object.assign(this.get(id), { status: 'queued', lastError: reason });
    return Promise.resolve();
  }

  markSent(id: string, sentAt: Date, events: readonly OutboxEntry[]): Promise<void> {
    const record = this.get(id);
    Object.assign(record, { status: 'sent', sentAt });
    delete record.lastError;
    delete record.mail;
    delete record.resendRequestedAt;
    this.outbox.push(...events);
    this.published.push(id);
    return Promise.resolve();
  }

  markFailed(
    id: string,
    reason: string,
    attempts: number,
    events: readonly OutboxEntry[],
    mail?: StoredMail,
  ): Promise<void> {
    const record = this.get(id);
    Object.assign(record, {
      status: 'failed',
      lastError: reason,
      attempts,
      failedAt: new Date(),
      ...(mail ? { mail } : {}),
    });
    delete record.resendRequestedAt;
    this.outbox.push(...events);
    this.published.push(id);
    return Promise.resolve();
  }

  requeueFailed(id: string, requestedAt: Date): Promise<boolean> {
    const record = this.records.get(id);
    if (record?.status !== 'failed' || !record.mail) return Promise.resolve(false);
    Object.assign(record, { status: 'queued', resendRequestedAt: requestedAt });
    return Promise.resolve(true);
  }

  private get(id: string): Writable<DeliveryRecord> {
    const record = this.records.get(id);
    if (!record) throw new Error(`Delivery ${id} not found for update`);
    return record;
  }
}
