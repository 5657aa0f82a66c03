import { DeadLetterReason } from '@ic/contracts';
import { ReadDeadLetter } from '@ic/messaging';
import { mock } from 'jest-mock-extended';
import {
  DeadLetterDecisionRecord,
  DeadLetterRecord,
  DeadLettersRepository,
} from '../dead-letters/dead-letters.repository';

type Stored = DeadLetterRecord & { claimedUntil?: Date };

/** DeadLettersRepository over a map, with the same conditional writes (one step each, as in Mongo). */
export class InMemoryDeadLetters {
  readonly records = new Map<string, Stored>();

  add(letter: ReadDeadLetter): void {
    this.records.set(letter.id, { ...letter, state: 'open' });
  }

  asRepository(): DeadLettersRepository {
    const open = (id: string) => this.records.get(id)?.state === 'open';
    const set = (id: string, change: Partial<Stored>) => {
      const current = this.records.get(id);
      if (current) this.records.set(id, { ...current, ...change });
    };
    return mock<DeadLettersRepository>({
      find: (id: string) => Promise.resolve(this.records.get(id)),
      listOpen: (topic: string | undefined, reasons: readonly DeadLetterReason[], limit: number) =>
        Promise.resolve(
          [...this.records.values()]
            .filter(
              (letter) =>
                letter.state === 'open' &&
                reasons.includes(letter.reason) &&
                (!topic || letter.topic === topic),
            )
            .sort((a, b) => a.failedAt.getTime() - b.failedAt.getTime())
            .slice(0, limit),
        ),
      markRedelivered: (id: string, decision: DeadLetterDecisionRecord, claimedUntil: Date) => {
        if (!open(id)) return Promise.resolve(false);
        set(id, { state: 'redelivered', redelivered: decision, claimedUntil });
        return Promise.resolve(true);
      },
      markRedeliverySent: (id: string, sentAt: Date) => {
        set(id, { redeliverySentAt: sentAt, claimedUntil: undefined });
        return Promise.resolve();
      },
      markDiscarded: (id: string, decision: DeadLetterDecisionRecord) => {
        if (!open(id)) return Promise.resolve(false);
        set(id, { state: 'discarded', discarded: decision });
        return Promise.resolve(true);
      },
    });
  }
}
