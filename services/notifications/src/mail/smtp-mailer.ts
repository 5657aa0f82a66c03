import { inSpan, SpanKind } from '@ic/platform';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createTransport, SMTPPoolOptions, SMTPPoolSentMessageInfo, Transporter } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { NotificationsEnv } from '../notifications.env';
import { MailReceipt, Mailer, OutgoingMail } from './mailer';

/**
 * Bounds one send as a whole, whatever phase hangs. It stays well below the consumer's claim lease
 * (CONSUMER_CLAIM_LEASE_MS, 60 s by default), so that no other instance takes an event over while
 * this one is still sending it.
 */
export const SEND_DEADLINE_MS = 45_000;

export type SmtpSettings = Pick<
  NotificationsEnv,
  'SMTP_HOST' | 'SMTP_PORT' | 'SMTP_SECURE' | 'SMTP_MAX_CONNECTIONS' | 'SMTP_USER' | 'SMTP_PASSWORD'
>;

export function smtpPoolOptions(env: SmtpSettings): SMTPPoolOptions & { pool: true } {
  const credentials = env.SMTP_USER ? { auth: { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? '' } } : {};
  return {
    pool: true,
    host: env.SMTP_HOST,
    port: env.SMTP_PORT,
    secure: env.SMTP_SECURE === 'true',
    // STARTTLS whenever the server offers it. Without credentials a failed upgrade falls back to
    // plain SMTP, as mail servers do among themselves; with credentials it is an error, so that the
    // password never travels unencrypted.
    opportunisticTLS: !env.SMTP_USER,
    ...credentials,
    maxConnections: env.SMTP_MAX_CONNECTIONS,
    maxMessages: 100,
    // A connection that drops mid-message is not resent by the pool behind our back: the failure
    // comes back to the delivery, which counts the attempt and retries with the same Message-ID.
    maxRequeues: 0,
    // Closed before a server's own idle timeout (5 minutes or more, RFC 5321) closes it under us.
    idleTimeout: 60_000,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    dnsTimeout: 10_000,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/** Sends through one pooled SMTP transport for the whole service. */
@Injectable()
export class SmtpMailer extends Mailer implements OnApplicationShutdown {
  private readonly logger = new Logger(SmtpMailer.name);
  private readonly transport: Transporter<SMTPPoolSentMessageInfo, SMTPPoolOptions>;
  private readonly from: string;
  private readonly server: { readonly 'server.address': string; readonly 'server.port': number };

  constructor(config: ConfigService<NotificationsEnv, true>) {
    super();
    const env: SmtpSettings = {
      SMTP_HOST: config.get('SMTP_HOST', { infer: true }),
      SMTP_PORT: config.get('SMTP_PORT', { infer: true }),
      SMTP_SECURE: config.get('SMTP_SECURE', { infer: true }),
      SMTP_MAX_CONNECTIONS: config.get('SMTP_MAX_CONNECTIONS', { infer: true }),
      SMTP_USER: config.get('SMTP_USER', { infer: true }),
      SMTP_PASSWORD: config.get('SMTP_PASSWORD', { infer: true }),
    };
    this.from = config.get('MAIL_FROM', { infer: true });
    this.server = { 'server.address': env.SMTP_HOST, 'server.port': env.SMTP_PORT };
    this.transport = createTransport(smtpPoolOptions(env));
    this.logger.log(
      `SMTP ${env.SMTP_HOST}:${env.SMTP_PORT} (${env.SMTP_SECURE === 'true' ? 'TLS' : 'STARTTLS if offered'})`,
    );
  }

  /** Sends in a span of the event's trace; it names the server and the Message-ID, never the address. */
  send(mail: OutgoingMail): Promise<MailReceipt> {
    return inSpan(
      'smtp send',
      { kind: SpanKind.CLIENT, attributes: { ...this.server, 'smtp.message_id': mail.messageId } },
      async (span) => {
        const receipt = await this.sendNow(mail);
        span.setAttribute('smtp.response', receipt.response);
        return receipt;
      },
    );
  }

  /**
   * The message is put together in memory first and handed to the connection whole: streamed as
   * nodemailer builds it, each of its parts (headers, each body, each attachment) was a write to
   * the socket of its own, about 16 for a registration mail. Whole, a mail of 10 kB with a calendar
   * entry cost 1.8 instead of 2.0 ms of CPU (bench/README.md). The bytes on the wire are the same.
   */
  private async sendNow(mail: OutgoingMail): Promise<MailReceipt> {
    const message = new MailComposer({
      from: this.from,
      to: { name: mail.to.name, address: mail.to.address },
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      date: new Date(),
      headers: {
        // RFC 3834: no vacation notices or other automatic replies to these mails.
        'Auto-Submitted': 'auto-generated',
        'X-Auto-Response-Suppress': 'All',
        'Content-Language': 'de',
        ...mail.headers,
      },
      attachments: mail.attachments?.map(({ filename, contentType, content }) => ({
        filename,
        contentType,
        content,
      })),
      disableFileAccess: true,
      disableUrlAccess: true,
    }).compile();
    const info = await this.transport.sendMail({
      envelope: message.getEnvelope(),
      raw: await message.build(),
      signal: AbortSignal.timeout(SEND_DEADLINE_MS),
    });
    return { response: info.response };
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
