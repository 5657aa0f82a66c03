import { EventContract } from '../events/event-contract';
import { JsonSchema } from '../schema';
import {
  CE_HEADERS,
  CLOUD_EVENTS_SPEC_VERSION,
  DeadLetterReasons,
  DLT_HEADERS,
  EVENT_CONTENT_TYPE,
  eventSourceOf,
  REDELIVERY_HEADERS,
  RPC_HEADERS,
} from '../envelope/kafka-headers';
import { RequestPattern } from '../requests/request-pattern';
import { AsyncApiMessage } from './asyncapi-types';
import { DRAFT_07_SCHEMA_FORMAT, toDraft07 } from './json-schema-draft07';
import { ownerOf } from './stream-readers';

/** The document's messages (its components): every event type and request, the reply, the probe, the dead letter. */
export const KAFKA_BINDING_VERSION = '0.5.0';

export const REPLY = 'Reply';
export const REPLY_PROBE = 'ReplyProbe';
export const DEAD_LETTER = 'DeadLetter';

const text = (description: string): JsonSchema => ({ type: 'string', description });
/** A W3C Trace Context `traceparent` (version 00): trace id, parent span id, flags. */
const traceparent = (description: string): JsonSchema => ({
  type: 'string',
  pattern: '^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
  description,
});
const constant = (value: string, description: string): JsonSchema => ({
  type: 'string',
  const: value,
  description,
});

function eventHeaders(contract: EventContract<unknown>): JsonSchema {
  return {
    type: 'object',
    required: [
      CE_HEADERS.specversion,
      CE_HEADERS.id,
      CE_HEADERS.type,
      CE_HEADERS.source,
      CE_HEADERS.time,
      CE_HEADERS.subject,
      CE_HEADERS.contentType,
    ],
    properties: {
      [CE_HEADERS.specversion]: constant(CLOUD_EVENTS_SPEC_VERSION, 'CloudEvents specversion'),
      [CE_HEADERS.id]: {
        type: 'string',
        format: 'uuid',
        description:
          'Eindeutig je Ereignis; Duplikate daran erkennen. / Unique per event; recognise duplicates by it.',
      },
      [CE_HEADERS.type]: constant(
        contract.type,
        'Tatsache und Schemaversion. / The fact and its schema version.',
      ),
      [CE_HEADERS.source]: constant(
        eventSourceOf(ownerOf(contract.topic)),
        'Der veröffentlichende Dienst. / The publishing service.',
      ),
      [CE_HEADERS.time]: {
        type: 'string',
        format: 'date-time',
        description: 'Wann es geschah (UTC, ISO 8601). / When it happened (UTC, ISO 8601).',
      },
      [CE_HEADERS.subject]: {
        type: 'string',
        minLength: 1,
        description:
          'Die ID des Aggregats, gleich dem Kafka-Schlüssel. / The id of the aggregate, equal to the Kafka key.',
      },
      [CE_HEADERS.correlationId]: text(
        'Erweiterungsattribut: verbindet die Anfragen und Ereignisse einer Benutzeraktion. / Extension attribute: links the requests and events of one user action.',
      ),
      [CE_HEADERS.traceparent]: traceparent(
        'Erweiterungsattribut (Distributed Tracing): die Spur der Aktion, die das Ereignis auslöste. / Extension attribute (distributed tracing): the trace of the action that caused the event.',
      ),
      [CE_HEADERS.tracestate]: text('W3C tracestate zu ce_traceparent. / W3C tracestate of ce_traceparent.'),
      [CE_HEADERS.contentType]: constant(EVENT_CONTENT_TYPE, 'Der Wert ist JSON. / The value is JSON.'),
      [REDELIVERY_HEADERS.deadLetterId]: text(
        'Nur an einer erneut zugestellten toten Nachricht: ihre Kennung; das Ereignis (dieselbe ce_id) lag schon einmal hier. / Only on a dead letter an operator sent back: its id; the event (same ce_id) was here before.',
      ),
      [REDELIVERY_HEADERS.group]: text(
        'Nur an einer erneut zugestellten toten Nachricht: die eine Consumer-Gruppe, die sie verarbeitet; alle anderen Leser überspringen sie. / Only on a dead letter an operator sent back: the one consumer group that handles it; every other reader skips it.',
      ),
    },
  };
}

const AGGREGATE_KEY: JsonSchema = {
  type: 'string',
  description: 'Die ID des Aggregats (= ce_subject). / The id of the aggregate (= ce_subject).',
};

export function eventMessage(contract: EventContract<unknown>): AsyncApiMessage {
  const [, fact, version] = /\.([A-Za-z]+)\.(v\d+)$/.exec(contract.type) ?? [];
  const subject = exampleSubjectOf(contract.example);
  return {
    name: fact,
    title: `${fact} (${version})`,
    summary: contract.description,
    contentType: EVENT_CONTENT_TYPE,
    headers: eventHeaders(contract),
    payload: { schemaFormat: DRAFT_07_SCHEMA_FORMAT, schema: toDraft07(contract.schema) },
    correlationId: {
      description: 'ce_correlationid, wenn gesetzt. / ce_correlationid, when set.',
      location: `$message.header#/${CE_HEADERS.correlationId}`,
    },
    bindings: { kafka: { key: AGGREGATE_KEY, bindingVersion: KAFKA_BINDING_VERSION } },
    examples: [
      {
        name: fact,
        summary: `Ein ${fact}-Ereignis, wie es auf ${contract.topic} liegt. / A ${fact} event as it lies on ${contract.topic}.`,
        headers: {
          [CE_HEADERS.specversion]: CLOUD_EVENTS_SPEC_VERSION,
          [CE_HEADERS.id]: '0c6f1e1a-8d3b-4b8e-9a6e-2f1d3c4b5a69',
          [CE_HEADERS.type]: contract.type,
          [CE_HEADERS.source]: eventSourceOf(ownerOf(contract.topic)),
          [CE_HEADERS.time]: '2026-11-21T10:00:00.000Z',
          [CE_HEADERS.subject]: subject,
          [CE_HEADERS.contentType]: EVENT_CONTENT_TYPE,
        },
        payload: contract.example,
      },
    ],
  };
}

/** The key of the example: the example's first `…Id` field, as every event names its aggregate first. */
function exampleSubjectOf(example: unknown): string {
  const id = Object.entries(example as Record<string, unknown>).find(
    ([name, value]) => name.endsWith('Id') && typeof value === 'string',
  );
  return id ? (id[1] as string) : '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10';
}

export function requestMessageId(pattern: RequestPattern<unknown, unknown>): string {
  return `request.${pattern.name}`;
}

export function requestMessage(pattern: RequestPattern<unknown, unknown>): AsyncApiMessage {
  return {
    name: pattern.name,
    title: pattern.name,
    summary: `Die Anfrage ${pattern.name} an den Dienst ${pattern.service}. / The ${pattern.name} request to the ${pattern.service} service.`,
    contentType: EVENT_CONTENT_TYPE,
    headers: {
      type: 'object',
      required: [
        RPC_HEADERS.pattern,
        RPC_HEADERS.correlationId,
        RPC_HEADERS.replyTopic,
        RPC_HEADERS.identity,
        RPC_HEADERS.deadline,
      ],
      properties: {
        [RPC_HEADERS.pattern]: constant(pattern.name, 'Die Anfrage. / The request.'),
        [RPC_HEADERS.correlationId]: text('Kommt mit der Antwort zurück. / Comes back with the reply.'),
        [RPC_HEADERS.replyTopic]: {
          type: 'string',
          pattern: '^ic\\.[a-z-]+\\.replies$',
          description: 'Wohin die Antwort geht. / Where the reply goes.',
        },
        [RPC_HEADERS.identity]: text(
          'JSON {subject, roles, sessionId?}: wer fragt, vom Gateway geprüft. / JSON {subject, roles, sessionId?}: who asks, verified by the gateway.',
        ),
        [RPC_HEADERS.idempotencyKey]: text(
          'Eine Wiederholung mit demselben Schlüssel wirkt einmal. / A retry with the same key acts once.',
        ),
        [RPC_HEADERS.deadline]: {
          type: 'string',
          pattern: '^\\d+$',
          description:
            'Epoch-Millisekunden, nach denen der Fragende aufgegeben hat. / Epoch milliseconds after which the caller has given up.',
        },
        [RPC_HEADERS.traceparent]: traceparent(
          'W3C Trace Context des Fragenden, wenn Tracing an ist. / W3C Trace Context of the caller, when tracing is on.',
        ),
        [RPC_HEADERS.tracestate]: text('W3C tracestate zu traceparent. / W3C tracestate of traceparent.'),
      },
    },
    payload: {
      schemaFormat: DRAFT_07_SCHEMA_FORMAT,
      schema: {
        type: 'object',
        description:
          'Die Anfrage als JSON; ihre Felder beschreibt das OpenAPI-Dokument des Gateways. / The request as JSON; the gateway’s OpenAPI document describes its fields.',
      },
    },
    correlationId: {
      description: RPC_HEADERS.correlationId,
      location: `$message.header#/${RPC_HEADERS.correlationId}`,
    },
    bindings: {
      kafka: {
        key: text(
          'Der Partitionsschlüssel der Anfrage (bei Anmeldungen die Veranstaltungs-ID), sonst der Idempotenzschlüssel oder die Korrelations-ID. / The request’s partition key (the event id for registrations), else the idempotency key or the correlation id.',
        ),
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
}

export function replyMessage(): AsyncApiMessage {
  return {
    name: REPLY,
    title: 'Reply',
    summary: `Die Antwort eines Dienstes: \`{"data": …}\` oder \`{"problem": …}\` (RFC 9457, deutsch), je nach \`${RPC_HEADERS.outcome}\`. / A service's reply: \`{"data": …}\` or \`{"problem": …}\` (RFC 9457, in German), as \`${RPC_HEADERS.outcome}\` says.`,
    contentType: EVENT_CONTENT_TYPE,
    headers: {
      type: 'object',
      required: [RPC_HEADERS.correlationId, RPC_HEADERS.outcome],
      properties: {
        [RPC_HEADERS.correlationId]: text('Aus der Anfrage. / From the request.'),
        [RPC_HEADERS.outcome]: { type: 'string', enum: ['ok', 'error'] },
        [RPC_HEADERS.traceparent]: traceparent(
          'W3C Trace Context des antwortenden Dienstes, wenn Tracing an ist. / W3C Trace Context of the answering service, when tracing is on.',
        ),
        [RPC_HEADERS.tracestate]: text('W3C tracestate zu traceparent. / W3C tracestate of traceparent.'),
      },
    },
    payload: {
      schemaFormat: DRAFT_07_SCHEMA_FORMAT,
      schema: {
        oneOf: [
          { type: 'object', required: ['data'], properties: { data: {} }, additionalProperties: false },
          {
            type: 'object',
            required: ['problem'],
            additionalProperties: false,
            properties: {
              problem: {
                type: 'object',
                required: ['type', 'title', 'status'],
                properties: {
                  type: { type: 'string' },
                  title: { type: 'string' },
                  status: { type: 'integer' },
                  detail: { type: 'string' },
                  correlationId: { type: 'string' },
                  errors: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: { field: { type: 'string' }, message: { type: 'string' } },
                    },
                  },
                },
              },
            },
          },
        ],
      },
    },
    correlationId: {
      description: RPC_HEADERS.correlationId,
      location: `$message.header#/${RPC_HEADERS.correlationId}`,
    },
    bindings: {
      kafka: {
        key: text('Die Korrelations-ID. / The correlation id.'),
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
}

export function replyProbeMessage(): AsyncApiMessage {
  return {
    name: REPLY_PROBE,
    title: 'Reply channel probe',
    summary:
      'Ohne Wert: ein Gateway prüft beim Start, dass es sein Antwort-Topic liest. / Without a value: a gateway checks at start that it reads its reply topic.',
    contentType: EVENT_CONTENT_TYPE,
    headers: {
      type: 'object',
      required: [RPC_HEADERS.probe],
      properties: { [RPC_HEADERS.probe]: text('Die ID der Probe. / The probe id.') },
    },
    payload: { schemaFormat: DRAFT_07_SCHEMA_FORMAT, schema: { type: 'null' } },
    bindings: {
      kafka: { key: text('Die ID der Probe. / The probe id.'), bindingVersion: KAFKA_BINDING_VERSION },
    },
  };
}

export function deadLetterMessage(): AsyncApiMessage {
  return {
    name: DEAD_LETTER,
    title: 'Dead letter',
    summary:
      'Die Nachricht, wie sie auf dem Ursprungs-Topic lag (Schlüssel, Wert und Header unverändert), dazu der Grund. / The message as it lay on its topic (key, value and headers unchanged), with the reason.',
    contentType: EVENT_CONTENT_TYPE,
    headers: {
      type: 'object',
      required: [DLT_HEADERS.reason, DLT_HEADERS.error],
      properties: {
        [DLT_HEADERS.reason]: { type: 'string', enum: [...DeadLetterReasons] },
        [DLT_HEADERS.error]: text(
          'Die Fehlermeldung (höchstens 2000 Zeichen). / The error (at most 2000 characters).',
        ),
        [DLT_HEADERS.attempts]: { type: 'string', pattern: '^\\d+$' },
        [DLT_HEADERS.topic]: text('Das Ursprungs-Topic. / The original topic.'),
        [DLT_HEADERS.partition]: { type: 'string', pattern: '^\\d+$' },
        [DLT_HEADERS.offset]: { type: 'string', pattern: '^\\d+$' },
        [DLT_HEADERS.group]: text('Die Consumer-Gruppe, die aufgab. / The consumer group that gave up.'),
        [DLT_HEADERS.failedAt]: { type: 'string', format: 'date-time' },
      },
    },
    payload: {
      schemaFormat: DRAFT_07_SCHEMA_FORMAT,
      schema: {
        description: 'Unverändert, auch wenn es kein JSON ist. / Unchanged, even when it is not JSON.',
      },
    },
    bindings: {
      kafka: {
        key: text('Der ursprüngliche Schlüssel. / The original key.'),
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
}
