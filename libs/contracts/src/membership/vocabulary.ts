/** The club's fixed vocabularies, shared by validation, events, the directory filters and analytics. */

/** The 16 Länder with their ISO 3166-2:DE code and the two-digit prefix of their municipality keys (AGS). */
export const FederalStates = {
  SH: { name: 'Schleswig-Holstein', agsPrefix: '01' },
  HH: { name: 'Hamburg', agsPrefix: '02' },
  NI: { name: 'Niedersachsen', agsPrefix: '03' },
  HB: { name: 'Bremen', agsPrefix: '04' },
  NW: { name: 'Nordrhein-Westfalen', agsPrefix: '05' },
  HE: { name: 'Hessen', agsPrefix: '06' },
  RP: { name: 'Rheinland-Pfalz', agsPrefix: '07' },
  BW: { name: 'Baden-Württemberg', agsPrefix: '08' },
  BY: { name: 'Bayern', agsPrefix: '09' },
  SL: { name: 'Saarland', agsPrefix: '10' },
  BE: { name: 'Berlin', agsPrefix: '11' },
  BB: { name: 'Brandenburg', agsPrefix: '12' },
  MV: { name: 'Mecklenburg-Vorpommern', agsPrefix: '13' },
  SN: { name: 'Sachsen', agsPrefix: '14' },
  ST: { name: 'Sachsen-Anhalt', agsPrefix: '15' },
  TH: { name: 'Thüringen', agsPrefix: '16' },
} as const;
export type FederalState = keyof typeof FederalStates;
export const FederalStateCodes = Object.keys(FederalStates) as FederalState[];

export const Sectors = ['Kommune', 'Politik', 'Wirtschaft', 'Wissenschaft', 'Zivilgesellschaft'] as const;
export type Sector = (typeof Sectors)[number];

/** The club's Themenfelder. */
export const Themes = [
  'Digitalisierung',
  'Bildung',
  'Klimaschutz',
  'Energiepolitik',
  'Stadtentwicklung',
  'Kommunikation',
  'Partizipation',
  'Kooperation',
  'IT',
  'Klima',
  'Energie',
] as const;
export type Theme = (typeof Themes)[number];

/** How a person is addressed; `keine` when they prefer no gendered form. */
export const Salutations = ['Frau', 'Herr', 'keine'] as const;
export type Salutation = (typeof Salutations)[number];

/** Usual office titles; any other text is allowed too. */
export const SuggestedOfficeTitles = [
  'Oberbürgermeisterin',
  'Oberbürgermeister',
  'Bürgermeisterin',
  'Bürgermeister',
  'Landrätin',
  'Landrat',
] as const;

export const AcademicTitles = ['Dr.', 'Prof.', 'Prof. Dr.'] as const;
export type AcademicTitle = (typeof AcademicTitles)[number];

export const MemberStatuses = ['active', 'inactive'] as const;
export type MemberStatus = (typeof MemberStatuses)[number];

export const InvitationStatuses = ['open', 'accepted', 'declined', 'revoked', 'expired'] as const;
export type InvitationStatus = (typeof InvitationStatuses)[number];

export const DeactivationReasons = ['left', 'ended-by-staff'] as const;
export type DeactivationReason = (typeof DeactivationReasons)[number];

/** The Land of an official municipality key (its first two digits); undefined for a key of no Land. */
export function federalStateOfAgs(ags: string): FederalState | undefined {
  const prefix = ags.slice(0, 2);
  return FederalStateCodes.find((code) => FederalStates[code].agsPrefix === prefix);
}

/**
 * Checks an official municipality key (Amtlicher Gemeindeschlüssel): 8 digits, Land prefix 01–16,
 * and, when the Land is given, the prefix of that Land. Returns the problem in German, or undefined.
 */
export function agsProblem(ags: string, federalState?: FederalState): string | undefined {
  if (!/^\d{8}$/.test(ags)) return 'Der Amtliche Gemeindeschlüssel (AGS) besteht aus genau 8 Ziffern.';
  const land = federalStateOfAgs(ags);
  if (!land) return `Der AGS beginnt mit ${ags.slice(0, 2)}; gültig sind 01 bis 16 (die Länder).`;
  if (federalState && land !== federalState) {
    return `Der AGS ${ags} gehört zu ${FederalStates[land].name}, nicht zu ${FederalStates[federalState].name}.`;
  }
  return undefined;
}
