import { Clock, PeriodicWorker } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { DeadLettersRepository } from '../dead-letters.repository';
import { REDELIVERY_CLAIM_MS, RedeliverDeadLetterUseCase } from './redeliver-dead-letter.usecase';

/** How often the sweeper looks for redeliveries the broker did not take. */
export const REDELIVERY_SWEEP_INTERVAL_MS = 30_000;
const SWEEP_BATCH = 50;

/**
 * Sends the dead letters marked redelivered that an instance did not get to the broker (it stopped,
 * or the broker was away). Each is claimed first, so with several instances one of them sends it.
 */
@Injectable()
export class RedeliverySweeper extends PeriodicWorker {
  constructor(
    private readonly deadLetters: DeadLettersRepository,
    private readonly redeliver: RedeliverDeadLetterUseCase,
    private readonly clock: Clock,
  ) {
    super('Redelivery', REDELIVERY_SWEEP_INTERVAL_MS);
  }

  protected async work(): Promise<void> {
    const now = this.clock.now();
    for (const letter of await this.deadLetters.findAbandonedRedeliveries(now, SWEEP_BATCH)) {
      if (this.isStopped) return;
      const claimed = await this.deadLetters.claimRedelivery(
        letter.id,
        now,
        new Date(now.getTime() + REDELIVERY_CLAIM_MS),
      );
      if (claimed) await this.redeliver.sendBack(letter);
    }
  }
}
