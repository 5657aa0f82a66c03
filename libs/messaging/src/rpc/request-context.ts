import { CallerIdentity } from '@ic/contracts';
import { BaseRpcContext } from '@nestjs/microservices';

/** What a message handler may know about the request besides its payload. */
export class KafkaRequestContext extends BaseRpcContext<[CallerIdentity, string, string | undefined]> {
  get identity(): CallerIdentity {
    return this.args[0];
  }

  get correlationId(): string {
    return this.args[1];
  }

  get idempotencyKey(): string | undefined {
    return this.args[2];
  }
}
