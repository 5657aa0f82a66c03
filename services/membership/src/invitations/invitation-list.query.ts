import { InvitationListQuery } from '@ic/contracts';
import { DEFAULT_PAGE_SIZE, decodeCursor } from '@ic/platform';
import { InvitationFilter } from './invitations.repository';

export interface InvitationListPlan {
  readonly filter: InvitationFilter;
  readonly limit: number;
}

/** The filter of one page of invitations; `expired` means open and past its expiry. */
export function buildInvitationListQuery(query: InvitationListQuery, now: Date): InvitationListPlan {
  const filter: Record<string, unknown> = {};
  if (query.status === 'open') Object.assign(filter, { status: 'open', expiresAt: { $gt: now } });
  else if (query.status === 'expired') Object.assign(filter, { status: 'open', expiresAt: { $lte: now } });
  else if (query.status) filter.status = query.status;
  if (query.cursor) filter.listKey = { $lt: decodeCursor('invitations', query.cursor) };
  return { filter, limit: query.limit ?? DEFAULT_PAGE_SIZE };
}
