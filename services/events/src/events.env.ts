import { ServiceEnv } from '@ic/platform';

export class EventsEnv extends ServiceEnv {
  override HTTP_PORT = 3002;
}
