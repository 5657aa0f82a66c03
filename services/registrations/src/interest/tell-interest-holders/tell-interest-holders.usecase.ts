import { Clock } from '@ic/platform';
import { Injectable, Logger } from '@nestjs/common';
import { KnownEventsRepository } from '../../replicas/known-events.repository';
import { ContactSealer } from '../../shared/contact-sealer';
import { InterestsRepository } from '../interests.repository';

/**
 * When registration opens, everyone who declared interest is to be told first: one
 * InterestRegistrationOpened per interest, stored in the interest's own write that marks it told,
 * so a redelivered RegistrationOpened, a restart half way, or two instances at once tell nobody twice.
 */
@Injectable()
export class TellInterestHoldersUseCase {
  private readonly logger = new Logger(TellInterestHoldersUseCase.name);

  constructor(
    private readonly interests: InterestsRepository,
    private readonly events: KnownEventsRepository,
    private readonly sealer: ContactSealer,
    private readonly clock: Clock,
  ) {}

  /** Tells every holder not told yet, if the event's registration has opened. Returns how many were told now. */
  async tellAll(eventId: string): Promise<number> {
    const event = await this.events.findById(eventId);
    if (event?.status !== 'registration-open') return 0;
    let told = 0;
    for (const interest of await this.interests.findUntold(eventId)) {
      if (await this.tell(interest.interestId)) told++;
    }
    if (told > 0)
      this.logger.log(`Registration opened for ${eventId}: ${told} interest holder(s) to be told`);
    return told;
  }

  /** Tells one holder, unless they were told already (by another delivery or instance). */
  async tell(interestId: string): Promise<boolean> {
    const interest = await this.interests.load(interestId);
    if (!interest || interest.state.toldAt) return false;
    const event = await this.events.findById(interest.state.eventId);
    if (!event) return false;
    interest.tellRegistrationOpened(event, this.clock.now(), this.sealer);
    return this.interests.save(interest);
  }
}
