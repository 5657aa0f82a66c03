/**
 * What a failed SMTP send means for the delivery: `permanent` when sending the same message again
 * would be refused again (a 5xx answer: unknown mailbox, policy), `transient` when a later attempt
 * may succeed (a 4xx answer, a lost or refused connection, a timeout, a misconfigured server that
 * the operator can fix before the dead-lettered event is replayed).
 */
export interface SmtpFailure {
  readonly kind: 'permanent' | 'transient';
  /** The server's answer if it gave one ("550 5.1.1 Mailbox unavailable"), otherwise what went wrong. */
  readonly reason: string;
}

/** Error codes nodemailer sets on problems of the message or its addresses rather than of the connection. */
const PERMANENT_CODES_WITHOUT_REPLY = new Set(['EENVELOPE', 'EMESSAGE', 'EMAXRECIPIENTS']);

interface SmtpErrorFields {
  readonly code?: unknown;
  readonly responseCode?: unknown;
  readonly response?: unknown;
  readonly message?: unknown;
}

export function classifySmtpFailure(error: unknown): SmtpFailure {
  const fields: SmtpErrorFields = typeof error === 'object' && error !== null ? error : {};
  const code = typeof fields.code === 'string' ? fields.code : undefined;
  const message = typeof fields.message === 'string' ? fields.message : String(error);
  const responseCode = typeof fields.responseCode === 'number' ? fields.responseCode : undefined;

  if (responseCode !== undefined) {
    const reason = typeof fields.response === 'string' && fields.response ? fields.response : message;
    return { kind: isPermanentReply(responseCode) ? 'permanent' : 'transient', reason: oneLine(reason) };
  }
  const reason = code && !message.includes(code) ? `${code}: ${message}` : message;
  return {
    kind: code && PERMANENT_CODES_WITHOUT_REPLY.has(code) ? 'permanent' : 'transient',
    reason: oneLine(reason),
  };
}

/**
 * RFC 5321: 5yz replies are permanent negative completions, 4yz transient ones. 503 (bad sequence
 * of commands) is about the session, not the message: a new connection can succeed.
 */
function isPermanentReply(responseCode: number): boolean {
  return responseCode >= 500 && responseCode < 600 && responseCode !== 503;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 2000);
}
