import { texts } from '../../../texts';
import { memberWords } from '../../../texts/directory';
import type { ParticipantFilters } from './api';

/** The list's filters as the address keeps them, in German: `?stand=warteliste&land=SN&suche=görlitz`. */
export interface ParticipantSearch {
  readonly text: string;
  readonly status: string;
  readonly attendance: string;
  readonly federalState: string;
  readonly sector: string;
}

export const SEARCH_TEXT_MAX_LENGTH = 80;

const STATUS = { bestaetigt: 'confirmed', warteliste: 'waiting', storniert: 'cancelled' } as const;
const ATTENDANCE = { anwesend: true, 'nicht-vermerkt': false } as const;

const known = <T extends object>(options: T, value: string | null): string =>
  value !== null && Object.hasOwn(options, value) ? value : '';

export function searchFromParams(params: URLSearchParams): ParticipantSearch {
  return {
    text: (params.get('suche') ?? '').slice(0, SEARCH_TEXT_MAX_LENGTH),
    status: known(texts.console.participants.statusOptions, params.get('stand')),
    attendance: known(texts.console.participants.attendanceOptions, params.get('einlass')),
    federalState: known(memberWords.federalStates, params.get('land')),
    sector: known(memberWords.sectors, params.get('sektor')),
  };
}

export function paramsOfSearch(search: ParticipantSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.text.trim()) params.set('suche', search.text.trim());
  if (search.status) params.set('stand', search.status);
  if (search.attendance) params.set('einlass', search.attendance);
  if (search.federalState) params.set('land', search.federalState);
  if (search.sector) params.set('sektor', search.sector);
  return params;
}

export function isEmptySearch(search: ParticipantSearch): boolean {
  return paramsOfSearch(search).size === 0;
}

/** The filters as the API takes them. */
export function filtersOfSearch(search: ParticipantSearch): ParticipantFilters {
  const filters: { -readonly [K in keyof ParticipantFilters]: ParticipantFilters[K] } = {};
  if (search.text.trim()) filters.q = search.text.trim();
  if (search.status) filters.status = STATUS[search.status as keyof typeof STATUS];
  if (search.attendance) filters.attended = ATTENDANCE[search.attendance as keyof typeof ATTENDANCE];
  if (search.federalState) filters.federalState = search.federalState as ParticipantFilters['federalState'];
  if (search.sector) filters.sector = search.sector as ParticipantFilters['sector'];
  return filters;
}
