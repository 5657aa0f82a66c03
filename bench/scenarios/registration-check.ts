/** A registration as the participant list shows it, reduced to what the check needs. */
export interface ListedRegistration {
  readonly registrationId: string;
  readonly memberId?: string;
  readonly status: string;
  readonly waitingPlace?: number;
}

export interface RegistrationCheck {
  readonly confirmed: number;
  readonly waiting: number;
  /** Registrations beyond the first of one member, and registration ids listed twice. */
  readonly duplicates: number;
  /** Whether the waiting places are exactly 1..waiting, each once. */
  readonly waitingPlacesGapless: boolean;
  /** Every rule the list breaks, in words; empty when it is correct. */
  readonly problems: readonly string[];
}

/**
 * Checks the rush's outcome as read back through the gateway: as many confirmed registrations as
 * seats (or all of them if fewer registered), the rest waiting with the places 1..n each given once,
 * no member and no registration id twice, and every member who was answered with a registration
 * on the list.
 */
export function checkRegistrations(
  listed: readonly ListedRegistration[],
  expected: { readonly seats: number; readonly answeredMembers: readonly string[] },
): RegistrationCheck {
  const problems: string[] = [];
  const active = listed.filter((registration) => registration.status !== 'cancelled');
  const confirmed = active.filter((registration) => registration.status === 'confirmed').length;
  const waitingPlaces = active
    .filter((registration) => registration.status === 'waiting')
    .map((registration) => registration.waitingPlace ?? 0)
    .sort((a, b) => a - b);
  const duplicates =
    countRepeats(listed.map((registration) => registration.registrationId)) +
    countRepeats(active.flatMap((registration) => (registration.memberId ? [registration.memberId] : [])));

  const wantedConfirmed = Math.min(expected.seats, active.length);
  if (confirmed !== wantedConfirmed) problems.push(`${confirmed} confirmed, expected ${wantedConfirmed}`);
  const waitingPlacesGapless = waitingPlaces.every((place, index) => place === index + 1);
  if (!waitingPlacesGapless) {
    problems.push(
      `waiting places are not 1..${waitingPlaces.length} each once: ${describePlaces(waitingPlaces)}`,
    );
  }
  if (duplicates > 0) problems.push(`${duplicates} duplicate registrations`);
  const listedMembers = new Set(active.map((registration) => registration.memberId));
  const missing = expected.answeredMembers.filter((memberId) => !listedMembers.has(memberId)).length;
  if (missing > 0)
    problems.push(`${missing} members who were answered with a registration are not on the list`);

  return { confirmed, waiting: waitingPlaces.length, duplicates, waitingPlacesGapless, problems };
}

function countRepeats(values: readonly string[]): number {
  return values.length - new Set(values).size;
}

/** The first places that break the sequence, enough to see what went wrong. */
function describePlaces(sorted: readonly number[]): string {
  const wrong = sorted.flatMap((place, index) => (place === index + 1 ? [] : [`#${index + 1}=${place}`]));
  return `${wrong.slice(0, 5).join(', ')}${wrong.length > 5 ? ', …' : ''}`;
}
