import { metricsRegistry } from '@ic/platform';
import { Counter } from 'prom-client';

/** confirmed, waitlisted and promoted are stored seat steps; refused is a registration turned down by a rule. */
export type SeatDecision = 'confirmed' | 'waitlisted' | 'promoted' | 'refused';

const decisions = new Counter({
  name: 'ic_seat_decisions_total',
  help: 'Seat decisions of registrations: confirmed, waitlisted, promoted (from the waiting list), refused (by a rule)',
  labelNames: ['decision'] as const,
  registers: [metricsRegistry],
});

export function countSeatDecision(decision: SeatDecision): void {
  decisions.inc({ decision });
}

/** The count so far (for specs). */
export async function seatDecisionsCounted(decision: SeatDecision): Promise<number> {
  const { values } = await decisions.get();
  return values.find((value) => value.labels.decision === decision)?.value ?? 0;
}
