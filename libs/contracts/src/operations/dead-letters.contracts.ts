import { DeadLetterReasons } from '../envelope/kafka-headers';
import { Page, PageOf, pageQuerySchema } from '../membership';
import {
  CloneType,
  ClosedComposite,
  ClosedObject,
  MultiLineTextField,
  Nullable,
  OneOf,
  RequestBody,
  Shape,
  Timestamp,
  Type,
  Uuid,
  withMessage,
} from '../schema';
import { defineRequest } from '../requests/request-pattern';
import { DomainTopics } from '../topics';

/**
 * Dead letters as the operators see them: every message a consumer group gave up on, read from the
 * `<topic>.dlt` topics of the domain topics, and what an operator decided about it. The
 * notifications service keeps them (see services/notifications/src/dead-letters).
 */

/** `open` until an operator redelivers it (once) or discards it with a note. */
export const DeadLetterStates = ['open', 'redelivered', 'discarded'] as const;
export type DeadLetterState = (typeof DeadLetterStates)[number];

/** The domain topics whose dead letters are kept (a request's dead letter is of no use once its caller is gone). */
export const DeadLetterSourceTopics = Object.values(DomainTopics);

/** A dead letter's id: its place in the dead-letter topic, `<topic>.dlt:<partition>:<offset>`. */
export const DEAD_LETTER_ID = /^ic\.[a-z]{3,20}\.v[0-9]{1,3}\.dlt:[0-9]{1,4}:[0-9]{1,19}$/;
export const DEAD_LETTER_ID_EXAMPLE = 'ic.registrations.v1.dlt:0:17';

export const deadLetterDecisionReplySchema = ClosedObject({
  /** The staff account or the CLI's operator who decided. */
  by: Type.String({
    description: 'Wer entschieden hat: Kennung des Kontos oder cli:<Benutzer>',
    example: 'cli:betrieb',
  }),
  at: Timestamp(),
  note: Type.Optional(Type.String({ example: 'Testanmeldung, hinfällig' })),
});
export type DeadLetterDecisionReply = Shape<typeof deadLetterDecisionReplySchema>;

/** The domain topics as the answers name them. */
const sourceTopicSchema = Type.Unsafe<string>({ enum: DeadLetterSourceTopics });

/** A message a consumer group gave up on. */
export const deadLetterReplySchema = ClosedObject({
  id: Type.String({ example: DEAD_LETTER_ID_EXAMPLE }),
  state: OneOf(DeadLetterStates),
  /** The topic the message came from and goes back to on redelivery. */
  topic: CloneType(sourceTopicSchema, {
    description: 'Das Topic, aus dem sie kam und in das sie zurückgeht',
  }),
  partition: Type.Integer({ example: 2 }),
  offset: Type.String({ example: '1042' }),
  reason: OneOf(DeadLetterReasons),
  /** Whether sending it back can help: a service failed on a readable, valid message (see `reason`). */
  redeliverable: Type.Boolean({
    description:
      'Ob erneutes Zustellen helfen kann: ein Dienst scheiterte an einer lesbaren, gültigen Nachricht ' +
      '(`handler-failed`). Sonst lässt sie sich nur verwerfen.',
  }),
  error: Type.String({
    example: 'Zu Mitglied 5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10 liegen keine Kontaktdaten vor',
  }),
  attempts: Type.Integer({ example: 5 }),
  /** The consumer group that gave up on it, the only one that handles its redelivery. */
  group: Type.String({
    description: 'Die Consumer-Gruppe, die aufgegeben hat',
    example: 'notifications.events',
  }),
  failedAt: Timestamp(),
  eventId: Type.Optional(Uuid()),
  eventType: Type.Optional(Type.String({ example: 'de.dstgb.ic.registrations.RegistrationConfirmed.v1' })),
  key: Type.Optional(Type.String({ example: '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10' })),
  redelivered: Type.Optional(deadLetterDecisionReplySchema),
  discarded: Type.Optional(deadLetterDecisionReplySchema),
});
export type DeadLetterReply = Shape<typeof deadLetterReplySchema>;

/** One dead letter with its message as it was (for `show`). */
export const deadLetterDetailReplySchema = ClosedObject({
  ...deadLetterReplySchema.properties,
  headers: Type.Record(Type.String(), Type.String(), {
    example: { ce_type: 'de.dstgb.ic.registrations.RegistrationConfirmed.v1' },
  }),
  /** The body as text (UTF-8), as the consumer received it. */
  body: Nullable(Type.String(), { description: 'Der Inhalt der Nachricht als Text' }),
});
export type DeadLetterDetailReply = Shape<typeof deadLetterDetailReplySchema>;

export const deadLetterPageReplySchema = PageOf(deadLetterReplySchema);

export const openDeadLettersOfTopicSchema = ClosedObject({
  topic: sourceTopicSchema,
  open: Type.Integer({ example: 2 }),
});

export const deadLetterFiguresReplySchema = ClosedObject({
  open: Type.Integer({ example: 2 }),
  openByTopic: Type.Array(openDeadLettersOfTopicSchema),
});
export type DeadLetterFiguresReply = Shape<typeof deadLetterFiguresReplySchema>;

export const redeliverAllReplySchema = ClosedObject({ redelivered: Type.Array(deadLetterReplySchema) });
export type RedeliverAllReply = Shape<typeof redeliverAllReplySchema>;

export class DeadLetterListQuery extends RequestBody(
  ClosedObject({
    ...pageQuerySchema.properties,
    state: Type.Optional(OneOf(DeadLetterStates)),
    topic: Type.Optional(
      CloneType(OneOf(DeadLetterSourceTopics), { description: 'Nur Nachrichten aus diesem Topic' }),
    ),
  }),
) {}

const deadLetterIdSchema = ClosedObject({
  deadLetterId: withMessage(
    Type.String({ pattern: DEAD_LETTER_ID.source }),
    'deadLetterId ist keine gültige Kennung einer Nachricht.',
  ),
});
export class DeadLetterIdRequest extends RequestBody(deadLetterIdSchema) {}

export class RedeliverAllRequest extends RequestBody(
  ClosedObject({
    topic: Type.Optional(
      CloneType(OneOf(DeadLetterSourceTopics), {
        description: 'Nur die offenen Nachrichten aus diesem Topic; ohne: alle offenen',
      }),
    ),
  }),
) {}

/** Why an operator discards a dead letter instead of redelivering it. */
const deadLetterNoteSchema = ClosedObject({
  note: MultiLineTextField(1000, { minLength: 3, example: 'Testanmeldung, hinfällig' }),
});
export class DeadLetterNote extends RequestBody(deadLetterNoteSchema) {}

export class DiscardDeadLetterRequest extends RequestBody(
  ClosedComposite([deadLetterIdSchema, deadLetterNoteSchema]),
) {}

export const DeadLetterRequests = {
  list: defineRequest<DeadLetterListQuery, Page<DeadLetterReply>>('notifications', 'dead-letters.list'),
  show: defineRequest<DeadLetterIdRequest, DeadLetterDetailReply>('notifications', 'dead-letters.show'),
  figures: defineRequest<Record<string, never>, DeadLetterFiguresReply>(
    'notifications',
    'dead-letters.figures',
  ),
  /** Sends it back to its topic for its group, once: a second request is a 409. */
  redeliver: defineRequest<DeadLetterIdRequest, DeadLetterReply>('notifications', 'dead-letters.redeliver'),
  /** Every open one (of one topic), oldest first. */
  redeliverAll: defineRequest<RedeliverAllRequest, RedeliverAllReply>(
    'notifications',
    'dead-letters.redeliver-all',
  ),
  discard: defineRequest<DiscardDeadLetterRequest, DeadLetterReply>('notifications', 'dead-letters.discard'),
} as const;
