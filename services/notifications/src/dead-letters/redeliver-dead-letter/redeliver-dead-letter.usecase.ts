import {
  CallerIdentity,
  DeadLetterIdRequest,
  DeadLetterReply,
  RedeliverAllReply,
  RedeliverAllRequest,
} from '@ic/contracts';
import { KafkaConnection, redeliveryOf } from '@ic/messaging';
import { Clock, describe } from '@ic/platform';
import { Injectable, Logger } from '@nestjs/common';
import {
  assertOperator,
  assertRedeliverable,
  notOpenAnyMore,
  REDELIVERABLE_REASONS,
  requireOpenDeadLetter,
  toDeadLetterReply,
} from '../dead-letter.rules';
import { DeadLetterRecord, DeadLettersRepository } from '../dead-letters.repository';

/** How long one instance holds a redelivery it is sending; after that the sweeper sends it. */
export const REDELIVERY_CLAIM_MS = 60_000;
/** The most one "redeliver all" sends back; the rest stay open for the next. */
export const REDELIVER_ALL_LIMIT = 500;

/**
 * An operator sends a dead letter back after a fix (`npm run dlt -- redeliver`, the console's
 * "Betrieb" page).
 *
 * Once: it is marked redelivered in one conditional write before it is sent, so of two requests
 * (two clicks, two operators, the CLI and the page) one sends it and the other gets a 409 in words.
 * It goes back to its topic with its key, body and headers, addressed to the consumer group that
 * gave up on it: only that group handles it, the others handled the original. The group takes its
 * claim on the event once more (HandledEvents), so even a message sent twice is handled once.
 *
 * The mark comes first, so the broker may miss it (the instance stops, the broker is away): then
 * the letter stays marked but not sent, and RedeliverySweeper sends it once the claim has run out.
 */
@Injectable()
export class RedeliverDeadLetterUseCase {
  private readonly logger = new Logger(RedeliverDeadLetterUseCase.name);

  constructor(
    private readonly deadLetters: DeadLettersRepository,
    private readonly kafka: KafkaConnection,
    private readonly clock: Clock,
  ) {}

  async execute(request: DeadLetterIdRequest, identity: CallerIdentity): Promise<DeadLetterReply> {
    assertOperator(identity);
    const letter = await requireOpenDeadLetter(this.deadLetters, request.deadLetterId);
    assertRedeliverable(letter);
    if (!(await this.mark(letter, identity))) {
      throw notOpenAnyMore((await this.deadLetters.find(letter.id)) ?? letter);
    }
    await this.sendBackOrLeave(letter);
    return toDeadLetterReply((await this.deadLetters.find(letter.id)) ?? letter);
  }

  /** Every open one (of one topic) that a redelivery can help, in the order they failed. */
  async executeAll(request: RedeliverAllRequest, identity: CallerIdentity): Promise<RedeliverAllReply> {
    assertOperator(identity);
    const redelivered: DeadLetterReply[] = [];
    for (const letter of await this.deadLetters.listOpen(
      request.topic,
      REDELIVERABLE_REASONS,
      REDELIVER_ALL_LIMIT,
    )) {
      // Another operator may have taken it meanwhile: then it is theirs.
      if (!(await this.mark(letter, identity))) continue;
      await this.sendBackOrLeave(letter);
      redelivered.push(toDeadLetterReply((await this.deadLetters.find(letter.id)) ?? letter));
    }
    return { redelivered };
  }

  /** Sends a letter marked redelivered to its topic and records that the broker has it. */
  async sendBack(letter: DeadLetterRecord): Promise<void> {
    await this.kafka.send(letter.topic, [redeliveryOf(letter)]);
    await this.deadLetters.markRedeliverySent(letter.id, this.clock.now());
    this.logger.log(
      `Dead letter ${letter.id} (event ${letter.eventId ?? '–'}) sent back for ${letter.group}`,
    );
  }

  private mark(letter: DeadLetterRecord, identity: CallerIdentity): Promise<boolean> {
    const now = this.clock.now();
    return this.deadLetters.markRedelivered(
      letter.id,
      { by: identity.subject, at: now },
      new Date(now.getTime() + REDELIVERY_CLAIM_MS),
    );
  }

  private async sendBackOrLeave(letter: DeadLetterRecord): Promise<void> {
    try {
      await this.sendBack(letter);
    } catch (error) {
      this.logger.warn(
        `Dead letter ${letter.id} marked but not sent yet, the sweeper sends it: ${describe(error)}`,
      );
    }
  }
}
