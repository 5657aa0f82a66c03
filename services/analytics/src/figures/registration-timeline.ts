import { TimelineGranularity } from '@ic/contracts';

const STEP_MS: Record<TimelineGranularity, number> = { hour: 3_600_000, day: 86_400_000 };

export interface TimelineStep {
  /** 0 = the first hour or day after the opening. */
  readonly step: number;
  readonly from: Date;
  readonly to: Date;
  readonly registrations: number;
  readonly cumulative: number;
}

export interface RegistrationTimeline {
  readonly registeredBeforeOpening: number;
  readonly steps: readonly TimelineStep[];
}

/**
 * Registrations per hour or per day (24 hours) since registration opened, from the opening to the
 * step of the last registration, steps without registrations included. Registrations the office
 * made before the opening are counted apart.
 */
export function registrationTimeline(
  registeredAt: readonly Date[],
  openedAt: Date,
  granularity: TimelineGranularity,
): RegistrationTimeline {
  const stepMs = STEP_MS[granularity];
  const indices = registeredAt.map((at) => Math.floor((at.getTime() - openedAt.getTime()) / stepMs));
  const perStep = new Map<number, number>();
  for (const index of indices.filter((index) => index >= 0))
    perStep.set(index, (perStep.get(index) ?? 0) + 1);
  const lastStep = Math.max(-1, ...perStep.keys());
  const registeredBeforeOpening = indices.filter((index) => index < 0).length;
  let cumulative = registeredBeforeOpening;
  const steps: TimelineStep[] = [];
  for (let step = 0; step <= lastStep; step++) {
    const registrations = perStep.get(step) ?? 0;
    cumulative += registrations;
    steps.push({
      step,
      from: new Date(openedAt.getTime() + step * stepMs),
      to: new Date(openedAt.getTime() + (step + 1) * stepMs),
      registrations,
      cumulative,
    });
  }
  return { registeredBeforeOpening, steps };
}
