import { ClubEventSnapshot, federalStateOfAgs, TargetGroup } from '@ic/contracts';
import { ContactRecord } from '../replicas/contacts.repository';

/** What decides the recipients of an event's announcement. */
export type AnnouncedEvent = Pick<
  ClubEventSnapshot,
  'kind' | 'audience' | 'announceTo' | 'targetGroup' | 'themes'
>;

/** What decides whether a member is one of them. */
export type AnnouncementCandidate = Pick<
  ContactRecord,
  'status' | 'announcementsOptOut' | 'municipality' | 'themes'
>;

/**
 * Who gets the announcement of an event: active members who have not switched announcements off,
 * and of them
 * - for a Kommunalzirkel (and any event open only to its target group): members whose municipality
 *   lies in one of the target group's Länder and has at most its maximum population; members
 *   without a municipality are not in any target group;
 * - otherwise, by the event's `announceTo`: all of them, or those who share a theme with the event.
 */
export function isAnnouncementRecipient(event: AnnouncedEvent, member: AnnouncementCandidate): boolean {
  if (member.status !== 'active' || member.announcementsOptOut) return false;
  if (event.kind === 'kommunalzirkel' || event.audience === 'target-group') {
    return isInTargetGroup(event.targetGroup, member);
  }
  if (event.announceTo === 'matching-themes') {
    return member.themes.some((theme) => event.themes.includes(theme));
  }
  return true;
}

function isInTargetGroup(targetGroup: TargetGroup | undefined, member: AnnouncementCandidate): boolean {
  if (!targetGroup || !member.municipality) return false;
  const { ags, population } = member.municipality;
  const land = federalStateOfAgs(ags);
  if (!land || !targetGroup.federalStates.includes(land)) return false;
  return targetGroup.maxPopulation === undefined || population <= targetGroup.maxPopulation;
}

/**
 * Where an event's registration stands, as a mail about it says: still ahead (it opens at the
 * window's date), open (or opening this moment: the window's date has come and the events
 * service's scheduler is about to open it), or over (closed, held). Told from the event as now
 * known, never from the date an earlier mail named: the office may have opened registration early
 * or moved the window since.
 */
export type RegistrationStage = 'ahead' | 'open' | 'over';

export function registrationStageOf(
  event: Pick<ClubEventSnapshot, 'status' | 'registration'>,
  now: Date,
): RegistrationStage {
  if (event.status === 'registration-open') return 'open';
  if (event.status === 'announced' || event.status === 'draft') {
    return new Date(event.registration.opensAt) > now ? 'ahead' : 'open';
  }
  return 'over';
}

/**
 * Registration is open before the window's date: the office opened it early. (Once the date has
 * come it does not matter any more whether it opened a little earlier.)
 */
export function openedEarly(event: Pick<ClubEventSnapshot, 'status' | 'registration'>, now: Date): boolean {
  return event.status === 'registration-open' && new Date(event.registration.opensAt) > now;
}
