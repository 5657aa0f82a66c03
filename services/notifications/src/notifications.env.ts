import { base64KeyMessage, BASE64_KEY_32, ServiceEnv, IntSetting } from '@ic/platform';
import { IsIn, IsOptional, IsString, IsUrl, MinLength, Matches } from 'class-validator';

export class NotificationsEnv extends ServiceEnv {
  override HTTP_PORT = 3004;

  @IsString()
  @MinLength(1)
  SMTP_HOST = '127.0.0.1';

  @IntSetting(1, 65535)
  SMTP_PORT = 1025;

  /** `true` for SMTPS (port 465); otherwise STARTTLS is used when the server offers it. */
  @IsIn(['true', 'false'])
  SMTP_SECURE: 'true' | 'false' = 'false';

  /**
   * SMTP connections kept open at once. Registration mails of different registrations go out side
   * by side (CONSUMER_PARALLEL_KEYS); more than this wait for a free connection.
   */
  @IntSetting(1, 100)
  SMTP_MAX_CONNECTIONS = 5;

  @IsOptional()
  @IsString()
  SMTP_USER?: string;

  @IsOptional()
  @IsString()
  SMTP_PASSWORD?: string;

  /** Sender of every mail, with the club's name. */
  @IsString()
  @Matches(/^[^<>]+<[^\s@<>]+@[^\s@<>]+>$/, { message: 'MAIL_FROM must look like: Name <address@domain>' })
  MAIL_FROM = 'Innovators Club des DStGB <innovators-club@dstgb.example>';

  /** Where links in e-mails point: the member portal (or the gateway's own pages). */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  LINK_BASE_URL = 'http://127.0.0.1:3000';

  /** Opens the link tokens sealed by the membership service. No default. */
  @Matches(BASE64_KEY_32, base64KeyMessage('LINK_TOKEN_SECRET'))
  LINK_TOKEN_SECRET!: string;

  /** How many days before an event (or a module of a Kommunalzirkel) its registered people are reminded. */
  @IntSetting(1, 60)
  REMINDER_DAYS_BEFORE = 7;

  /** How often the reminder scheduler looks for due reminders; a reminder goes out at most this late. */
  @IntSetting(100, 600_000)
  REMINDER_INTERVAL_MS = 10_000;
}
