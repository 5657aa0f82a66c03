import { CallerIdentity, DeliveryListQuery, DeliveryReply, Page } from '@ic/contracts';
import { DEFAULT_PAGE_SIZE } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { decodeTimeCursor, encodeTimeCursor, pageOf } from '../../paging/newest-first-page';
import { DeliveriesRepository, DeliveryPosition, DeliveryRecord } from '../deliveries.repository';
import { assertRole } from '../../caller-role';

/** The delivery log for the office: newest first, filtered by status, kind or member, paged by cursor. */
@Injectable()
export class ListDeliveriesUseCase {
  constructor(private readonly deliveries: DeliveriesRepository) {}

  async execute(query: DeliveryListQuery, identity: CallerIdentity): Promise<Page<DeliveryReply>> {
    assertRole(identity, 'staff', {
      signIn: 'Bitte melden Sie sich an, um das Versandprotokoll zu sehen.',
      forbidden: 'Das Versandprotokoll sieht nur die Geschäftsstelle.',
    });
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor === undefined ? undefined : decodeDeliveryCursor(query.cursor);
    const found = await this.deliveries.list(
      {
        status: query.status,
        kind: query.kind,
        memberId: query.memberId,
        eventId: query.eventId,
        recipient: query.recipient,
      },
      limit + 1,
      after,
    );
    return pageOf(found, limit, toDeliveryReply, encodeDeliveryCursor);
  }
}

export function toDeliveryReply(delivery: DeliveryRecord): DeliveryReply {
  return {
    id: delivery.id,
    kind: delivery.kind,
    ...(delivery.memberId ? { memberId: delivery.memberId } : {}),
    ...(delivery.eventId ? { eventId: delivery.eventId } : {}),
    recipient: delivery.recipient,
    subject: delivery.subject,
    status: delivery.status,
    attempts: delivery.attempts,
    ...(delivery.lastError ? { lastError: delivery.lastError } : {}),
    createdAt: delivery.createdAt.toISOString(),
    ...(delivery.sentAt ? { sentAt: delivery.sentAt.toISOString() } : {}),
  };
}

const CURSOR_LIST = 'deliveries';

/** The cursor names the last item's position (see the platform's page cursors). */
export function encodeDeliveryCursor(position: DeliveryPosition): string {
  return encodeTimeCursor(CURSOR_LIST, { at: position.createdAt, id: position.id });
}

export function decodeDeliveryCursor(cursor: string): DeliveryPosition {
  const { at, id } = decodeTimeCursor(CURSOR_LIST, cursor);
  return { createdAt: at, id };
}
