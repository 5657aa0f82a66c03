import { Actor, berlinDate, federalStateOfAgs, Municipality } from '@ic/contracts';
import { KnownEvent, parallelSlotOf } from '../replicas/known-event';
import { KnownMember } from '../replicas/known-member';
import { Refusal, Refusals } from './registration.messages';

/**
 * The rules of registering, decided from this service's own replicas of the event and the member:
 * pure functions, each returning the first rule not met (or undefined).
 */

/** Who is to be registered, as resolved from the request and the member replica. */
export type Candidate =
  | { readonly kind: 'member'; readonly member: KnownMember | null }
  | {
      readonly kind: 'municipality';
      readonly municipality: Municipality;
      /** The member registering their own municipality; absent when the office registers it. */
      readonly member?: KnownMember | null;
    }
  | { readonly kind: 'guest' };

export interface Choices {
  readonly sessionIds: readonly string[];
  /** E-mail addresses of the delegation's people, or undefined without a delegation. */
  readonly delegationEmails?: readonly string[];
}

/** Registration is possible while the event's registration is open and its closing time has not passed. */
export function registrationWindowRefusal(event: KnownEvent, now: Date): Refusal | undefined {
  switch (event.status) {
    case 'cancelled':
      return Refusals.eventCancelled();
    case 'held':
      return Refusals.eventHeld();
    case 'draft':
    case 'announced':
      return Refusals.registrationNotOpen(event.opensAt);
    case 'registration-closed':
      return Refusals.registrationClosed();
    case 'registration-open':
      // The scheduler closes registration within a second or so of its time; the time itself decides.
      return now.getTime() > event.closesAt.getTime() ? Refusals.registrationClosed() : undefined;
  }
}

/** Who may register for the event: its audience, its target group, the member's status. */
export function candidateRefusal(event: KnownEvent, candidate: Candidate): Refusal | undefined {
  if (candidate.kind === 'guest') {
    return event.audience === 'members-and-guests' ? undefined : Refusals.membersOnly();
  }
  const member = candidate.member;
  if (member !== undefined && member?.status !== 'active') return Refusals.memberActive();
  if (event.kind === 'kommunalzirkel' && candidate.kind !== 'municipality')
    return Refusals.municipalDelegation();
  if (event.kind !== 'kommunalzirkel' && candidate.kind === 'municipality')
    return Refusals.delegationNotOffered();
  if (event.audience !== 'target-group') return undefined;
  const municipality = candidate.kind === 'municipality' ? candidate.municipality : member?.municipality;
  return targetGroupRefusal(event, municipality);
}

/** A municipality fits the target group by its Land (from its AGS) and its population. */
export function targetGroupRefusal(
  event: KnownEvent,
  municipality: Municipality | undefined,
): Refusal | undefined {
  const group = event.targetGroup;
  if (!group) return undefined;
  if (!municipality) return Refusals.targetGroupMunicipality();
  const land = federalStateOfAgs(municipality.ags);
  if (!land || !group.federalStates.includes(land))
    return Refusals.targetGroupFederalState(group.federalStates);
  if (group.maxPopulation !== undefined && municipality.population > group.maxPopulation) {
    return Refusals.targetGroupPopulation(group.maxPopulation);
  }
  return undefined;
}

/**
 * Workshop choices (Deutschlandforum: only its workshops, one per parallel slot) and the delegation
 * (Kommunalzirkel: at least one person, at most the event's limit, each with an address of their own).
 */
export function choicesRefusal(event: KnownEvent, choices: Choices): Refusal | undefined {
  if (choices.sessionIds.length > 0) {
    if (event.kind !== 'deutschlandforum') return Refusals.sessionsNotOffered();
    const chosen = choices.sessionIds.map((id) =>
      event.workshops.find((workshop) => workshop.sessionId === id),
    );
    if (chosen.some((workshop) => workshop === undefined)) return Refusals.workshopUnknown();
    const bySlot = new Map<string, string[]>();
    for (const workshop of chosen) {
      if (!workshop) continue;
      const slot = parallelSlotOf(workshop);
      bySlot.set(slot, [...(bySlot.get(slot) ?? []), workshop.title]);
    }
    const clash = [...bySlot.values()].find((titles) => titles.length > 1);
    if (clash) return Refusals.workshopParallelSlot(clash);
  }
  return delegationRefusal(event, choices.delegationEmails);
}

export function delegationRefusal(
  event: KnownEvent,
  emails: readonly string[] | undefined,
): Refusal | undefined {
  if (event.kind !== 'kommunalzirkel')
    return emails === undefined ? undefined : Refusals.delegationNotOffered();
  if (emails === undefined || emails.length === 0) return Refusals.delegationRequired();
  const maxPeople = event.maxDelegationPeople ?? 1;
  if (emails.length > maxPeople) return Refusals.delegationSize(maxPeople);
  const twice = emails.find((email, index) => emails.indexOf(email) !== index);
  return twice ? Refusals.delegationDuplicatePerson(twice) : undefined;
}

/**
 * The registrant cancels until registration closes (at its time, or earlier by the office); the
 * office at any time before the event is held.
 */
export function cancellationRefusal(event: KnownEvent, actor: Actor, now: Date): Refusal | undefined {
  if (event.status === 'held') return Refusals.eventHeld();
  // The event's cancellation cancels every registration by itself (and gives no seat to anyone).
  if (event.status === 'cancelled') return Refusals.eventCancelled();
  if (actor.role === 'staff' || registrationStillOpen(event, now)) return undefined;
  return Refusals.cancellationDeadline();
}

/**
 * A member's erasure ends their registration for an event still to come (not held, not cancelled,
 * not begun; one without a date yet counts as to come); one for an event that has taken place stays.
 */
export function endsWithErasure(event: KnownEvent, now: Date): boolean {
  if (event.status === 'held' || event.status === 'cancelled') return false;
  return !event.startsAt || event.startsAt.getTime() > now.getTime();
}

/** A delegation changes until registration closes; the office changes it at any time before the event is held. */
export function delegationChangeRefusal(event: KnownEvent, actor: Actor, now: Date): Refusal | undefined {
  if (event.status === 'held') return Refusals.eventHeld();
  if (event.status === 'cancelled') return Refusals.eventCancelled();
  if (actor.role === 'staff' || registrationStillOpen(event, now)) return undefined;
  return Refusals.changeDeadline();
}

function registrationStillOpen(event: KnownEvent, now: Date): boolean {
  return event.status === 'registration-open' && now.getTime() <= event.closesAt.getTime();
}

/** Interest is declared for an announced event, before its registration opens, by those who could register. */
export function interestRefusal(event: KnownEvent, candidate: Candidate): Refusal | undefined {
  if (event.status === 'cancelled') return Refusals.eventCancelled();
  if (event.status !== 'announced') return Refusals.interestNotOpen();
  return candidateRefusal(event, candidate);
}

/**
 * The check-in is at the door: the office marks attendance (or takes a mark back) only on the days the
 * event takes place, as calendar days in Berlin from the day it begins to the day it ends; for a
 * Kommunalzirkel on the days of the module the person came to. No margin the evening before: a tick
 * then would count someone who has not yet come, and on the day the door opens early enough.
 */
export function attendanceRefusal(
  event: KnownEvent,
  moduleId: string | undefined,
  now: Date,
): Refusal | undefined {
  if (event.status === 'cancelled') return Refusals.eventCancelled();
  const modules = event.snapshot.circle?.modules;
  if (!modules) {
    if (moduleId) return Refusals.attendanceModuleNotOffered();
    return onTheDays(event.startsAt, event.endsAt, now);
  }
  if (!moduleId) return Refusals.attendanceModuleRequired();
  const module = modules.find((candidate) => candidate.moduleId === moduleId);
  if (!module) return Refusals.attendanceModuleUnknown();
  return onTheDays(
    module.startsAt ? new Date(module.startsAt) : undefined,
    module.endsAt ? new Date(module.endsAt) : undefined,
    now,
    module.title,
  );
}

function onTheDays(
  startsAt: Date | undefined,
  endsAt: Date | undefined,
  now: Date,
  moduleTitle?: string,
): Refusal | undefined {
  if (!startsAt || !endsAt) return Refusals.attendanceNotToday(moduleTitle);
  const today = berlinDate(now);
  if (today >= berlinDate(startsAt) && today <= berlinDate(endsAt)) return undefined;
  return Refusals.attendanceNotToday(moduleTitle, startsAt, endsAt);
}
