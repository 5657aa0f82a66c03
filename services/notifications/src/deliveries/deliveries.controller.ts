import { DeliveryListQuery, DeliveryReply, NotificationsRequests, Page } from '@ic/contracts';
import { KafkaRequestContext } from '@ic/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { ListDeliveriesUseCase } from './list-deliveries/list-deliveries.usecase';

/** The delivery log, asked for by the gateway (GET /api/v1/deliveries). */
@Controller()
export class DeliveriesController {
  constructor(private readonly listDeliveries: ListDeliveriesUseCase) {}

  @MessagePattern(NotificationsRequests.listDeliveries.name)
  list(
    @Payload() query: DeliveryListQuery,
    @Ctx() context: KafkaRequestContext,
  ): Promise<Page<DeliveryReply>> {
    return this.listDeliveries.execute(query, context.identity);
  }
}
