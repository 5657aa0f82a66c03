import { InvitationListQuery } from '@ic/contracts';
import { decodeCursor, DEFAULT_PAGE_SIZE, escapeRegex } from '@ic/platform';
import { InvitationFilter } from './invitations.repository';

export interface InvitationListPlan {
  readonly filter: InvitationFilter;
  readonly limit: number;
}

/** Where the office's search looks: the invited person's names, address, organisation and Kommune. */
const SEARCHED_FIELDS = [
  'profile.firstName',
  'profile.lastName',
  'profile.email',
  'profile.organisation',
  'profile.municipality.name',
] as const;

/**
 * The filter of one page of invitations; `expired` means open and past its expiry. A search `q`
 * finds each of its words (literally, whatever the case) in one of the searched fields.
 */
export function buildInvitationListQuery(query: InvitationListQuery, now: Date): InvitationListPlan {
  const filter: Record<string, unknown> = {};
  if (query.status === 'open') Object.assign(filter, { status: 'open', expiresAt: { $gt: now } });
  else if (query.status === 'expired') Object.assign(filter, { status: 'open', expiresAt: { $lte: now } });
  else if (query.status) filter.status = query.status;
  const words = query.q?.split(/\s+/).filter(Boolean) ?? [];
  if (words.length > 0) {
    filter.$and = words.map((word) => ({
      $or: SEARCHED_FIELDS.map((field) => ({ [field]: { $regex: escapeRegex(word), $options: 'i' } })),
    }));
  }
  if (query.cursor) filter.listKey = { $lt: decodeCursor('invitations', query.cursor) };
  return { filter, limit: query.limit ?? DEFAULT_PAGE_SIZE };
}
