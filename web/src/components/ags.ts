import type { components } from '../api/openapi';

type FederalState = components['schemas']['InvitationResponse']['federalState'];

/**
 * The two-digit prefix of the official municipality keys (Amtlicher Gemeindeschlüssel, AGS) of each
 * Land, as the platform checks them (FederalStates in libs/contracts).
 */
export const AGS_PREFIX_OF_LAND = {
  SH: '01',
  HH: '02',
  NI: '03',
  HB: '04',
  NW: '05',
  HE: '06',
  RP: '07',
  BW: '08',
  BY: '09',
  SL: '10',
  BE: '11',
  BB: '12',
  MV: '13',
  SN: '14',
  ST: '15',
  TH: '16',
} as const satisfies Record<FederalState, string>;

/** Eight digits, as the AGS is written. */
export function isAgsShape(ags: string): boolean {
  return /^\d{8}$/.test(ags);
}

/** The Land an AGS belongs to (its first two digits), or undefined for a key of no Land. */
export function landOfAgs(ags: string): FederalState | undefined {
  const prefix = ags.slice(0, 2);
  return (Object.keys(AGS_PREFIX_OF_LAND) as FederalState[]).find(
    (land) => AGS_PREFIX_OF_LAND[land] === prefix,
  );
}
