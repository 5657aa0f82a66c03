import { Clock, describe, RepeatingPass } from '@ic/platform';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
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
export class ResendSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ResendSweeper.name);
  private readonly repeating = new RepeatingPass(() => this.pass(), RESEND_SWEEP_INTERVAL_MS);

  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly resend: ResendDeliveryUseCase,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.repeating.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.repeating.stop();
  }

  /** One pass over the abandoned resends. Never throws. */
  async pass(): Promise<void> {
    try {
      const now = this.clock.now();
      for (const delivery of await this.deliveries.findAbandonedResends(now, SWEEP_BATCH)) {
        if (this.repeating.isStopped) return;
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
    } catch (error) {
      this.logger.warn(`Resend pass failed, trying again later: ${describe(error)}`);
    }
  }
}
