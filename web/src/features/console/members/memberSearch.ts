import { memberWords } from '../../../texts/directory';
import type { MemberFilters } from './api';

/**
 * The search of the office's member list in the address, with German names:
 * `/geschaeftsstelle/mitglieder?suche=kalletal&land=NW&sektor=Kommune&arbeitsgruppe=digitales&thema=Klima&mitgliedschaft=beendet`.
 * Values the API would refuse are left out, so that a mistyped link still shows the list.
 */
export interface MemberSearch {
  readonly text: string;
  readonly federalState: string;
  readonly sector: string;
  readonly workingGroup: string;
  readonly theme: string;
  /** '' (both), 'active' or 'inactive'. */
  readonly status: string;
}

const PARAMS = {
  text: 'suche',
  federalState: 'land',
  sector: 'sektor',
  workingGroup: 'arbeitsgruppe',
  theme: 'thema',
  status: 'mitgliedschaft',
} as const satisfies Record<keyof MemberSearch, string>;

/** The status in the address in German. */
const STATUS_WORDS = { active: 'aktiv', inactive: 'beendet' } as const;

export const SEARCH_TEXT_MAX_LENGTH = 80;
const WORKING_GROUP_ID = /^[a-z0-9-]{2,60}$/;

function oneOf<T extends string>(value: string, codes: Record<T, string>): T | undefined {
  return Object.hasOwn(codes, value) ? (value as T) : undefined;
}

export function searchFromParams(params: URLSearchParams): MemberSearch {
  const value = (key: keyof MemberSearch) => params.get(PARAMS[key])?.trim() ?? '';
  const workingGroup = value('workingGroup');
  const status = (Object.keys(STATUS_WORDS) as (keyof typeof STATUS_WORDS)[]).find(
    (code) => STATUS_WORDS[code] === value('status'),
  );
  return {
    text: value('text')
      .replace(/\p{Cc}+/gu, ' ')
      .slice(0, SEARCH_TEXT_MAX_LENGTH)
      .trim(),
    federalState: oneOf(value('federalState'), memberWords.federalStates) ?? '',
    sector: oneOf(value('sector'), memberWords.sectors) ?? '',
    workingGroup: WORKING_GROUP_ID.test(workingGroup) ? workingGroup : '',
    theme: oneOf(value('theme'), memberWords.themes) ?? '',
    status: status ?? '',
  };
}

export function paramsOfSearch(search: MemberSearch): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(PARAMS) as (keyof MemberSearch)[]) {
    const value = search[key].trim();
    if (!value) continue;
    params.set(
      PARAMS[key],
      key === 'status'
        ? oneOf(value, STATUS_WORDS)
          ? STATUS_WORDS[value as keyof typeof STATUS_WORDS]
          : ''
        : value,
    );
    if (!params.get(PARAMS[key])) params.delete(PARAMS[key]);
  }
  return params;
}

export function filtersOfSearch(search: MemberSearch): MemberFilters {
  const federalState = oneOf(search.federalState, memberWords.federalStates);
  const sector = oneOf(search.sector, memberWords.sectors);
  const theme = oneOf(search.theme, memberWords.themes);
  const status = oneOf(search.status, STATUS_WORDS);
  const text = search.text.trim();
  return {
    ...(text ? { q: text } : {}),
    ...(federalState ? { federalState } : {}),
    ...(sector ? { sector } : {}),
    ...(search.workingGroup ? { workingGroup: search.workingGroup } : {}),
    ...(theme ? { theme } : {}),
    ...(status ? { status } : {}),
  };
}

export function isEmptySearch(search: MemberSearch): boolean {
  return Object.values(search).every((value) => value === '');
}
