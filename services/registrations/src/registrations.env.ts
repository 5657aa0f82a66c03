import { base64KeyMessage, BASE64_KEY_32, ServiceEnv } from '@ic/platform';
import { Matches } from 'class-validator';

export class RegistrationsEnv extends ServiceEnv {
  override HTTP_PORT = 3003;

  /**
   * Seals names and addresses of delegation people, guests and municipal contacts in events for the
   * notifications service (the same key as the link tokens). No default.
   */
  @Matches(BASE64_KEY_32, base64KeyMessage('LINK_TOKEN_SECRET'))
  LINK_TOKEN_SECRET!: string;
}
