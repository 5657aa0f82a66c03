import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import PostalMime, { type Address, type Email } from 'postal-mime';
import {
  SMTPServer,
  type SMTPServerAddress,
  type SMTPServerDataStream,
  type SMTPServerSession,
} from 'smtp-server';
import { inboxPage, messagePage, notFoundPage } from './mail-pages';
import { MailStore, type StoredMessage } from './mail-store';

export interface MailSinkOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly smtpPort: number;
  readonly webPort: number;
  readonly storeFile: string;
  readonly warn: (line: string) => void;
}

export interface RunningMailSink {
  readonly smtpPort: number;
  readonly webPort: number;
  stop(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

/**
 * Recipients whose local part starts with one of these prefixes are refused, so that tests can
 * exercise how senders handle SMTP failures.
 */
const InjectedFaults = [
  { localPartPrefix: 'smtp-transient', responseCode: 451, message: '4.3.0 Temporary failure' },
  { localPartPrefix: 'smtp-reject', responseCode: 550, message: '5.1.1 Mailbox unavailable' },
] as const;

/** An SMTP server that accepts any mail without auth or TLS, and a web page and JSON API to read it back. */
export async function startMailSink(options: MailSinkOptions): Promise<RunningMailSink> {
  const store = await MailStore.open(options.storeFile, options.warn);
  const smtp = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    banner: 'Innovators Club mail sink',
    size: MAX_MESSAGE_BYTES,
    logger: false,
    // Stopping waits at most this long for open client connections (e.g. a sender's pool).
    closeTimeout: 1_000,
    onRcptTo: (address, _session, callback) => callback(injectedFault(address)),
    onData: (stream, session, callback) => {
      receive(stream, session, store).then(
        () => callback(),
        (error: Error) => callback(error),
      );
    },
  });
  smtp.on('error', (error) => options.warn(`SMTP error: ${error.message}`));
  const web = createServer((request, response) => {
    handleWebRequest(request, response, store).catch((error: Error) => {
      options.warn(`HTTP ${request.method} ${request.url} failed: ${error.stack ?? error.message}`);
      if (!response.headersSent) sendJson(response, 500, { error: error.message });
      else response.destroy(error);
    });
  });

  const smtpPort = await listen(smtp.server, options.host, options.smtpPort);
  const webPort = await listen(web, options.host, options.webPort);
  return {
    smtpPort,
    webPort,
    async stop() {
      web.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolvePromise) => smtp.close(resolvePromise)),
        new Promise<void>((resolvePromise, reject) =>
          web.close((error) => (error ? reject(error) : resolvePromise())),
        ),
      ]);
    },
  };
}

function injectedFault(address: SMTPServerAddress): Error | null {
  const localPart = address.address.split('@')[0]?.toLowerCase() ?? '';
  const fault = InjectedFaults.find((candidate) => localPart.startsWith(candidate.localPartPrefix));
  if (fault === undefined) return null;
  return Object.assign(new Error(fault.message), { responseCode: fault.responseCode });
}

async function receive(
  stream: SMTPServerDataStream,
  session: SMTPServerSession,
  store: MailStore,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  if (stream.sizeExceeded) {
    throw Object.assign(new Error('5.3.4 Message too big'), { responseCode: 552 });
  }
  const email = await PostalMime.parse(Buffer.concat(chunks), { attachmentEncoding: 'base64' });
  await store.add(toStoredMessage(email, session));
}

function toStoredMessage(email: Email, session: SMTPServerSession): StoredMessage {
  const envelopeSender = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
  const headers: Record<string, string> = {};
  for (const { key, value } of email.headers) {
    headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
  }
  return {
    id: randomUUID(),
    messageId: email.messageId ?? null,
    from: addressOf(email.from) ?? envelopeSender,
    to: session.envelope.rcptTo.map((recipient) => recipient.address),
    subject: email.subject ?? '',
    date: new Date().toISOString(),
    text: email.text ?? null,
    html: email.html ?? null,
    headers,
    attachments: email.attachments.map((attachment) => {
      const content = toBase64(attachment.content);
      return {
        filename: attachment.filename,
        contentType: attachment.mimeType,
        size: Buffer.byteLength(content, 'base64'),
        content,
      };
    }),
  };
}

/** We ask postal-mime for base64 strings; its type still allows binary content, so accept that too. */
function toBase64(content: ArrayBuffer | Uint8Array | string): string {
  if (typeof content === 'string') return content;
  return Buffer.from(content instanceof ArrayBuffer ? new Uint8Array(content) : content).toString('base64');
}

function addressOf(address: Address | undefined): string | undefined {
  return address?.address ?? address?.group?.[0]?.address;
}

async function handleWebRequest(
  request: IncomingMessage,
  response: ServerResponse,
  store: MailStore,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://mail-sink');
  const messageId = /^\/(?:api\/)?messages\/([^/]+)$/.exec(url.pathname)?.[1];
  const method = request.method ?? 'GET';

  if (method === 'GET' && url.pathname === '/') {
    sendHtml(response, 200, inboxPage(store.list()));
  } else if (method === 'GET' && url.pathname === '/api/messages') {
    const since = url.searchParams.get('since');
    if (since !== null && Number.isNaN(Date.parse(since))) {
      sendJson(response, 400, { error: 'since must be an ISO 8601 instant' });
      return;
    }
    sendJson(
      response,
      200,
      store.list({
        to: url.searchParams.get('to') ?? undefined,
        domain: url.searchParams.get('domain') ?? undefined,
        ...(since !== null ? { since: new Date(since) } : {}),
      }),
    );
  } else if (method === 'DELETE' && url.pathname === '/api/messages') {
    await store.clear();
    response.writeHead(204).end();
  } else if (method === 'GET' && messageId !== undefined) {
    const message = store.get(decodeURIComponent(messageId));
    const wantsJson = url.pathname.startsWith('/api/');
    if (message === undefined) {
      if (wantsJson) sendJson(response, 404, { error: 'no message with this id' });
      else sendHtml(response, 404, notFoundPage());
    } else if (wantsJson) sendJson(response, 200, message);
    else sendHtml(response, 200, messagePage(message));
  } else {
    sendJson(response, 404, { error: `no route for ${method} ${url.pathname}` });
  }
}

function sendHtml(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(html);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

function listen(server: Server | SMTPServer['server'], host: string, port: number): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolvePromise((server.address() as AddressInfo).port);
    });
  });
}
