import { agsProblem, MemberProfile, UpdateMemberRequest } from '@ic/contracts';
import { compact, FieldError, RuleViolationError } from '@ic/platform';

/** The largest German municipality, Berlin, has about 3.9 million inhabitants. */
export const MAX_PLAUSIBLE_POPULATION = 4_000_000;

/** What the DTOs cannot check: the rules between fields of a profile. */
export function profileProblems(profile: MemberProfile): FieldError[] {
  const problems: FieldError[] = [];
  if (profile.sector === 'Kommune' && !profile.municipality) {
    problems.push({
      field: 'municipality',
      message:
        'Für Mitglieder aus dem Sektor Kommune sind die Kommune, ihr Amtlicher Gemeindeschlüssel und die Einwohnerzahl anzugeben.',
    });
  }
  if (profile.municipality) {
    const ags = agsProblem(profile.municipality.ags, profile.federalState);
    if (ags) problems.push({ field: 'municipality.ags', message: ags });
    const { population } = profile.municipality;
    if (population < 1) {
      problems.push({
        field: 'municipality.population',
        message: 'Die Einwohnerzahl einer Kommune muss mindestens 1 betragen.',
      });
    } else if (population > MAX_PLAUSIBLE_POPULATION) {
      problems.push({
        field: 'municipality.population',
        message: `Die Einwohnerzahl ${population} ist nicht plausibel: Die größte deutsche Kommune (Berlin) hat rund 3,9 Millionen Einwohner.`,
      });
    }
  }
  return problems;
}

export function assertValidProfile(profile: MemberProfile): void {
  const problems = profileProblems(profile);
  if (problems.length > 0) {
    const fields = [...new Set(problems.map((problem) => problem.field))].join(', ');
    throw new RuleViolationError(`Die Anfrage enthält ungültige Felder: ${fields}.`, problems);
  }
}

/** Profile fields in the order changes are reported; also the fields UpdateMemberRequest knows. */
export const PROFILE_FIELDS = [
  'salutation',
  'academicTitle',
  'officeTitle',
  'firstName',
  'lastName',
  'email',
  'phone',
  'organisation',
  'position',
  'sector',
  'federalState',
  'municipality',
  'themes',
  'biography',
  'salutationLine',
] as const satisfies readonly (keyof MemberProfile & keyof UpdateMemberRequest)[];
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** Optional profile fields a patch may clear with null (or, for the biography, an empty text). */
const CLEARABLE: ReadonlySet<ProfileField> = new Set([
  'academicTitle',
  'officeTitle',
  'phone',
  'position',
  'municipality',
  'biography',
  'salutationLine',
]);

export type ProfilePatch = { readonly [K in ProfileField]?: MemberProfile[K] | null };

export interface PatchedProfile {
  readonly profile: MemberProfile;
  readonly changedFields: ProfileField[];
}

/**
 * Applies a validated patch: absent fields stay, null clears an optional field, and the result
 * names the fields whose value really changed. Clearing a required field is refused.
 */
export function applyProfilePatch(profile: MemberProfile, patch: ProfilePatch): PatchedProfile {
  const problems: FieldError[] = [];
  const next: Record<string, unknown> = { ...profile };
  const changedFields: ProfileField[] = [];
  for (const field of PROFILE_FIELDS) {
    const value = patch[field];
    if (value === undefined) continue;
    const clears = value === null || (field === 'biography' && value === '');
    if (clears && !CLEARABLE.has(field)) {
      problems.push({ field, message: `${field} ist ein Pflichtfeld und kann nicht geleert werden` });
      continue;
    }
    const nextValue = clears ? undefined : value;
    if (!sameValue(profile[field], nextValue)) changedFields.push(field);
    next[field] = nextValue;
  }
  if (problems.length > 0) {
    throw new RuleViolationError(
      `Die Anfrage enthält ungültige Felder: ${problems.map((problem) => problem.field).join(', ')}.`,
      problems,
    );
  }
  return { profile: compact(next as unknown as MemberProfile), changedFields };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}

/** Key order and array order of themes do not make a change. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return [...(value as unknown[])].map(normalise).sort();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, entry]) => entry !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, entry]) => [key, normalise(entry)]),
    );
  }
  return value;
}
