import { Clock, describe, PeriodicWorker } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { DeliveriesRepository } from '../deliveries.repository';
import { RESEND_CLAIM_MS, ResendDeliveryUseCase } from './resend-delivery.usecase';

/** How often the sweeper looks for resends that an instance left unsettled. */
export const RESEND_SWEEP_INTERVAL_MS = 30_000;
const SWEEP_BATCH = 20;

/**
 * Sends the re-queued mails an instance stopped holding before it settled them (it crashed or was
 * stopped between the office's request and the SMTP answer). Each is claimed first, so with several
 * instances one of them sends it.
 */
@Injectable()
export class ResendSweeper extends PeriodicWorker {
  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly resend: ResendDeliveryUseCase,
    private readonly clock: Clock,
  ) {
    super('Resend', RESEND_SWEEP_INTERVAL_MS);
  }

  /** One pass over the abandoned resends. */
  protected async work(): Promise<void> {
    const now = this.clock.now();
    for (const delivery of await this.deliveries.findAbandonedResends(now, SWEEP_BATCH)) {
      if (this.isStopped) return;
      const claimed = await this.deliveries.claimResend(
        delivery.id,
        now,
        new Date(now.getTime() + RESEND_CLAIM_MS),
      );
      if (!claimed) continue;
      try {
        await this.resend.send(delivery.id);
      } catch (error) {
        this.logger.warn(`Could not send ${delivery.id} again: ${describe(error)}`);
      }
    }
  }
}
