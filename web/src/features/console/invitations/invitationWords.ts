import { formatShortDate, formatTime } from '../../../format/dates';
import { texts } from '../../../texts';
import { memberWords } from '../../../texts/directory';
import type { Invitation, InvitationStatus } from './invitationsApi';

const t = texts.console.invitations;

/** „Dr. Anna Müller“: how the club writes a person's name. */
export function personName(person: Pick<Invitation, 'academicTitle' | 'firstName' | 'lastName'>): string {
  return [
    person.academicTitle ? memberWords.academicTitles[person.academicTitle] : null,
    person.firstName,
    person.lastName,
  ]
    .filter(Boolean)
    .join(' ');
}

/** The state of `?stand=offen` etc., or undefined for all (or an unknown word). */
export function statusOfSlug(slug: string | null): InvitationStatus | undefined {
  if (!slug) return undefined;
  return (Object.keys(t.statusSlugs) as InvitationStatus[]).find((status) => t.statusSlugs[status] === slug);
}

/** A population in German digits: 13.900. */
export function formatPopulation(population: number): string {
  return new Intl.NumberFormat('de-DE').format(population);
}

/** „21.12.2026, 11:00 Uhr“: a moment in a list, short. */
export function formatMoment(iso: string): string {
  return `${formatShortDate(iso)}, ${formatTime(iso)}`;
}
