import { BaseRpcContext } from '@nestjs/microservices';
import { EventDelivery } from '../consumer/event-consumer';

/** What an event handler may know about the event besides its data. */
export class KafkaEventContext extends BaseRpcContext<[EventDelivery]> {
  get delivery(): EventDelivery {
    return this.args[0];
  }
}
