import { DeliveryListQuery, NotificationsRequests } from '@ic/contracts';
import { RpcClient, SendOptions } from '@ic/messaging';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiProblems, ApiUpstreamProblems } from '../http/api-docs';
import { CallContext } from '../http/call-context';
import { DeliveryPageResponse, toDeliveryPageResponse } from './delivery.responses';

@ApiTags('E-Mail-Versand')
@ApiUpstreamProblems()
@Controller('deliveries')
export class DeliveriesController {
  constructor(private readonly rpc: RpcClient) {}

  @Roles('staff')
  @Get()
  @ApiOperation({
    summary: 'Versandprotokoll der E-Mails',
    description: 'Jede E-Mail mit Stand (queued, sending, sent, failed), Versuchen und dem letzten Fehler.',
  })
  @ApiOkResponse({ type: DeliveryPageResponse })
  @ApiProblems(400)
  async list(
    @Query() query: DeliveryListQuery,
    @CallContext() call: SendOptions,
  ): Promise<DeliveryPageResponse> {
    return toDeliveryPageResponse(await this.rpc.send(NotificationsRequests.listDeliveries, query, call));
  }
}
