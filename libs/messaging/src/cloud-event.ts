import { CE_HEADERS, CLOUD_EVENTS_SPEC_VERSION, EVENT_CONTENT_TYPE } from '@ic/contracts';
import { randomUUID } from 'node:crypto';
import { IHeaders, KafkaMessage } from 'kafkajs';
import { OutgoingMessage } from './kafka-connection';

/** A CloudEvents 1.0 event as it travels on Kafka in binary mode: attributes in headers, data in the body. */
export interface CloudEvent<TData = unknown> {
  readonly id: string;
  readonly type: string;
  readonly source: string;
  readonly time: string;
  /** The aggregate the event is about; also the Kafka key, so that its events stay in order. */
  readonly subject: string;
  readonly data: TData;
  /** Correlates the chain of requests and events that one user action caused. */
  readonly correlationId?: string;
  /** The distributed-tracing extension: the trace of the action that caused the event (W3C). */
  readonly traceparent?: string;
  readonly tracestate?: string;
}

export { CE_HEADERS };

export class EnvelopeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvelopeError';
  }
}

export function newCloudEvent<TData>(
  attributes: Omit<CloudEvent<TData>, 'id' | 'time'> & Partial<Pick<CloudEvent<TData>, 'id' | 'time'>>,
): CloudEvent<TData> {
  return { id: randomUUID(), time: new Date().toISOString(), ...attributes };
}

export function encodeCloudEvent(event: CloudEvent): OutgoingMessage {
  return {
    key: event.subject,
    value: JSON.stringify(event.data),
    headers: {
      [CE_HEADERS.specversion]: CLOUD_EVENTS_SPEC_VERSION,
      [CE_HEADERS.id]: event.id,
      [CE_HEADERS.type]: event.type,
      [CE_HEADERS.source]: event.source,
      [CE_HEADERS.time]: event.time,
      [CE_HEADERS.subject]: event.subject,
      [CE_HEADERS.contentType]: EVENT_CONTENT_TYPE,
      ...(event.correlationId ? { [CE_HEADERS.correlationId]: event.correlationId } : {}),
      ...(event.traceparent ? { [CE_HEADERS.traceparent]: event.traceparent } : {}),
      ...(event.tracestate ? { [CE_HEADERS.tracestate]: event.tracestate } : {}),
    },
  };
}

export function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const raw = headers?.[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : value.toString('utf8');
}

/** The body as JSON; anything else is an EnvelopeError. */
export function parseJsonBody(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new EnvelopeError('body is not valid JSON');
  }
}

/** What a body parser may know of the event before its attributes are checked (either may be missing). */
export interface BodyContext {
  readonly type: string | undefined;
  readonly subject: string;
}

/**
 * Reads a binary-mode CloudEvent; anything malformed is an EnvelopeError (it goes to the DLT at once).
 * `parseBody` reads the data from the body, as parseJsonBody does (see CheckedEventReader).
 */
export function decodeCloudEvent(
  message: KafkaMessage,
  parseBody: (body: Buffer, context: BodyContext) => unknown = parseJsonBody,
): CloudEvent {
  const present = (value: string | undefined, name: string): string => {
    if (!value) throw new EnvelopeError(`missing header ${name}`);
    return value;
  };
  const attribute = (name: string): string => present(headerText(message.headers, name), name);
  const specversion = attribute(CE_HEADERS.specversion);
  if (specversion !== CLOUD_EVENTS_SPEC_VERSION)
    throw new EnvelopeError(`unsupported ce_specversion ${specversion}`);
  const contentType = headerText(message.headers, CE_HEADERS.contentType);
  if (contentType && !contentType.startsWith(EVENT_CONTENT_TYPE)) {
    throw new EnvelopeError(`unsupported content-type ${contentType}`);
  }
  const time = attribute(CE_HEADERS.time);
  if (Number.isNaN(Date.parse(time))) throw new EnvelopeError(`ce_time is not a timestamp: ${time}`);
  if (!message.value) throw new EnvelopeError('empty body');
  const type = headerText(message.headers, CE_HEADERS.type);
  const subject = headerText(message.headers, CE_HEADERS.subject) ?? message.key?.toString('utf8') ?? '';
  const data = parseBody(message.value, { type, subject });
  const correlationId = headerText(message.headers, CE_HEADERS.correlationId);
  const traceparent = headerText(message.headers, CE_HEADERS.traceparent);
  const tracestate = headerText(message.headers, CE_HEADERS.tracestate);
  return {
    id: attribute(CE_HEADERS.id),
    type: present(type, CE_HEADERS.type),
    source: attribute(CE_HEADERS.source),
    time,
    subject,
    data,
    ...(correlationId ? { correlationId } : {}),
    ...(traceparent ? { traceparent } : {}),
    ...(tracestate ? { tracestate } : {}),
  };
}
