import {
  FederalState,
  FederalStateCodes,
  FederalStates,
  MunicipalitySizeClass,
  MunicipalitySizeClasses,
  MunicipalitySizeClassNames,
  ParticipationReply,
  ParticipationRowReply,
  Sector,
  Sectors,
  Theme,
  Themes,
} from '@ic/contracts';
import { MemberRow } from '../members/member-row';
import { RegistrationEntry } from '../registrations/event-registrations';

/** One registration with the attributes it is counted by. */
export interface Participant {
  readonly federalState?: FederalState;
  readonly sector?: Sector;
  readonly themes: readonly Theme[];
  readonly sizeClass?: MunicipalitySizeClass;
  readonly confirmed: boolean;
  readonly attended: boolean;
}

export const WITHOUT_VALUE_LABEL = 'ohne Angabe';

/**
 * A member who registered counts with the member dimension's attributes (the profile as last
 * published); a municipality, a guest, or a member whose link is gone (erased) with what the
 * registration itself carried.
 */
export function participantOf(entry: RegistrationEntry, member: MemberRow | undefined): Participant {
  const counted = { confirmed: entry.status === 'confirmed', attended: entry.attendedPeople > 0 };
  if (member) {
    return {
      ...counted,
      ...(member.federalState ? { federalState: member.federalState } : {}),
      ...(member.sector ? { sector: member.sector } : {}),
      themes: member.themes,
      ...(member.sizeClass ? { sizeClass: member.sizeClass } : {}),
    };
  }
  return {
    ...counted,
    ...(entry.federalState ? { federalState: entry.federalState } : {}),
    ...(entry.sector ? { sector: entry.sector } : {}),
    themes: [],
    ...(entry.sizeClass ? { sizeClass: entry.sizeClass } : {}),
  };
}

/**
 * Participation by each dimension, every value of its vocabulary listed (also with 0) and a last
 * row for registrations without a value. A participant counts once in each of their themes.
 */
export function participationOf(participants: readonly Participant[]): ParticipationReply {
  const rows = <V extends string>(
    values: readonly V[],
    label: (value: V) => string,
    valuesOf: (participant: Participant) => readonly V[],
  ): ParticipationRowReply[] => {
    const row = (value: V | null): ParticipationRowReply => {
      const matching = participants.filter((participant) => {
        const own = valuesOf(participant);
        return value === null ? own.length === 0 : own.includes(value);
      });
      return {
        value,
        label: value === null ? WITHOUT_VALUE_LABEL : label(value),
        ...counts(matching),
      };
    };
    return [...values.map(row), row(null)];
  };
  const one = <V>(value: V | undefined): V[] => (value === undefined ? [] : [value]);
  return {
    ...counts(participants),
    byFederalState: rows(
      FederalStateCodes,
      (code) => FederalStates[code].name,
      (p) => one(p.federalState),
    ),
    bySector: rows(
      Sectors,
      (sector) => sector,
      (p) => one(p.sector),
    ),
    byTheme: rows(
      Themes,
      (theme) => theme,
      (p) => p.themes,
    ),
    bySizeClass: rows(
      MunicipalitySizeClasses,
      (size) => MunicipalitySizeClassNames[size],
      (p) => one(p.sizeClass),
    ),
  };
}

function counts(participants: readonly Participant[]): {
  registered: number;
  confirmed: number;
  attended: number;
} {
  return {
    registered: participants.length,
    confirmed: participants.filter((participant) => participant.confirmed).length,
    attended: participants.filter((participant) => participant.attended).length,
  };
}
