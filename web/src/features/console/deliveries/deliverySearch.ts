import { texts } from '../../../texts';
import type { DeliveryFilters, DeliveryStatus, MailKind } from './deliveriesApi';

const t = texts.console.deliveries;

/** The log's search as the form and the address hold it (German parameter names, codes in words). */
export interface DeliverySearch {
  /** `empfaenger`: the address. */
  readonly recipient: string;
  /** `veranstaltung`: the event's id. */
  readonly eventId: string;
  /** `stand`: a state's slug, e.g. `fehlgeschlagen`. */
  readonly status: DeliveryStatus | '';
  /** `art`: a kind's slug, e.g. `berufung`. */
  readonly kind: MailKind | '';
  /** `mitglied`: a member's id (from a link, not in the form). */
  readonly memberId: string;
}

export const EMPTY_SEARCH: DeliverySearch = {
  recipient: '',
  eventId: '',
  status: '',
  kind: '',
  memberId: '',
};
export const RECIPIENT_MAX_LENGTH = 254;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

function codeOfSlug<T extends string>(slugs: Record<T, string>, slug: string | null): T | '' {
  const found = (Object.entries(slugs) as [T, string][]).find(([, value]) => value === slug);
  return found ? found[0] : '';
}

/** The search an address asks for; what it cannot mean (an unknown state, a malformed id) is left out. */
export function searchFromParams(params: URLSearchParams): DeliverySearch {
  const eventId = params.get('veranstaltung') ?? '';
  const memberId = params.get('mitglied') ?? '';
  return {
    recipient: (params.get('empfaenger') ?? '').trim().slice(0, RECIPIENT_MAX_LENGTH),
    eventId: UUID.test(eventId) ? eventId : '',
    status: codeOfSlug(t.statusSlugs, params.get('stand')),
    kind: codeOfSlug(t.kindSlugs, params.get('art')),
    memberId: UUID.test(memberId) ? memberId : '',
  };
}

/** The address's query for a search (only what is set). */
export function paramsOfSearch(search: DeliverySearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.recipient.trim()) params.set('empfaenger', search.recipient.trim());
  if (search.eventId) params.set('veranstaltung', search.eventId);
  if (search.status) params.set('stand', t.statusSlugs[search.status]);
  if (search.kind) params.set('art', t.kindSlugs[search.kind]);
  if (search.memberId) params.set('mitglied', search.memberId);
  return params;
}

export function filtersOfSearch(search: DeliverySearch): DeliveryFilters {
  return {
    ...(search.recipient.trim() ? { recipient: search.recipient.trim() } : {}),
    ...(search.eventId ? { eventId: search.eventId } : {}),
    ...(search.status ? { status: search.status } : {}),
    ...(search.kind ? { kind: search.kind } : {}),
    ...(search.memberId ? { memberId: search.memberId } : {}),
  };
}

export function isEmptySearch(search: DeliverySearch): boolean {
  return Object.keys(filtersOfSearch(search)).length === 0;
}

export const DELIVERIES_PATH = '/geschaeftsstelle/versand';

/** A link into the log with this search, e.g. every mail to one member. */
export function deliveriesPath(search: Partial<DeliverySearch>): string {
  const query = paramsOfSearch({ ...EMPTY_SEARCH, ...search }).toString();
  return query ? `${DELIVERIES_PATH}?${query}` : DELIVERIES_PATH;
}
