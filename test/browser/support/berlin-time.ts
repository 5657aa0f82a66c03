import { berlinWallTime } from '../../../libs/contracts/src/time/berlin-time';

/** „2027-05-12T09:30“: a Berlin wall-clock minute, as the events API takes times. */
export function berlinMinute(instant: number): string {
  return berlinWallTime(new Date(instant)).slice(0, 16);
}
