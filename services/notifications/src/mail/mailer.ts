/** A file sent with a mail, e.g. the calendar entry of an announced event. */
export interface MailAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: string;
}

export interface MailAddress {
  readonly name: string;
  readonly address: string;
}

/** One e-mail, ready to go out. */
export interface OutgoingMail {
  /** `<local@domain>`, the same for every attempt of one delivery (see DeliverMailUseCase). */
  readonly messageId: string;
  readonly to: MailAddress;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  /** Header fields of this mail in addition to those every mail carries. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly attachments?: readonly MailAttachment[];
}

export interface MailReceipt {
  /** The server's final answer, e.g. "250 OK: message queued". */
  readonly response: string;
}

/**
 * Sends e-mail. Resolves once the server has accepted the message; rejects with the server's
 * answer (or the connection problem) otherwise: see classifySmtpFailure.
 */
export abstract class Mailer {
  abstract send(mail: OutgoingMail): Promise<MailReceipt>;
}
