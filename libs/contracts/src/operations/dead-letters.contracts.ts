import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { DeadLetterReason } from '../envelope/kafka-headers';
import { Page, PageQuery } from '../membership';
import { defineRequest } from '../requests/request-pattern';
import { DomainTopics } from '../topics';
import { MultiLineText } from '../validation/text-input';

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

export interface DeadLetterDecisionReply {
  /** The staff account or the CLI's operator who decided. */
  readonly by: string;
  readonly at: string;
  readonly note?: string;
}

export interface DeadLetterReply {
  readonly id: string;
  readonly state: DeadLetterState;
  /** The topic the message came from and goes back to on redelivery. */
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly reason: DeadLetterReason;
  /** Whether sending it back can help: a service failed on a readable, valid message (see `reason`). */
  readonly redeliverable: boolean;
  readonly error: string;
  readonly attempts: number;
  /** The consumer group that gave up on it, the only one that handles its redelivery. */
  readonly group: string;
  readonly failedAt: string;
  readonly eventId?: string;
  readonly eventType?: string;
  readonly key?: string;
  readonly redelivered?: DeadLetterDecisionReply;
  readonly discarded?: DeadLetterDecisionReply;
}

/** One dead letter with its message as it was (for `show`). */
export interface DeadLetterDetailReply extends DeadLetterReply {
  readonly headers: Readonly<Record<string, string>>;
  /** The body as text (UTF-8), as the consumer received it. */
  readonly body: string | null;
}

export interface DeadLetterFiguresReply {
  readonly open: number;
  readonly openByTopic: readonly { readonly topic: string; readonly open: number }[];
}

export interface RedeliverAllReply {
  readonly redelivered: readonly DeadLetterReply[];
}

export class DeadLetterListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DeadLetterStates })
  @IsOptional()
  @IsIn(DeadLetterStates)
  state?: DeadLetterState;

  @ApiPropertyOptional({ enum: DeadLetterSourceTopics, description: 'Nur Nachrichten aus diesem Topic' })
  @IsOptional()
  @IsIn(DeadLetterSourceTopics)
  topic?: string;
}

export class DeadLetterIdRequest {
  @IsString()
  @Matches(DEAD_LETTER_ID, { message: 'deadLetterId ist keine gültige Kennung einer Nachricht.' })
  deadLetterId!: string;
}

export class RedeliverAllRequest {
  @ApiPropertyOptional({
    enum: DeadLetterSourceTopics,
    description: 'Nur die offenen Nachrichten aus diesem Topic; ohne: alle offenen',
  })
  @IsOptional()
  @IsIn(DeadLetterSourceTopics)
  topic?: string;
}

/** Why an operator discards a dead letter instead of redelivering it. */
export class DeadLetterNote {
  @ApiProperty({ minLength: 3, maxLength: 1000, example: 'Testanmeldung, hinfällig' })
  @IsString()
  @MinLength(3, { message: 'note muss mindestens 3 Zeichen lang sein' })
  @MaxLength(1000)
  @MultiLineText()
  note!: string;
}

export class DiscardDeadLetterRequest extends DeadLetterNote {
  @IsString()
  @Matches(DEAD_LETTER_ID, { message: 'deadLetterId ist keine gültige Kennung einer Nachricht.' })
  deadLetterId!: string;
}

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
