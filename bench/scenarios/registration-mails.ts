import { latenciesOf, Latencies } from '../stats';
import { sinkMessagesAt } from './bench-members';
import { SentRegistration } from './registration-rush';

const POLL_MS = 5000;

export interface MailTimes {
  /** Registrations whose mail the sink received. */
  readonly mails: number;
  /** From sending the register request to the sink's receipt of that member's mail. */
  readonly latencyMs: Latencies;
  /** From the register request's answer to the sink's receipt of that member's mail. */
  readonly afterAnswerMs: Latencies;
  /** Mails received per second, from the first receipt to the last. */
  readonly mailsPerSecond: number;
  /** From the first register request to the last mail received. */
  readonly lastMailAfterSeconds: number;
  /**
   * Share of consecutive mails (by receipt) that went out in the order of the registrations' decisions
   * (confirmed first, then by waiting place): 1 means strictly one after another in seat order.
   */
  readonly inDecisionOrder: number;
  /** Distinct milliseconds with a receipt per mail: near 1 when mails arrive one at a time. */
  readonly distinctReceiptTimes: number;
}

/**
 * Waits until the sink has received a mail sent after its register request for every answered
 * member (the confirmation or the waiting-list mail; nothing else is sent to them after the rush
 * starts), polling rarely so that reading the sink does not take CPU from the platform.
 */
export async function registrationMailTimes(
  mailSinkUrl: string,
  domain: string,
  sent: readonly SentRegistration[],
  timeoutSeconds: number,
  log: (line: string) => void,
): Promise<MailTimes> {
  const answered = sent.filter((request) => request.registration);
  const deadline = Date.now() + timeoutSeconds * 1000;
  // Only what came since the rush began: the sink holds every earlier mail too (invitations, sign-in
  // links, earlier runs), and sending all of them every poll took the sink and this process seconds.
  const rushBegan = new Date(Math.min(...sent.map((request) => request.sentAt)));
  let receivedAt = new Map<string, number>();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    receivedAt = new Map();
    const sentAt = new Map(answered.map((request) => [request.member.email, request.sentAt]));
    for (const message of await sinkMessagesAt(mailSinkUrl, domain, rushBegan)) {
      const at = Date.parse(message.date);
      for (const address of message.to) {
        const since = sentAt.get(address);
        const earliest = receivedAt.get(address);
        if (since !== undefined && at >= since && (earliest === undefined || at < earliest)) {
          receivedAt.set(address, at);
        }
      }
    }
    log(`mails: ${receivedAt.size} of ${answered.length} registration mails received`);
    if (receivedAt.size === answered.length) break;
    if (Date.now() > deadline) {
      log(`mails: stopped waiting after ${timeoutSeconds} s (BENCH_MAIL_TIMEOUT_SECONDS)`);
      break;
    }
  }
  const delivered = answered.filter((request) => receivedAt.has(request.member.email));
  if (delivered.length === 0) throw new Error('no registration mail reached the sink');
  const receipts = delivered.map((request) => receivedAt.get(request.member.email)!);
  const firstSent = Math.min(...sent.map((request) => request.sentAt));
  const first = Math.min(...receipts);
  const last = Math.max(...receipts);
  const byReceipt = [...delivered].sort(
    (a, b) => receivedAt.get(a.member.email)! - receivedAt.get(b.member.email)!,
  );
  const rank = (request: SentRegistration) =>
    request.registration?.status === 'confirmed' ? 0 : (request.registration?.waitingPlace ?? 0);
  let ordered = 0;
  for (let index = 1; index < byReceipt.length; index++) {
    const [before, after] = [rank(byReceipt[index - 1]), rank(byReceipt[index])];
    if (after >= before) ordered++;
  }
  return {
    mails: delivered.length,
    latencyMs: latenciesOf(
      delivered.map((request) => receivedAt.get(request.member.email)! - request.sentAt),
    ),
    afterAnswerMs: latenciesOf(
      delivered.map(
        (request) => receivedAt.get(request.member.email)! - (request.sentAt + request.latencyMs),
      ),
    ),
    mailsPerSecond: delivered.length / Math.max(0.001, (last - first) / 1000),
    lastMailAfterSeconds: (last - firstSent) / 1000,
    inDecisionOrder: byReceipt.length > 1 ? ordered / (byReceipt.length - 1) : 1,
    distinctReceiptTimes: new Set(receipts).size / receipts.length,
  };
}
