import { ServiceEnv } from '@ic/platform';

export class AnalyticsEnv extends ServiceEnv {
  override HTTP_PORT = 3005;
}
