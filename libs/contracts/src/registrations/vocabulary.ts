/** The registrations service's vocabularies: statuses, registrants, causes, and the rules it refuses by. */

/**
 * confirmed: a seat; waiting: on the waiting list (promoted in order when a seat frees up);
 * cancelled: by the registrant, the office, or because the event was cancelled. A cancelled
 * registration can be taken up again while registration is open (same id, new status).
 */
export const RegistrationStatuses = ['confirmed', 'waiting', 'cancelled'] as const;
export type RegistrationStatus = (typeof RegistrationStatuses)[number];
export const RegistrationStatusNames: Record<RegistrationStatus, string> = {
  confirmed: 'Bestätigt',
  waiting: 'Warteliste',
  cancelled: 'Storniert',
};

/**
 * The seat of one workshop choice. `pending` while the registration itself is on the waiting list:
 * a workshop seat is taken only once the event seat is confirmed.
 */
export const SessionChoiceStatuses = ['confirmed', 'waiting', 'pending'] as const;
export type SessionChoiceStatus = (typeof SessionChoiceStatuses)[number];
export const SessionChoiceStatusNames: Record<SessionChoiceStatus, string> = {
  confirmed: 'Bestätigt',
  waiting: 'Warteliste',
  pending: 'Vorgemerkt',
};

/**
 * Who a registration is for: a member (for themselves), a municipality (a delegation to a
 * Kommunalzirkel, by its member or by the office), or a guest the office registers for an event
 * open to members and guests.
 */
export const RegistrantKinds = ['member', 'municipality', 'guest'] as const;
export type RegistrantKind = (typeof RegistrantKinds)[number];

/** `member-erased`: the member had their data erased; their registrations for coming events end with it. */
export const CancellationCauses = ['registrant', 'staff', 'event-cancelled', 'member-erased'] as const;
export type CancellationCause = (typeof CancellationCauses)[number];

/** Why someone moved up from a waiting list: a seat was given back, or the office added seats. */
export const PromotionCauses = ['seat-freed', 'capacity-raised'] as const;
export type PromotionCause = (typeof PromotionCauses)[number];

/** Why workshop seats of a registration changed without the registrant asking. */
export const SessionChangeCauses = ['seat-freed', 'capacity-raised', 'session-removed'] as const;
export type SessionChangeCause = (typeof SessionChangeCauses)[number];

/** Who declared interest in an event before its registration opened. */
export const InterestHolderKinds = ['member', 'municipality'] as const;
export type InterestHolderKind = (typeof InterestHolderKinds)[number];

/**
 * The rules a registration, a change or an interest can be refused by (422). The problem names the
 * rule in `rule`, so that a client can react to it; `detail` says it in German.
 */
export const RegistrationRules = [
  'member-active',
  'registration-not-open',
  'registration-closed',
  'event-cancelled',
  'event-held',
  'members-only',
  'target-group-municipality',
  'target-group-federal-state',
  'target-group-population',
  'municipal-delegation',
  'delegation-required',
  'delegation-not-offered',
  'delegation-size',
  'delegation-duplicate-person',
  'sessions-not-offered',
  'workshop-unknown',
  'workshop-parallel-slot',
  'cancellation-deadline',
  'change-deadline',
  'interest-not-open',
  'attendance-not-confirmed',
  'attendance-not-today',
  'attendance-module-required',
  'attendance-module-unknown',
  'attendance-module-not-offered',
] as const;
export type RegistrationRule = (typeof RegistrationRules)[number];
