import { ServiceEnv } from '@ic/platform';

export class NotificationsEnv extends ServiceEnv {
  override HTTP_PORT = 3004;
}
