import { CallerIdentity, DeadLetterReason, DeadLetterReply } from '@ic/contracts';
import { ConflictError, NotFoundError, RuleViolationError } from '@ic/platform';
import { DeadLetterDecisionRecord, DeadLetterRecord, DeadLettersRepository } from './dead-letters.repository';
import { assertRole } from '../caller-role';

/** Dead letters are the business of the platform's operators: staff with the operations role, or the CLI. */
export function assertOperator(identity: CallerIdentity): void {
  assertRole(identity, 'operations', {
    signIn: 'Bitte melden Sie sich an, um den Betrieb der Plattform zu sehen.',
    forbidden:
      'Nicht zugestellte Nachrichten sieht und bearbeitet nur, wer den Betrieb der Plattform verantwortet.',
  });
}

/**
 * The dead letters that a redelivery can help: a service failed on a readable, valid message (a
 * contact missing, the database away) and may take it after the fix. An unreadable message or one
 * against its contract stays what it is: sent back, it would fail the same way and stand invalid in
 * a stream that other teams read.
 */
export const REDELIVERABLE_REASONS: readonly DeadLetterReason[] = ['handler-failed'];

export function assertRedeliverable(letter: DeadLetterRecord): void {
  if (REDELIVERABLE_REASONS.includes(letter.reason)) return;
  throw new RuleViolationError(
    'Diese Nachricht kann kein Dienst lesen: erneut zugestellt, scheiterte sie genauso und stünde ungültig im Datenstrom. ' +
      'Verwerfen Sie sie mit einem Vermerk; wer sie gesendet hat, muss sie richtig neu senden.',
  );
}

/** The dead letter an operator redelivers or discards: 404 if there is none, 409 in words if it is not open any more. */
export async function requireOpenDeadLetter(
  deadLetters: DeadLettersRepository,
  deadLetterId: string,
): Promise<DeadLetterRecord> {
  const letter = await deadLetters.find(deadLetterId);
  if (!letter) throw new NotFoundError('Diese Nachricht gibt es unter den nicht zugestellten nicht.');
  if (letter.state !== 'open') throw notOpenAnyMore(letter);
  return letter;
}

/** Why a dead letter that is no longer open cannot be redelivered or discarded, in words. */
export function notOpenAnyMore(letter: DeadLetterRecord): ConflictError {
  if (letter.state === 'redelivered') {
    return new ConflictError(
      `Diese Nachricht wurde bereits am ${berlinTime(letter.redelivered?.at)} erneut zugestellt; ` +
        'sie wird nicht ein zweites Mal zugestellt. Scheitert sie wieder, erscheint sie als neue Nachricht in der Liste.',
    );
  }
  return new ConflictError(
    `Diese Nachricht wurde bereits am ${berlinTime(letter.discarded?.at)} verworfen (${letter.discarded?.note ?? ''}).`,
  );
}

function berlinTime(at: Date | undefined): string {
  if (!at) return '(unbekannt)';
  return new Intl.DateTimeFormat('de-DE', {
    timeZone: 'Europe/Berlin',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(at);
}

export function toDeadLetterReply(letter: DeadLetterRecord): DeadLetterReply {
  return {
    id: letter.id,
    state: letter.state,
    topic: letter.topic,
    partition: letter.partition,
    offset: letter.offset,
    reason: letter.reason,
    redeliverable: REDELIVERABLE_REASONS.includes(letter.reason),
    error: letter.error,
    attempts: letter.attempts,
    group: letter.group,
    failedAt: letter.failedAt.toISOString(),
    ...(letter.eventId ? { eventId: letter.eventId } : {}),
    ...(letter.eventType ? { eventType: letter.eventType } : {}),
    ...(letter.key === null ? {} : { key: letter.key }),
    ...(letter.redelivered ? { redelivered: toDecisionReply(letter.redelivered) } : {}),
    ...(letter.discarded ? { discarded: toDecisionReply(letter.discarded) } : {}),
  };
}

function toDecisionReply(decision: DeadLetterDecisionRecord) {
  return {
    by: decision.by,
    at: decision.at.toISOString(),
    ...(decision.note ? { note: decision.note } : {}),
  };
}
