import { Clock, PeriodicWorker } from '@ic/platform';
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
    const claimUntil = new Date(now.getTime() + RESEND_CLAIM_MS);
    await this.eachItem(
      await this.deliveries.findAbandonedResends(now, SWEEP_BATCH),
      async (delivery) => {
        const claimed = await this.deliveries.claimResend(delivery.id, now, claimUntil);
        if (claimed) await this.resend.send(delivery.id);
      },
      (delivery) => `Could not send ${delivery.id} again`,
    );
  }
}
