import { EventContract } from '@ic/contracts';
import { randomUUID } from 'node:crypto';
import { OutboxEntry } from '@ic/persistence';
import { activeTraceContext, RecordedFact } from '@ic/platform';
import { CloudEvent } from '../cloud-event';
import { ContractRegistry } from '../contract-registry';

/** Turns domain facts into outbox entries, checking each against its contract before anything is stored. */
export class OutboxEventFactory {
  constructor(
    private readonly registry: ContractRegistry,
    private readonly source: string,
  ) {}

  create<TData>(
    contract: EventContract<TData>,
    subject: string,
    data: NoInfer<TData>,
    correlationId?: string,
  ): OutboxEntry {
    this.registry.assertValid(contract.type, data);
    return {
      id: randomUUID(),
      type: contract.type,
      topic: contract.topic,
      source: this.source,
      subject,
      time: new Date(),
      data,
      ...(correlationId ? { correlationId } : {}),
      ...activeTraceContext(),
    };
  }

  /** The entries of an aggregate's recorded facts, in the order they were recorded. */
  entriesOf(subject: string, facts: readonly RecordedFact[], correlationId?: string): OutboxEntry[] {
    return facts.map(({ contract, data }) => this.create(contract, subject, data, correlationId));
  }
}

export function toCloudEvent(entry: OutboxEntry): CloudEvent {
  return {
    id: entry.id,
    type: entry.type,
    source: entry.source,
    subject: entry.subject,
    time: new Date(entry.time).toISOString(),
    data: entry.data,
    ...(entry.correlationId ? { correlationId: entry.correlationId } : {}),
    ...(entry.traceparent ? { traceparent: entry.traceparent } : {}),
    ...(entry.tracestate ? { tracestate: entry.tracestate } : {}),
  };
}
