import { Actor, DirectoryQuery, MemberStatuses } from '@ic/contracts';
import { decodeCursor, DEFAULT_PAGE_SIZE, escapeRegex, searchPatternFor } from '@ic/platform';
import { MemberFilter } from '../members.repository';

export interface DirectoryPlan {
  readonly filter: MemberFilter;
  readonly limit: number;
}

/**
 * The Mongo filter of one directory page. Members see active members only; the office sees every
 * status but erased, or the one it asks for. Every value comes from the validated query, and the search term is matched literally
 * (escaped) against the folded search field of names and municipality, so that "Müller", "mueller" and
 * "muller" find the same, and against the organisation in any case ("fraunhofer" finds "Fraunhofer
 * IAO"); the organisation is read as stored, so the members written before it was searched are found too.
 */
export function buildDirectoryQuery(query: DirectoryQuery, viewer: Actor['role']): DirectoryPlan {
  const filter: Record<string, unknown> = {};
  // Erased members have no entry at all, not even for the office.
  // The office may ask for one status (still a member, membership ended); members see active ones only.
  if (viewer !== 'staff') filter.status = 'active';
  else filter.status = query.status ?? { $in: [...MemberStatuses] };
  if (query.federalState) filter['profile.federalState'] = query.federalState;
  if (query.sector) filter['profile.sector'] = query.sector;
  if (query.workingGroup) filter.workingGroups = query.workingGroup;
  if (query.theme) filter['profile.themes'] = query.theme;
  if (query.q) {
    filter.$or = [
      { searchText: { $regex: searchPatternFor(query.q) } },
      { 'profile.organisation': { $regex: escapeRegex(query.q), $options: 'i' } },
    ];
  }
  if (query.cursor) filter.directoryKey = { $gt: decodeCursor('directory', query.cursor) };
  return { filter, limit: query.limit ?? DEFAULT_PAGE_SIZE };
}
