import { ParticipantListQuery, RegistrationStatuses } from '@ic/contracts';
import {
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  foldGerman,
  RuleViolationError,
  searchTextOf,
} from '@ic/platform';
import { displayNameOf, KnownMember } from '../replicas/known-member';
import { RegistrationView } from './registration';

const CURSOR_LIST = 'participants';
const STATUS_ORDER = ['confirmed', 'waiting', 'cancelled'] as const;

/**
 * One page of an event's participant list: confirmed first (in the order they got their seat),
 * then the waiting list in its order, then the cancelled. With `sessionId` only those who chose
 * that workshop, and `status` is then their status in the workshop. Kommunen count as sector Kommune.
 * `attended` asks whether anyone of the registration was marked at the door; `q` searches the names,
 * organisation and municipality, of a member as `members` knows them (the caller looks them up).
 */
export function participantPage(
  views: readonly RegistrationView[],
  query: ParticipantListQuery,
  members: ReadonlyMap<string, KnownMember> = new Map(),
): { items: RegistrationView[]; nextCursor: string | null } {
  if (
    !query.sessionId &&
    query.status &&
    !(RegistrationStatuses as readonly string[]).includes(query.status)
  ) {
    const message = `status ${query.status} gibt es nur für einen Workshop (mit sessionId)`;
    throw new RuleViolationError(message, [{ field: 'status', message }]);
  }
  const after = query.cursor ? decodeCursor(CURSOR_LIST, query.cursor) : undefined;
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const term = query.q ? foldGerman(query.q) : undefined;
  const matching = views
    .filter((view) => matches(view, query))
    .filter((view) => !term || searchTextOf(searchablePartsOf(view, members)).includes(term))
    .map((view) => ({ view, key: sortKeyOf(view) }))
    .filter((item) => after === undefined || item.key > after)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const page = matching.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((item) => item.view),
    nextCursor: matching.length > limit && last ? encodeCursor(CURSOR_LIST, last.key) : null,
  };
}

function matches(view: RegistrationView, query: ParticipantListQuery): boolean {
  const { entry } = view;
  if (query.federalState && entry.registrant.federalState !== query.federalState) return false;
  if (query.sector && sectorOf(view) !== query.sector) return false;
  if (query.attended !== undefined && attendedOf(view) !== query.attended) return false;
  if (query.sessionId) {
    const choice = entry.sessions.find((candidate) => candidate.sessionId === query.sessionId);
    if (!choice) return false;
    return !query.status || choice.status === query.status;
  }
  return !query.status || entry.status === query.status;
}

/** Whether anyone of the registration was marked at the door. */
function attendedOf(view: RegistrationView): boolean {
  const { entry } = view;
  return entry.delegation ? entry.delegation.some((person) => person.attended) : entry.attended === true;
}

function searchablePartsOf(
  view: RegistrationView,
  members: ReadonlyMap<string, KnownMember>,
): (string | undefined)[] {
  const { registrant, delegation } = view.entry;
  const member = registrant.memberId ? members.get(registrant.memberId) : undefined;
  return [
    registrant.municipality?.name,
    registrant.guest && displayNameOf(registrant.guest),
    registrant.guest?.organisation,
    ...(registrant.kind === 'member' && member
      ? [displayNameOf(member), member.organisation, member.municipality?.name]
      : []),
    ...(delegation ?? []).map(displayNameOf),
  ];
}

function sectorOf(view: RegistrationView): string | undefined {
  return view.entry.registrant.kind === 'municipality' ? 'Kommune' : view.entry.registrant.sector;
}

/** Status group, then the order within it, then the id: stable, and a cursor resumes exactly after it. */
function sortKeyOf(view: RegistrationView): string {
  const { entry } = view;
  const group = STATUS_ORDER.indexOf(entry.status);
  return `${group}|${String(entry.sequence).padStart(12, '0')}|${entry.registrationId}`;
}
