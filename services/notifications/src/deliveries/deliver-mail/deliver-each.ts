import {
  DeliverMailUseCase,
  DeliveryAttempt,
  DeliveryOutcome,
  DeliveryRequest,
  MailDeliveryError,
} from './deliver-mail.usecase';

/** How the mails of one fan-out went, mail by mail. */
export type FanOutTally = Record<DeliveryOutcome | 'retry-pending', number>;

/** The tally of a fan-out that sent nothing. */
export function noMails(): FanOutTally {
  return { sent: 0, failed: 0, 'already-sent': 0, 'already-failed': 0, 'retry-pending': 0 };
}

export interface FanOutResult {
  readonly tally: Readonly<FanOutTally>;
  /** The reasons of the mails to be tried again (MailDeliveryError messages). */
  readonly failures: readonly string[];
}

export interface FanOutOptions {
  /** Mails on their way at once; the SMTP pool keeps up to five connections. */
  readonly parallel?: number;
  /** Called after each mail with the count so far. */
  readonly progress?: (done: number, total: number, tally: Readonly<FanOutTally>) => void;
}

const PARALLEL_SENDS = 4;

/**
 * Delivers many mails, each with its own delivery (so their order does not matter and a repeated
 * fan-out sends only what is missing), a few at a time: about twice as fast as one by one. A mail
 * that fails does not hold up the others; the failures come back for the caller to throw, so that
 * the whole is tried again. Anything else (the database is gone, say) stops the fan-out and is thrown.
 */
export async function deliverEach(
  deliver: DeliverMailUseCase,
  requests: readonly DeliveryRequest[],
  attempt: DeliveryAttempt,
  options: FanOutOptions = {},
): Promise<FanOutResult> {
  const tally: FanOutTally = {
    sent: 0,
    failed: 0,
    'already-sent': 0,
    'already-failed': 0,
    'retry-pending': 0,
  };
  const failures: string[] = [];
  const total = requests.length;
  let next = 0;
  let done = 0;
  let stopped: Error | undefined;
  const sender = async (): Promise<void> => {
    while (next < total && stopped === undefined) {
      const request = requests[next++];
      try {
        tally[await deliver.execute(request, attempt)] += 1;
      } catch (error) {
        if (!(error instanceof MailDeliveryError)) {
          stopped ??= error instanceof Error ? error : new Error(String(error));
          return;
        }
        tally['retry-pending'] += 1;
        failures.push(error.message);
      }
      done += 1;
      options.progress?.(done, total, tally);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.parallel ?? PARALLEL_SENDS, total) }, sender));
  if (stopped !== undefined) throw stopped;
  return { tally, failures };
}

/**
 * Delivers the mails of a fan-out (deliverEach) and throws MailsIncompleteError, naming `what`,
 * if some are still to be sent, so that the cause is handled again.
 */
export async function deliverAll(
  deliver: DeliverMailUseCase,
  requests: readonly DeliveryRequest[],
  attempt: DeliveryAttempt,
  what: string,
): Promise<FanOutTally> {
  const { tally, failures } = await deliverEach(deliver, requests, attempt);
  if (failures.length > 0) throw new MailsIncompleteError(what, failures, requests.length);
  return tally;
}

/** Some mails of a fan-out could not be sent yet; the cause is handled again, or dead-lettered. */
export class MailsIncompleteError extends Error {
  constructor(what: string, failures: readonly string[], total: number) {
    super(`${what}: ${failures.length} von ${total} E-Mails nicht zugestellt; zuerst: ${failures[0]}`);
    this.name = 'MailsIncompleteError';
  }
}
