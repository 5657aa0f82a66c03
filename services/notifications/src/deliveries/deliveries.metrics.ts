import { MailKind } from '@ic/contracts';
import { metricsRegistry } from '@ic/platform';
import { Counter } from 'prom-client';

export type MailOutcome = 'sent' | 'failed' | 'retrying';

const mails = new Counter({
  name: 'ic_mails_total',
  help:
    'Mail delivery attempts by kind and outcome: sent (the SMTP server took it), failed (for good: ' +
    'refused, unwritable, or the last attempt), retrying (a transient failure; another attempt follows)',
  labelNames: ['kind', 'outcome'] as const,
  registers: [metricsRegistry],
});

/** Counts an attempt once its outcome is stored in the delivery log. */
export function countMail(kind: MailKind, outcome: MailOutcome): void {
  mails.inc({ kind, outcome });
}

/** The count so far (for specs). */
export async function mailsCounted(kind: MailKind, outcome: MailOutcome): Promise<number> {
  const { values } = await mails.get();
  return values.find((value) => value.labels.kind === kind && value.labels.outcome === outcome)?.value ?? 0;
}
