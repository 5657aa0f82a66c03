import {
  DeadLetterDetailReply,
  DeadLetterFiguresReply,
  DeadLetterReason,
  DeadLetterReasons,
  DeadLetterReply,
  DeadLetterSourceTopics,
  DeadLetterState,
  DeadLetterStates,
  Page,
  RedeliverAllReply,
} from '@ic/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DeadLetterDecisionResponse {
  @ApiProperty({
    description: 'Wer entschieden hat: Kennung des Kontos oder cli:<Benutzer>',
    example: 'cli:betrieb',
  })
  by!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiPropertyOptional({ example: 'Testanmeldung, hinfällig' })
  note?: string;
}

/** A message a consumer group gave up on. */
export class DeadLetterResponse {
  @ApiProperty({ example: 'ic.registrations.v1.dlt:0:17' })
  id!: string;

  @ApiProperty({ enum: DeadLetterStates })
  state!: DeadLetterState;

  @ApiProperty({
    enum: DeadLetterSourceTopics,
    description: 'Das Topic, aus dem sie kam und in das sie zurückgeht',
  })
  topic!: string;

  @ApiProperty({ example: 2 })
  partition!: number;

  @ApiProperty({ example: '1042' })
  offset!: string;

  @ApiProperty({ enum: DeadLetterReasons })
  reason!: DeadLetterReason;

  @ApiProperty({
    description:
      'Ob erneutes Zustellen helfen kann: ein Dienst scheiterte an einer lesbaren, gültigen Nachricht ' +
      '(`handler-failed`). Sonst lässt sie sich nur verwerfen.',
  })
  redeliverable!: boolean;

  @ApiProperty({ example: 'Zu Mitglied 5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10 liegen keine Kontaktdaten vor' })
  error!: string;

  @ApiProperty({ example: 5 })
  attempts!: number;

  @ApiProperty({ description: 'Die Consumer-Gruppe, die aufgegeben hat', example: 'notifications.events' })
  group!: string;

  @ApiProperty({ format: 'date-time' })
  failedAt!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  eventId?: string;

  @ApiPropertyOptional({ example: 'de.dstgb.ic.registrations.RegistrationConfirmed.v1' })
  eventType?: string;

  @ApiPropertyOptional({ example: '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10' })
  key?: string;

  @ApiPropertyOptional({ type: DeadLetterDecisionResponse })
  redelivered?: DeadLetterDecisionResponse;

  @ApiPropertyOptional({ type: DeadLetterDecisionResponse })
  discarded?: DeadLetterDecisionResponse;
}

export class DeadLetterDetailResponse extends DeadLetterResponse {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { ce_type: 'de.dstgb.ic.registrations.RegistrationConfirmed.v1' },
  })
  headers!: Record<string, string>;

  @ApiProperty({ type: String, nullable: true, description: 'Der Inhalt der Nachricht als Text' })
  body!: string | null;
}

export class DeadLetterPageResponse {
  @ApiProperty({ type: [DeadLetterResponse] })
  items!: DeadLetterResponse[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}

export class OpenDeadLettersOfTopicResponse {
  @ApiProperty({ enum: DeadLetterSourceTopics })
  topic!: string;

  @ApiProperty({ example: 2 })
  open!: number;
}

export class DeadLetterFiguresResponse {
  @ApiProperty({ example: 2 })
  open!: number;

  @ApiProperty({ type: [OpenDeadLettersOfTopicResponse] })
  openByTopic!: OpenDeadLettersOfTopicResponse[];
}

export class RedeliverAllResponse {
  @ApiProperty({ type: [DeadLetterResponse] })
  redelivered!: DeadLetterResponse[];
}

export function toDeadLetterResponse(letter: DeadLetterReply): DeadLetterResponse {
  return {
    id: letter.id,
    state: letter.state,
    topic: letter.topic,
    partition: letter.partition,
    offset: letter.offset,
    reason: letter.reason,
    redeliverable: letter.redeliverable,
    error: letter.error,
    attempts: letter.attempts,
    group: letter.group,
    failedAt: letter.failedAt,
    eventId: letter.eventId,
    eventType: letter.eventType,
    key: letter.key,
    redelivered: letter.redelivered,
    discarded: letter.discarded,
  };
}

export function toDeadLetterDetailResponse(letter: DeadLetterDetailReply): DeadLetterDetailResponse {
  return { ...toDeadLetterResponse(letter), headers: { ...letter.headers }, body: letter.body };
}

export function toDeadLetterPageResponse(page: Page<DeadLetterReply>): DeadLetterPageResponse {
  return { items: page.items.map(toDeadLetterResponse), nextCursor: page.nextCursor };
}

export function toDeadLetterFiguresResponse(figures: DeadLetterFiguresReply): DeadLetterFiguresResponse {
  return { open: figures.open, openByTopic: figures.openByTopic.map(({ topic, open }) => ({ topic, open })) };
}

export function toRedeliverAllResponse(reply: RedeliverAllReply): RedeliverAllResponse {
  return { redelivered: reply.redelivered.map(toDeadLetterResponse) };
}
