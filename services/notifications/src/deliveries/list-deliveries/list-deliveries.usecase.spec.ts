import { DeliveryListQuery } from '@ic/contracts';
import { encodeCursor, ForbiddenError, RuleViolationError, UnauthenticatedError } from '@ic/platform';
import {
  DeliveriesRepository,
  DeliveryFilter,
  DeliveryPosition,
  DeliveryRecord,
} from '../deliveries.repository';
import { mock } from 'jest-mock-extended';
import { decodeDeliveryCursor, encodeDeliveryCursor, ListDeliveriesUseCase } from './list-deliveries.usecase';
import { anonymous, member, staff } from '../../testing/callers';

const delivery = (index: number, overrides: Partial<DeliveryRecord> = {}): DeliveryRecord => ({
  id: `invitation:00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
  kind: 'invitation',
  memberId: '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10',
  causedBy: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
  recipient: `person-${index}@stadt.example`,
  subject: 'Ihre Berufung in den Innovators Club des DStGB',
  messageId: `<invitation.${index}@dstgb.example>`,
  status: 'sent',
  attempts: 1,
  createdAt: new Date(Date.UTC(2026, 10, 21, 10, 0, index)),
  sentAt: new Date(Date.UTC(2026, 10, 21, 10, 0, index + 1)),
  ...overrides,
});

function newTestUseCase(stored: DeliveryRecord[]) {
  const calls: { filter: DeliveryFilter; limit: number; after?: DeliveryPosition }[] = [];
  const repository = mock<DeliveriesRepository>({
    list: (filter: DeliveryFilter, limit: number, after?: DeliveryPosition) => {
      calls.push({ filter, limit, after });
      return Promise.resolve(stored.slice(0, limit));
    },
  });
  return { sut: new ListDeliveriesUseCase(repository), calls };
}

const query = (fields: Partial<DeliveryListQuery> = {}): DeliveryListQuery =>
  Object.assign(new DeliveryListQuery(), fields);

describe(ListDeliveriesUseCase.name, () => {
  describe('execute', () => {
    it('shows the office the log with the fields it needs and no internals', async () => {
      const { sut } = newTestUseCase([
        delivery(1, { status: 'failed', lastError: '550 5.1.1 Mailbox unavailable' }),
      ]);

      const page = await sut.execute(query(), staff);

      expect(page).toEqual({
        items: [
          {
            id: 'invitation:00000000-0000-4000-8000-000000000001',
            kind: 'invitation',
            memberId: '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10',
            recipient: 'person-1@stadt.example',
            subject: 'Ihre Berufung in den Innovators Club des DStGB',
            status: 'failed',
            attempts: 1,
            lastError: '550 5.1.1 Mailbox unavailable',
            createdAt: '2026-11-21T10:00:01.000Z',
            sentAt: '2026-11-21T10:00:02.000Z',
          },
        ],
        nextCursor: null,
      });
    });

    it('passes the filters on and pages with a cursor after the last item', async () => {
      const stored = [3, 2, 1].map((index) => delivery(index));
      const { sut, calls } = newTestUseCase(stored);

      const page = await sut.execute(
        query({ limit: 2, status: 'sent', kind: 'invitation', memberId: stored[0].memberId }),
        staff,
      );

      expect(calls[0]).toMatchObject({
        filter: { status: 'sent', kind: 'invitation', memberId: stored[0].memberId },
        limit: 3,
      });
      expect(page.items.map((item) => item.id)).toEqual([stored[0].id, stored[1].id]);
      expect(page.nextCursor).not.toBeNull();

      await sut.execute(query({ cursor: page.nextCursor ?? '' }), staff);
      expect(calls[1].after).toEqual({ createdAt: stored[1].createdAt, id: stored[1].id });
    });

    it('filters by the event a mail is about and by the address, and shows the event', async () => {
      const eventId = '7d2c1b3a-9e8f-4a6b-8c5d-1e2f3a4b5c6d';
      const { sut, calls } = newTestUseCase([delivery(1, { kind: 'announcement', eventId })]);

      const page = await sut.execute(query({ eventId, recipient: 'person-1@stadt.example' }), staff);

      expect(calls[0].filter).toEqual({
        status: undefined,
        kind: undefined,
        memberId: undefined,
        eventId,
        recipient: 'person-1@stadt.example',
      });
      expect(page.items[0]).toMatchObject({ kind: 'announcement', eventId });
    });

    it('gives a member 403 and an anonymous caller 401', async () => {
      const { sut } = newTestUseCase([]);

      await expect(sut.execute(query(), member)).rejects.toThrow(ForbiddenError);
      await expect(sut.execute(query(), anonymous)).rejects.toThrow(UnauthenticatedError);
    });

    it('refuses a cursor it did not make, naming the field', async () => {
      const { sut } = newTestUseCase([]);

      const refusal = sut.execute(query({ cursor: 'bm90LWEtY3Vyc29y' }), staff);

      await expect(refusal).rejects.toThrow(RuleViolationError);
      await expect(refusal).rejects.toMatchObject({ errors: [{ field: 'cursor' }] });
    });
  });

  describe('cursor', () => {
    it('comes back as the position it was made from', () => {
      const position = { createdAt: new Date('2026-11-21T10:00:00.123Z'), id: 'invitation:abc' };

      expect(decodeDeliveryCursor(encodeDeliveryCursor(position))).toEqual(position);
      expect(encodeDeliveryCursor(position)).toMatch(/^[A-Za-z0-9_-]+$/);
    });

    it.each([
      ['not a cursor', Buffer.from('{').toString('base64url')],
      ['of another list', encodeCursor('directory', '2026-11-21T10:00:00.000Z|x')],
      ['made with a bad date', encodeCursor('deliveries', 'yesterday|x')],
      ['made with an empty id', encodeCursor('deliveries', '2026-11-21T10:00:00.000Z|')],
      ['made without a position', encodeCursor('deliveries', 'x')],
    ])('is refused when it is %s', (_case, cursor) => {
      expect(() => decodeDeliveryCursor(cursor)).toThrow(RuleViolationError);
    });
  });
});
