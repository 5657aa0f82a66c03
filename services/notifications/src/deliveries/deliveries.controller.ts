import {
  DeliveryListQuery,
  DeliveryReply,
  DeliveryResendRequest,
  NotificationsRequests,
  Page,
} from '@ic/contracts';
import { KafkaRequestContext } from '@ic/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { ListDeliveriesUseCase } from './list-deliveries/list-deliveries.usecase';
import { ResendDeliveryUseCase } from './resend-delivery/resend-delivery.usecase';

/** The delivery log, asked for by the gateway (GET /api/v1/deliveries, POST …/{id}/resend). */
@Controller()
export class DeliveriesController {
  constructor(
    private readonly listDeliveries: ListDeliveriesUseCase,
    private readonly resendDelivery: ResendDeliveryUseCase,
  ) {}

  @MessagePattern(NotificationsRequests.listDeliveries.name)
  list(
    @Payload() query: DeliveryListQuery,
    @Ctx() context: KafkaRequestContext,
  ): Promise<Page<DeliveryReply>> {
    return this.listDeliveries.execute(query, context.identity);
  }

  @MessagePattern(NotificationsRequests.resendDelivery.name)
  resend(
    @Payload() request: DeliveryResendRequest,
    @Ctx() context: KafkaRequestContext,
  ): Promise<DeliveryReply> {
    return this.resendDelivery.execute(request, context.identity);
  }
}
