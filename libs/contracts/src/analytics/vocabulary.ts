/** The analytics service's vocabularies: municipality size classes, timeline steps, dimensions. */

/**
 * Municipality size classes by inhabitants, as the DStGB reports on its members: up to 5,000;
 * 5,001 to 20,000; 20,001 to 100,000; above 100,000. A boundary belongs to the lower class.
 */
export const MunicipalitySizeClasses = ['up-to-5000', '5001-20000', '20001-100000', 'over-100000'] as const;
export type MunicipalitySizeClass = (typeof MunicipalitySizeClasses)[number];
export const MunicipalitySizeClassNames: Record<MunicipalitySizeClass, string> = {
  'up-to-5000': 'bis 5.000 Einwohner',
  '5001-20000': '5.001 bis 20.000 Einwohner',
  '20001-100000': '20.001 bis 100.000 Einwohner',
  'over-100000': 'über 100.000 Einwohner',
};

const SIZE_CLASS_UPPER_BOUNDS: readonly [number, MunicipalitySizeClass][] = [
  [5_000, 'up-to-5000'],
  [20_000, '5001-20000'],
  [100_000, '20001-100000'],
];

export function sizeClassOf(population: number): MunicipalitySizeClass {
  return SIZE_CLASS_UPPER_BOUNDS.find(([upTo]) => population <= upTo)?.[1] ?? 'over-100000';
}

/** Steps of an event's registrations over time, counted from the opening of registration. */
export const TimelineGranularities = ['hour', 'day'] as const;
export type TimelineGranularity = (typeof TimelineGranularities)[number];

/** What participation is broken down by. */
export const ParticipationDimensions = ['federal-state', 'sector', 'theme', 'size-class'] as const;
export type ParticipationDimension = (typeof ParticipationDimensions)[number];
export const ParticipationDimensionNames: Record<ParticipationDimension, string> = {
  'federal-state': 'Bundesland',
  sector: 'Sektor',
  theme: 'Themenfeld',
  'size-class': 'Gemeindegröße',
};
