import { CallerIdentity, DeliveryListQuery, DeliveryReply, Page } from '@ic/contracts';
import { ForbiddenError, InvalidInputError, UnauthenticatedError } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { DeliveriesRepository, DeliveryPosition, DeliveryRecord } from '../deliveries.repository';

export const DEFAULT_PAGE_SIZE = 20;

/** The delivery log for the office: newest first, filtered by status, kind or member, paged by cursor. */
@Injectable()
export class ListDeliveriesUseCase {
  constructor(private readonly deliveries: DeliveriesRepository) {}

  async execute(query: DeliveryListQuery, identity: CallerIdentity): Promise<Page<DeliveryReply>> {
    if (identity.roles.length === 0) {
      throw new UnauthenticatedError('Bitte melden Sie sich an, um das Versandprotokoll zu sehen.');
    }
    if (!identity.roles.includes('staff')) {
      throw new ForbiddenError('Das Versandprotokoll sieht nur die Geschäftsstelle.');
    }
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
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
    const items = found.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(toDeliveryReply),
      nextCursor:
        found.length > limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
    };
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

/** The cursor is the last item's position, base64url-encoded: opaque to clients, checked when it comes back. */
export function encodeCursor(position: DeliveryPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): DeliveryPosition {
  const invalid = () =>
    new InvalidInputError('Der Cursor ist ungültig. Bitte verwenden Sie nextCursor der vorigen Seite.', [
      { field: 'cursor', message: 'cursor ist ungültig' },
    ]);
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(decoded) || decoded.length !== 2) throw invalid();
  const [createdAt, id] = decoded as unknown[];
  if (typeof createdAt !== 'string' || typeof id !== 'string' || id.length === 0 || id.length > 120) {
    throw invalid();
  }
  const date = new Date(createdAt);
  if (Number.isNaN(date.getTime()) || date.toISOString() !== createdAt) throw invalid();
  return { createdAt: date, id };
}
