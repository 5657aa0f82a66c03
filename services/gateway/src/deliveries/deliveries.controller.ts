import {
  DELIVERY_ID,
  DeliveryListQuery,
  deliveryPageReplySchema,
  DeliveryReply,
  deliveryReplySchema,
  NotificationsRequests,
  Page,
  pickShape,
} from '@ic/contracts';
import { RpcClient, SendOptions } from '@ic/messaging/client';
import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiReply } from '../http/api-replies';
import { ApiIdempotencyKey, ApiProblems, ApiUpstreamProblems } from '../http/api-docs';
import { CallContext } from '../http/call-context';
import { PatternParam } from '../http/path-params';

@ApiTags('E-Mail-Versand')
@ApiUpstreamProblems()
@Controller('deliveries')
export class DeliveriesController {
  constructor(private readonly rpc: RpcClient) {}

  @Roles('staff')
  @Get()
  @ApiOperation({
    summary: 'Versandprotokoll der E-Mails',
    description:
      'Jede E-Mail mit Stand (queued, sending, sent, failed), Versuchen und dem letzten Fehler; ' +
      'gefiltert nach Stand, Art, Mitglied oder Empfängeradresse.',
  })
  @ApiReply(200, 'DeliveryPageResponse', deliveryPageReplySchema)
  @ApiProblems(400, 422)
  async list(
    @Query() query: DeliveryListQuery,
    @CallContext() call: SendOptions,
  ): Promise<Page<DeliveryReply>> {
    return pickShape(
      deliveryPageReplySchema,
      await this.rpc.send(NotificationsRequests.listDeliveries, query, call),
    );
  }

  @Roles('staff')
  @Post(':deliveryId/resend')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Eine fehlgeschlagene E-Mail erneut versenden',
    description:
      'Stellt die E-Mail, wie sie geschrieben wurde, wieder in die Warteschlange (Stand queued) und ' +
      'versendet sie gleich darauf, an die aktuelle Adresse des Mitglieds. Nur eine fehlgeschlagene ' +
      'E-Mail (sonst 409); eine Wiederholung der Anfrage, während sie unterwegs ist, gibt dieselbe Antwort.',
  })
  @ApiReply(200, 'DeliveryResponse', deliveryReplySchema)
  @ApiIdempotencyKey()
  @ApiProblems(400, 404, 409)
  async resend(
    @PatternParam(
      'deliveryId',
      DELIVERY_ID,
      'deliveryId ist keine gültige Kennung einer E-Mail.',
      'invitation:5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10',
    )
    deliveryId: string,
    @CallContext() call: SendOptions,
  ): Promise<DeliveryReply> {
    return pickShape(
      deliveryReplySchema,
      await this.rpc.send(NotificationsRequests.resendDelivery, { deliveryId }, call),
    );
  }
}
