import { eventually } from './eventually';

/**
 * The mail a person receives, read back from the SMTP sink's JSON API (`MAIL_SINK_URL`). Plain
 * errors, no test runner's `expect`: jest (e2e), Playwright (browser tests) and the bench use it.
 */

export interface SinkMessage {
  id: string;
  messageId: string | null;
  to: string[];
  subject: string;
  /** When the sink received the message (ISO time). */
  date: string;
  text: string | null;
  html: string | null;
}

/** A link found in a mail: the whole URL as the mail has it, and the path segment after the prefix. */
export interface MailLink {
  readonly message: SinkMessage;
  /** E.g. `http://127.0.0.1:14000/anmelden/<token>?weiter=%2Fprofil`. */
  readonly url: string;
  /** The segment after `/<path>/`: a link token, an event id. */
  readonly token: string;
}

export class MailSink {
  constructor(private readonly url?: string) {}

  /** Every mail the sink holds for the address (case-insensitive), oldest first. */
  async mailsTo(recipient: string): Promise<SinkMessage[]> {
    if (!this.url) throw new Error('MAIL_SINK_URL is not set: this test reads mail back from the sink.');
    const response = await fetch(`${this.url}/api/messages?to=${encodeURIComponent(recipient)}`);
    if (response.status !== 200)
      throw new Error(`mail sink answered ${response.status} for ${recipient}: ${await response.text()}`);
    return (await response.json()) as SinkMessage[];
  }

  /**
   * Waits (up to a minute) for a mail to the address with a link to `/<path>/<token>` whose token
   * is not `notToken` (a link from an earlier mail), checks that the HTML part has the same link,
   * and returns it.
   */
  async linkFromMail(recipient: string, path: string, notToken?: string): Promise<MailLink> {
    const pattern = new RegExp(`https?://[^\\s"<>]+/${path}/([A-Za-z0-9_-]{32,64})(?:\\?[^\\s"<>]*)?`);
    return eventually(
      async () => {
        for (const message of await this.mailsTo(recipient)) {
          const match = pattern.exec(message.text ?? '');
          const token = match?.[1];
          if (!match || !token || token === notToken) continue;
          if (!message.html?.includes(`/${path}/${token}`))
            throw new Error(`the HTML part of "${message.subject}" to ${recipient} lacks /${path}/${token}`);
          return { message, url: match[0], token };
        }
        throw new Error(`no mail with a /${path}/ link to ${recipient} yet`);
      },
      60_000,
      250,
    );
  }
}
