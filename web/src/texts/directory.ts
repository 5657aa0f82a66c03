import { common } from './common';
import type { components } from '../api/openapi';

type DirectoryEntry = components['schemas']['DirectoryEntryResponse'];

/**
 * The club's vocabularies in members' words: every code the API sends for a member. Typed by the
 * API's own enums, so that a new code breaks the type check until it has its German words.
 */
export const memberWords = {
  federalStates: common.federalStates,
  sectors: {
    Kommune: 'Kommune',
    Politik: 'Politik',
    Wirtschaft: 'Wirtschaft',
    Wissenschaft: 'Wissenschaft',
    Zivilgesellschaft: 'Zivilgesellschaft',
  } satisfies Record<DirectoryEntry['sector'], string>,
  themes: {
    Digitalisierung: 'Digitalisierung',
    Bildung: 'Bildung',
    Klimaschutz: 'Klimaschutz',
    Energiepolitik: 'Energiepolitik',
    Stadtentwicklung: 'Stadtentwicklung',
    Kommunikation: 'Kommunikation',
    Partizipation: 'Partizipation',
    Kooperation: 'Kooperation',
    IT: 'IT',
    Klima: 'Klima',
    Energie: 'Energie',
  } satisfies Record<DirectoryEntry['themes'][number], string>,
  salutations: {
    Frau: 'Frau',
    Herr: 'Herr',
    keine: 'Keine Anrede',
  } satisfies Record<DirectoryEntry['salutation'], string>,
  academicTitles: {
    'Dr.': 'Dr.',
    'Prof.': 'Prof.',
    'Prof. Dr.': 'Prof. Dr.',
  } satisfies Record<NonNullable<DirectoryEntry['academicTitle']>, string>,
} as const;

/** Texts of the directory pages (/mitglieder, /mitglieder/{id}). */
export const directory = {
  title: 'Mitglieder',
  lead: 'Das Verzeichnis der Mitglieder des Innovators Club: Finden Sie Kolleginnen und Kollegen nach Name, Land, Sektor, Arbeitsgruppe oder Themenfeld.',
  search: {
    heading: 'Suchen und filtern',
    label: 'Name, Organisation oder Kommune',
    hint: 'Zum Beispiel „Kalletal“ oder einen Nachnamen.',
    federalState: 'Land',
    allFederalStates: 'Alle Länder',
    sector: 'Sektor',
    allSectors: 'Alle Sektoren',
    workingGroup: 'Arbeitsgruppe',
    allWorkingGroups: 'Alle Arbeitsgruppen',
    theme: 'Themenfeld',
    allThemes: 'Alle Themenfelder',
    submit: 'Suchen',
    reset: 'Suche und Filter zurücksetzen',
  },
  results: {
    heading: 'Ergebnisse',
    loading: 'Mitglieder werden geladen …',
    loadingMore: 'Weitere Mitglieder werden geladen …',
    countAll: (count: number) => (count === 1 ? '1 Mitglied gefunden.' : `${count} Mitglieder gefunden.`),
    countSoFar: (count: number) =>
      `${count} Mitglieder angezeigt. Es gibt weitere: „Weitere anzeigen“ lädt die nächsten.`,
    empty: 'Keine Mitglieder gefunden. Ändern Sie die Suche oder setzen Sie die Filter zurück.',
    more: 'Weitere anzeigen',
    moreFailed: 'Die weiteren Mitglieder konnten nicht geladen werden.',
  },
  entry: {
    municipality: 'Kommune',
    federalState: 'Land',
    sector: 'Sektor',
    themes: 'Themenfelder',
    workingGroups: 'Arbeitsgruppen',
  },
  member: {
    backToDirectory: 'Zurück zum Mitgliederverzeichnis',
    loading: 'Das Mitglied wird geladen …',
    officeTitle: 'Amtsbezeichnung',
    position: 'Funktion',
    organisation: 'Organisation',
    municipality: 'Kommune',
    federalState: 'Land',
    sector: 'Sektor',
    themes: 'Themenfelder',
    workingGroups: 'Arbeitsgruppen',
    none: 'keine',
    contactNote:
      'E-Mail-Adressen und Telefonnummern der Mitglieder zeigt das Verzeichnis nicht; sie sind nur der Geschäftsstelle bekannt.',
    yourself: 'Das ist Ihr eigener Eintrag, so wie andere Mitglieder ihn sehen.',
    toProfile: 'Ihr Profil bearbeiten',
    notFoundTitle: 'Mitglied nicht gefunden',
    notFoundText:
      'Dieses Mitglied ist nicht im Verzeichnis. Vielleicht ist die Mitgliedschaft beendet, oder der Link ist unvollständig.',
  },
} as const;
