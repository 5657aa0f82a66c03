import type { components } from '../api/openapi';
import { texts } from '../texts';
import { memberWords } from '../texts/directory';

// A member's name and vocabularies in words: the portal's directory and profile and the office's console.
type DirectoryEntry = components['schemas']['DirectoryEntryResponse'];
type MemberRecord = components['schemas']['MemberResponse'];
type WorkingGroup = components['schemas']['WorkingGroupResponse'];

type Named = Pick<DirectoryEntry, 'academicTitle' | 'firstName' | 'lastName'>;

/** „Dr. Jonas Beispiel“: how the club writes a member's name. */
export function fullName(person: Named): string {
  return [
    person.academicTitle ? memberWords.academicTitles[person.academicTitle] : null,
    person.firstName,
    person.lastName,
  ]
    .filter(Boolean)
    .join(' ');
}

/** „Bürgermeister, Gemeinde Kalletal“: office (or position) and organisation, as one line. */
export function roleLine(person: Pick<DirectoryEntry, 'officeTitle' | 'position' | 'organisation'>): string {
  return [person.officeTitle ?? person.position, person.organisation].filter(Boolean).join(', ');
}

/** The Land, sector and theme names of a member, in German. */
export function federalStateName(code: DirectoryEntry['federalState']): string {
  return memberWords.federalStates[code];
}

export function sectorName(code: DirectoryEntry['sector']): string {
  return memberWords.sectors[code];
}

export function themeNames(themes: DirectoryEntry['themes']): string[] {
  return themes.map((theme) => memberWords.themes[theme]);
}

/** The names of the working groups with these ids; an id the list does not (yet) know stays readable. */
export function workingGroupNames(
  ids: readonly string[],
  groups: readonly WorkingGroup[] | undefined,
): string[] {
  return ids.map((id) => groups?.find((group) => group.id === id)?.name ?? id);
}

/** A list in words, or „keine“ when it is empty. */
export function listOrNone(items: readonly string[]): string {
  return items.length > 0 ? items.join(', ') : texts.directory.member.none;
}

/** The directory entry part of a member as the API sends it (a full record for oneself). */
export function isFullRecord(member: DirectoryEntry | MemberRecord): member is MemberRecord {
  return 'email' in member;
}

/** The Kommune of an entry or a full record. */
export function municipalityOf(member: DirectoryEntry | MemberRecord): string | undefined {
  return isFullRecord(member) ? member.municipality?.name : member.municipalityName;
}
