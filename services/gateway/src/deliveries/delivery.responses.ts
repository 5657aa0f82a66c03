import { DeliveryReply, DeliveryStatus, DeliveryStatuses, MailKind, MailKinds, Page } from '@ic/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One e-mail in the delivery log. */
export class DeliveryResponse implements DeliveryReply {
  @ApiProperty({ example: 'invitation:5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10' })
  id!: string;

  @ApiProperty({ enum: MailKinds })
  kind!: MailKind;

  @ApiPropertyOptional({ format: 'uuid' })
  memberId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Die Veranstaltung, um die es in der E-Mail geht' })
  eventId?: string;

  @ApiProperty({ example: 'jonas.beispiel@kalletal.example' })
  recipient!: string;

  @ApiProperty({ example: 'Ihre Berufung in den Innovators Club' })
  subject!: string;

  @ApiProperty({ enum: DeliveryStatuses })
  status!: DeliveryStatus;

  @ApiProperty({ example: 1 })
  attempts!: number;

  @ApiPropertyOptional({ example: '451 4.3.0 Temporary failure' })
  lastError?: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiPropertyOptional({ format: 'date-time' })
  sentAt?: string;
}

export class DeliveryPageResponse {
  @ApiProperty({ type: [DeliveryResponse] })
  items!: DeliveryResponse[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}

export function toDeliveryResponse(delivery: DeliveryReply): DeliveryResponse {
  return {
    id: delivery.id,
    kind: delivery.kind,
    memberId: delivery.memberId,
    eventId: delivery.eventId,
    recipient: delivery.recipient,
    subject: delivery.subject,
    status: delivery.status,
    attempts: delivery.attempts,
    lastError: delivery.lastError,
    createdAt: delivery.createdAt,
    sentAt: delivery.sentAt,
  };
}

export function toDeliveryPageResponse(page: Page<DeliveryReply>): DeliveryPageResponse {
  return { items: page.items.map(toDeliveryResponse), nextCursor: page.nextCursor };
}
