import { memberWords } from '../../texts/directory';
import type { DirectoryFilters } from './api';

/**
 * The directory's search form in the address (German names, so that a shared link reads well):
 * `/mitglieder?suche=kalletal&land=NW&sektor=Kommune&arbeitsgruppe=digitales&thema=Klimaschutz`.
 * Values the API would refuse are left out, so that a mistyped link still shows the directory.
 */
export interface DirectorySearch {
  readonly text: string;
  readonly federalState: string;
  readonly sector: string;
  readonly workingGroup: string;
  readonly theme: string;
}

const PARAMS = {
  text: 'suche',
  federalState: 'land',
  sector: 'sektor',
  workingGroup: 'arbeitsgruppe',
  theme: 'thema',
} as const satisfies Record<keyof DirectorySearch, string>;

/** The API's limit for the search text. */
export const SEARCH_TEXT_MAX_LENGTH = 80;
const WORKING_GROUP_ID = /^[a-z0-9-]{2,60}$/;

export const EMPTY_SEARCH: DirectorySearch = {
  text: '',
  federalState: '',
  sector: '',
  workingGroup: '',
  theme: '',
};

function oneOf<T extends string>(value: string, codes: Record<T, string>): T | undefined {
  return Object.hasOwn(codes, value) ? (value as T) : undefined;
}

export function searchFromParams(params: URLSearchParams): DirectorySearch {
  const value = (key: keyof DirectorySearch) => params.get(PARAMS[key])?.trim() ?? '';
  const workingGroup = value('workingGroup');
  return {
    // Control characters and line breaks are refused by the API; a link may carry them.
    text: value('text')
      .replace(/\p{Cc}+/gu, ' ')
      .slice(0, SEARCH_TEXT_MAX_LENGTH)
      .trim(),
    federalState: oneOf(value('federalState'), memberWords.federalStates) ?? '',
    sector: oneOf(value('sector'), memberWords.sectors) ?? '',
    workingGroup: WORKING_GROUP_ID.test(workingGroup) ? workingGroup : '',
    theme: oneOf(value('theme'), memberWords.themes) ?? '',
  };
}

/** The address query of a search: only the fields that are set. */
export function paramsOfSearch(search: DirectorySearch): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(PARAMS) as (keyof DirectorySearch)[]) {
    const value = search[key].trim();
    if (value) params.set(PARAMS[key], value);
  }
  return params;
}

/** The API's filters of a search (checked codes only). */
export function filtersOfSearch(search: DirectorySearch): DirectoryFilters {
  const federalState = oneOf(search.federalState, memberWords.federalStates);
  const sector = oneOf(search.sector, memberWords.sectors);
  const theme = oneOf(search.theme, memberWords.themes);
  const text = search.text.trim();
  return {
    ...(text ? { q: text } : {}),
    ...(federalState ? { federalState } : {}),
    ...(sector ? { sector } : {}),
    ...(search.workingGroup ? { workingGroup: search.workingGroup } : {}),
    ...(theme ? { theme } : {}),
  };
}

export function isEmptySearch(search: DirectorySearch): boolean {
  return Object.values(search).every((value) => value === '');
}
