import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface StoredAttachment {
  readonly filename: string | null;
  readonly contentType: string;
  readonly size: number;
  /** base64 */
  readonly content: string;
}

export interface StoredMessage {
  readonly id: string;
  readonly messageId: string | null;
  /** The From header's address, or the envelope sender when the header has none. */
  readonly from: string;
  /** The envelope recipients: everyone the message was delivered to, Bcc included. */
  readonly to: string[];
  readonly subject: string;
  /** When the sink received it (ISO 8601). */
  readonly date: string;
  readonly text: string | null;
  readonly html: string | null;
  /** Lower-case header names; a header that occurs more than once has its values joined by ", ". */
  readonly headers: Record<string, string>;
  readonly attachments: StoredAttachment[];
  /**
   * How often a message with this Message-ID arrived. Like mailbox providers, the sink keeps one
   * copy per Message-ID: a sender that resends after a crash (not knowing whether the first
   * attempt got through) with the same Message-ID shows up here as 2, not as a second mail.
   */
  deliveries?: number;
}

export interface MessageFilter {
  readonly to?: string;
  readonly domain?: string;
  /** Only messages received at or after this instant. */
  readonly since?: Date;
}

/** Every received message, in memory and appended to a JSON-lines file so that a restart keeps them. */
export class MailStore {
  private readonly messages: StoredMessage[] = [];
  private readonly byMessageId = new Map<string, StoredMessage>();
  /** File writes run one after the other, in arrival order. */
  private writes: Promise<void> = Promise.resolve();

  private constructor(private readonly file: string) {}

  static async open(file: string, warn: (line: string) => void): Promise<MailStore> {
    const store = new MailStore(file);
    await mkdir(dirname(file), { recursive: true });
    let content = '';
    try {
      content = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    content
      .split('\n')
      .filter((line) => line.trim() !== '')
      .forEach((line, index) => {
        try {
          store.keep(JSON.parse(line) as StoredMessage);
        } catch (error) {
          // A crash in the middle of an append leaves a broken last line; the rest is still good.
          warn(`skipping unreadable line ${index + 1} of ${file}: ${(error as Error).message}`);
        }
      });
    return store;
  }

  /** Every arrival is appended to the file; in the store a repeated Message-ID counts as a redelivery. */
  add(message: StoredMessage): Promise<void> {
    this.keep(message);
    return this.enqueueWrite(() => appendFile(this.file, `${JSON.stringify(message)}\n`));
  }

  private keep(message: StoredMessage): void {
    const earlier = message.messageId ? this.byMessageId.get(message.messageId) : undefined;
    if (earlier) {
      earlier.deliveries = (earlier.deliveries ?? 1) + 1;
      return;
    }
    message.deliveries = 1;
    this.messages.push(message);
    if (message.messageId) this.byMessageId.set(message.messageId, message);
  }

  /**
   * Newest first; with `to`, only messages delivered to that address, with `domain`, only messages
   * delivered to an address at that domain (both case-insensitive), with `since`, only those
   * received from then on.
   */
  list(filter: MessageFilter = {}): StoredMessage[] {
    const to = filter.to?.toLowerCase();
    const domain = filter.domain?.toLowerCase();
    const since = filter.since?.toISOString();
    const wanted = (address: string): boolean =>
      (to === undefined || address.toLowerCase() === to) &&
      (domain === undefined || address.toLowerCase().endsWith(`@${domain}`));
    return this.messages
      .filter((message) => (since === undefined || message.date >= since) && message.to.some(wanted))
      .reverse();
  }

  get(id: string): StoredMessage | undefined {
    return this.messages.find((message) => message.id === id);
  }

  clear(): Promise<void> {
    this.messages.length = 0;
    this.byMessageId.clear();
    return this.enqueueWrite(() => writeFile(this.file, ''));
  }

  private enqueueWrite(write: () => Promise<void>): Promise<void> {
    const result = this.writes.then(write);
    // The caller gets the failure; the queue moves on to the next write.
    this.writes = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
