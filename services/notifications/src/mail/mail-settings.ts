import { eventPageLink, SecretBox, UnsubscribeTokens } from '@ic/platform';
import { NotificationsEnv } from '../notifications.env';
import { clubOfficeFrom } from './club-office';
import { ClubOffice } from './templates/mail-layout';

/**
 * What every mail needs from the configuration: sender, link base URL, the key to open link tokens,
 * and the one that signs the unsubscribe links of announcements.
 */
export class MailSettings {
  constructor(
    readonly office: ClubOffice,
    /** The right part of our Message-IDs: the sender's domain. */
    readonly messageIdDomain: string,
    readonly linkBaseUrl: string,
    readonly linkTokens: SecretBox,
    readonly unsubscribeLinks: UnsubscribeTokens,
  ) {}

  /** `${LINK_BASE_URL}/veranstaltungen/<eventId>`: the event's page in the member portal. */
  readonly eventPage = (eventId: string): string => eventPageLink(this.linkBaseUrl, eventId);

  static fromEnv(
    env: Pick<NotificationsEnv, 'MAIL_FROM' | 'LINK_BASE_URL' | 'LINK_TOKEN_SECRET'>,
  ): MailSettings {
    const { domain, ...office } = clubOfficeFrom(env.MAIL_FROM);
    return new MailSettings(
      office,
      domain,
      env.LINK_BASE_URL,
      SecretBox.fromBase64Key(env.LINK_TOKEN_SECRET),
      UnsubscribeTokens.fromLinkTokenSecret(env.LINK_TOKEN_SECRET),
    );
  }
}
