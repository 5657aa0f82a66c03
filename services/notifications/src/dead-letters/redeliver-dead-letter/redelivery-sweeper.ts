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
    const claimUntil = new Date(now.getTime() + REDELIVERY_CLAIM_MS);
    await this.eachItem(
      await this.deadLetters.findAbandonedRedeliveries(now, SWEEP_BATCH),
      async (letter) => {
        const claimed = await this.deadLetters.claimRedelivery(letter.id, now, claimUntil);
        if (claimed) await this.redeliver.sendBack(letter);
      },
      (letter) => `Could not send dead letter ${letter.id} back`,
    );
  }
}
