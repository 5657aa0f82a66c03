import { ServiceEnv } from '@ic/platform';

export class MembershipEnv extends ServiceEnv {
  override HTTP_PORT = 3001;
}
