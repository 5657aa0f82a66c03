import { ServiceEnv } from '@ic/platform';

export class RegistrationsEnv extends ServiceEnv {
  override HTTP_PORT = 3003;
}
