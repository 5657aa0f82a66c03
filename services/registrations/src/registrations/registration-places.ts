import { Registration, RegistrationView } from './registration';

/** How many wait ahead of a registration in the lines it enters: the event's and each workshop's. */
export interface LinesAhead {
  readonly waiting: number;
  readonly sessions: Readonly<Record<string, { readonly waiting: number } | undefined>>;
}

/**
 * The registrations of one event with their places: the waiting list in the order its members
 * entered it (place 1 = next), each workshop's waiting list among the confirmed likewise. Places
 * are ranks, so they are distinct and without gaps at every moment and move up without an event
 * per person.
 */
export function viewsOf(eventId: string, registrations: readonly Registration[]): RegistrationView[] {
  const waiting = new Map(
    registrations
      .filter((entry) => entry.status === 'waiting')
      .sort((a, b) => a.sequence - b.sequence)
      .map((entry, index) => [entry.registrationId, index + 1]),
  );
  const bySession = new Map<string, { registrationId: string; sequence: number }[]>();
  for (const entry of registrations) {
    if (entry.status !== 'confirmed') continue;
    for (const choice of entry.sessions) {
      if (choice.status !== 'waiting') continue;
      const list = bySession.get(choice.sessionId) ?? [];
      list.push({ registrationId: entry.registrationId, sequence: choice.sequence });
      bySession.set(choice.sessionId, list);
    }
  }
  const sessionPlaces = new Map<string, number>();
  for (const [sessionId, list] of bySession) {
    list
      .sort((a, b) => a.sequence - b.sequence)
      .forEach((item, index) => sessionPlaces.set(`${item.registrationId}|${sessionId}`, index + 1));
  }
  return registrations.map((entry) => {
    const places: Record<string, number> = {};
    for (const choice of entry.sessions) {
      const place = sessionPlaces.get(`${entry.registrationId}|${choice.sessionId}`);
      if (place !== undefined) places[choice.sessionId] = place;
    }
    const waitingPlace = waiting.get(entry.registrationId);
    return {
      eventId,
      entry,
      ...(waitingPlace !== undefined ? { waitingPlace } : {}),
      sessionPlaces: places,
    };
  });
}

/** A registration without places (confirmed or cancelled, no workshop waited for), or with the places given. */
export function viewOf(
  entry: Registration,
  places: { waitingPlace?: number; sessionPlaces?: Record<string, number> } = {},
): RegistrationView {
  return {
    eventId: entry.eventId,
    entry,
    ...(places.waitingPlace !== undefined ? { waitingPlace: places.waitingPlace } : {}),
    sessionPlaces: places.sessionPlaces ?? {},
  };
}

/** Confirmed and waiting choices of a workshop (choices count only while their registration is confirmed). */
export function workshopSeatsOf(
  registrations: readonly Registration[],
  sessionId: string,
): { confirmed: number; waiting: number } {
  let confirmed = 0;
  let waiting = 0;
  for (const entry of registrations) {
    if (entry.status !== 'confirmed') continue;
    const choice = entry.sessions.find((candidate) => candidate.sessionId === sessionId);
    if (choice?.status === 'confirmed') confirmed++;
    if (choice?.status === 'waiting') waiting++;
  }
  return { confirmed, waiting };
}

/** The places of a registration that has just entered the lines it waits in: right behind those ahead. */
export function placesBehind(entry: Registration, ahead: LinesAhead): RegistrationView {
  const sessionPlaces: Record<string, number> = {};
  for (const choice of entry.sessions) {
    if (choice.status === 'waiting')
      sessionPlaces[choice.sessionId] = (ahead.sessions[choice.sessionId]?.waiting ?? 0) + 1;
  }
  return viewOf(entry, {
    ...(entry.status === 'waiting' ? { waitingPlace: ahead.waiting + 1 } : {}),
    sessionPlaces,
  });
}
