import { CallerIdentity, REDELIVERY_HEADERS } from '@ic/contracts';
import { KafkaConnection, OutgoingMessage } from '@ic/messaging';
import {
  Clock,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RuleViolationError,
  UnauthenticatedError,
} from '@ic/platform';
import { Logger } from '@nestjs/common';
import { mock } from 'jest-mock-extended';
import { newDeadLetter } from '../../testing/dead-letter-factories';
import { InMemoryDeadLetters } from '../../testing/in-memory-dead-letters';
import { DiscardDeadLetterUseCase } from '../discard-dead-letter/discard-dead-letter.usecase';
import { RedeliverDeadLetterUseCase } from './redeliver-dead-letter.usecase';

const operator: CallerIdentity = { subject: 'staff-ops', roles: ['staff', 'operations'] };

function newTestUseCase() {
  const deadLetters = new InMemoryDeadLetters();
  const sent: { topic: string; message: OutgoingMessage }[] = [];
  const failures: Error[] = [];
  const kafka = mock<KafkaConnection>({
    send: (topic: string, messages: readonly OutgoingMessage[]) => {
      const failure = failures.shift();
      if (failure) return Promise.reject(failure);
      sent.push(...messages.map((message) => ({ topic, message })));
      return Promise.resolve();
    },
  });
  const repository = deadLetters.asRepository();
  const sut = new RedeliverDeadLetterUseCase(repository, kafka, new Clock());
  const discard = new DiscardDeadLetterUseCase(repository, new Clock());
  return { sut, discard, deadLetters, sent, failBrokerOnce: (error: Error) => failures.push(error) };
}

beforeAll(() => {
  Logger.overrideLogger(false);
});

describe(RedeliverDeadLetterUseCase.name, () => {
  describe('execute', () => {
    it('sends the message back to its topic as it came, addressed to the group that gave up on it', async () => {
      const { sut, deadLetters, sent } = newTestUseCase();
      const letter = newDeadLetter();
      deadLetters.add(letter);

      const reply = await sut.execute({ deadLetterId: letter.id }, operator);

      expect(sent).toEqual([
        {
          topic: 'ic.registrations.v1',
          message: {
            key: letter.key,
            value: letter.value,
            headers: {
              ...letter.headers,
              [REDELIVERY_HEADERS.deadLetterId]: letter.id,
              [REDELIVERY_HEADERS.group]: 'notifications.events',
            },
          },
        },
      ]);
      expect(reply).toMatchObject({ id: letter.id, state: 'redelivered', redelivered: { by: 'staff-ops' } });
      expect(deadLetters.records.get(letter.id)?.redeliverySentAt).toBeInstanceOf(Date);
    });

    it('sends it once when two operators ask at the same moment; the other is told it was redelivered', async () => {
      const { sut, deadLetters, sent } = newTestUseCase();
      const letter = newDeadLetter();
      deadLetters.add(letter);

      const outcomes = await Promise.allSettled([
        sut.execute({ deadLetterId: letter.id }, operator),
        sut.execute({ deadLetterId: letter.id }, { ...operator, subject: 'staff-other' }),
      ]);

      expect(sent).toHaveLength(1);
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
      const refusal = outcomes.find((outcome) => outcome.status === 'rejected');
      expect(refusal?.reason).toBeInstanceOf(ConflictError);
      expect((refusal?.reason as Error).message).toMatch(/bereits am .* erneut zugestellt/);
      await expect(sut.execute({ deadLetterId: letter.id }, operator)).rejects.toThrow(ConflictError);
      expect(sent).toHaveLength(1);
    });

    it('does not redeliver a discarded one, nor discard a redelivered one', async () => {
      const { sut, discard, deadLetters, sent } = newTestUseCase();
      const discarded = newDeadLetter();
      const redelivered = newDeadLetter();
      deadLetters.add(discarded);
      deadLetters.add(redelivered);

      await discard.execute({ deadLetterId: discarded.id, note: 'Testanmeldung, hinfällig' }, operator);
      await sut.execute({ deadLetterId: redelivered.id }, operator);

      await expect(sut.execute({ deadLetterId: discarded.id }, operator)).rejects.toThrow(
        /bereits am .* verworfen \(Testanmeldung, hinfällig\)/,
      );
      await expect(
        discard.execute({ deadLetterId: redelivered.id, note: 'doch nicht' }, operator),
      ).rejects.toThrow(ConflictError);
      expect(sent.map(({ message }) => message.headers[REDELIVERY_HEADERS.deadLetterId])).toEqual([
        redelivered.id,
      ]);
    });

    it('keeps it marked for the sweeper when the broker does not take it, without a second redelivery', async () => {
      const { sut, deadLetters, sent, failBrokerOnce } = newTestUseCase();
      const letter = newDeadLetter();
      deadLetters.add(letter);
      failBrokerOnce(new Error('KafkaJSNumberOfRetriesExceeded'));

      await expect(sut.execute({ deadLetterId: letter.id }, operator)).resolves.toMatchObject({
        state: 'redelivered',
      });

      expect(sent).toEqual([]);
      expect(deadLetters.records.get(letter.id)?.redeliverySentAt).toBeUndefined();
      await expect(sut.execute({ deadLetterId: letter.id }, operator)).rejects.toThrow(ConflictError);
    });

    it('does not put a message back on its stream that no reader can take: unreadable or against its contract', async () => {
      const { sut, deadLetters, sent } = newTestUseCase();
      const unreadable = newDeadLetter({ reason: 'unparseable', headers: {} });
      const invalid = newDeadLetter({ reason: 'contract-violation' });
      [unreadable, invalid].forEach((letter) => deadLetters.add(letter));

      for (const letter of [unreadable, invalid]) {
        await expect(sut.execute({ deadLetterId: letter.id }, operator)).rejects.toThrow(
          new RuleViolationError(
            'Diese Nachricht kann kein Dienst lesen: erneut zugestellt, scheiterte sie genauso und stünde ungültig im Datenstrom. Verwerfen Sie sie mit einem Vermerk; wer sie gesendet hat, muss sie richtig neu senden.',
          ),
        );
        expect(deadLetters.records.get(letter.id)?.state).toBe('open');
      }
      expect(sent).toEqual([]);
    });

    it('answers 404 for a dead letter it does not know', async () => {
      const { sut } = newTestUseCase();

      await expect(sut.execute({ deadLetterId: 'ic.events.v1.dlt:0:999' }, operator)).rejects.toThrow(
        NotFoundError,
      );
    });

    it('is for operators only: not for the office without the operations role, not for anyone signed out', async () => {
      const { sut, deadLetters, sent } = newTestUseCase();
      const letter = newDeadLetter();
      deadLetters.add(letter);

      await expect(
        sut.execute({ deadLetterId: letter.id }, { subject: 'staff-1', roles: ['staff'] }),
      ).rejects.toThrow(ForbiddenError);
      await expect(
        sut.execute({ deadLetterId: letter.id }, { subject: 'anonymous', roles: [] }),
      ).rejects.toThrow(UnauthenticatedError);
      expect(sent).toEqual([]);
    });
  });

  describe('executeAll', () => {
    it('sends back every open one of the topic that a reader can take, in the order they failed, and none twice', async () => {
      const { sut, discard, deadLetters, sent } = newTestUseCase();
      const first = newDeadLetter();
      const second = newDeadLetter();
      const discarded = newDeadLetter();
      const otherTopic = newDeadLetter({ topic: 'ic.membership.v1', id: 'ic.membership.v1.dlt:0:1' });
      const unreadable = newDeadLetter({ reason: 'unparseable', headers: {} });
      [second, first, discarded, otherTopic, unreadable].forEach((letter) => deadLetters.add(letter));
      await discard.execute({ deadLetterId: discarded.id, note: 'hinfällig' }, operator);

      const { redelivered } = await sut.executeAll({ topic: 'ic.registrations.v1' }, operator);
      const again = await sut.executeAll({ topic: 'ic.registrations.v1' }, operator);

      expect(redelivered.map((letter) => letter.id)).toEqual([first.id, second.id]);
      expect(again.redelivered).toEqual([]);
      expect(sent.map(({ message }) => message.headers[REDELIVERY_HEADERS.deadLetterId])).toEqual([
        first.id,
        second.id,
      ]);
      expect(deadLetters.records.get(otherTopic.id)?.state).toBe('open');
      expect(deadLetters.records.get(unreadable.id)?.state).toBe('open');
    });
  });
});
