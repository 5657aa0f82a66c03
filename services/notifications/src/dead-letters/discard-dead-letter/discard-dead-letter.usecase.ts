import { CallerIdentity, DeadLetterReply, DiscardDeadLetterRequest } from '@ic/contracts';
import { Clock } from '@ic/platform';
import { Injectable, Logger } from '@nestjs/common';
import {
  assertOperator,
  notOpenAnyMore,
  requireOpenDeadLetter,
  toDeadLetterReply,
} from '../dead-letter.rules';
import { DeadLettersRepository } from '../dead-letters.repository';

/**
 * An operator decides that a dead letter is not to be delivered (it was a test, the fact is out of
 * date, it was repaired by hand), with a note saying why. Only an open one; the message stays in
 * its dead-letter topic, the list shows it discarded.
 */
@Injectable()
export class DiscardDeadLetterUseCase {
  private readonly logger = new Logger(DiscardDeadLetterUseCase.name);

  constructor(
    private readonly deadLetters: DeadLettersRepository,
    private readonly clock: Clock,
  ) {}

  async execute(request: DiscardDeadLetterRequest, identity: CallerIdentity): Promise<DeadLetterReply> {
    assertOperator(identity);
    const letter = await requireOpenDeadLetter(this.deadLetters, request.deadLetterId);
    const discarded = await this.deadLetters.markDiscarded(letter.id, {
      by: identity.subject,
      at: this.clock.now(),
      note: request.note,
    });
    const current = (await this.deadLetters.find(letter.id)) ?? letter;
    if (!discarded) throw notOpenAnyMore(current);
    this.logger.log(`Dead letter ${letter.id} discarded by ${identity.subject}`);
    return toDeadLetterReply(current);
  }
}
