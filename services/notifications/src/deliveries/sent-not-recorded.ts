import { BoundedMap } from '@ic/platform';
import { Injectable } from '@nestjs/common';

/** Bounded: a delivery handled again elsewhere (another instance) never comes back to clear its entry. */
const MAX_REMEMBERED = 10_000;

/**
 * The mails that went out (the SMTP server answered "250 OK") but whose `sent` the database did not
 * take, by delivery id, with when they went out: the delivery's next handling (its event again, or
 * the resend sweeper) records them instead of sending them a second time. In memory: a crash in that
 * moment is the one window left (see DeliverMailUseCase, the lines of defence).
 */
@Injectable()
export class SentNotRecorded {
  private readonly sentAt = new BoundedMap<string, Date>(MAX_REMEMBERED);

  /** When the delivery's mail went out, if it did and was not recorded. */
  of(id: string): Date | undefined {
    return this.sentAt.get(id);
  }

  /** Records the mail as sent (`record`); if the database does not take it, remembers that it went out. */
  async record(id: string, sentAt: Date, record: () => Promise<void>): Promise<void> {
    try {
      await record();
    } catch (error) {
      this.sentAt.set(id, sentAt);
      throw error;
    }
    this.sentAt.delete(id);
  }
}
