import {
  failedSignInsOfAddressSchema,
  FailedSignInsReply,
  failedSignInsReplySchema,
  MembershipRequests,
  pickShape,
} from '@ic/contracts';
import { RpcClient, SendOptions } from '@ic/messaging/client';
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiReply, ApiSchemaParts } from '../http/api-replies';
import { ApiUpstreamProblems } from '../http/api-docs';
import { CallContext } from '../http/call-context';
import { Roles } from './auth.decorators';

@ApiTags('Anmeldung')
@ApiUpstreamProblems()
@ApiSchemaParts({ FailedSignInsOfAddressResponse: failedSignInsOfAddressSchema })
@Controller('auth/failed-sign-ins')
export class FailedSignInsController {
  constructor(private readonly rpc: RpcClient) {}

  @Roles('staff')
  @Get()
  @ApiOperation({
    summary: 'Fehlgeschlagene Anmeldungen der Geschäftsstelle (letzte 7 Tage)',
    description:
      'Je versuchter Adresse: die Zahl der Fehlversuche mit E-Mail und Passwort, der letzte und ab wann ' +
      'die Adresse es wieder versuchen kann. Ohne Passwörter; nach 30 Tagen gelöscht.',
  })
  @ApiReply(200, 'FailedSignInsResponse', failedSignInsReplySchema)
  async list(@CallContext() call: SendOptions): Promise<FailedSignInsReply> {
    return pickShape(
      failedSignInsReplySchema,
      await this.rpc.send(MembershipRequests.failedSignIns, {}, call),
    );
  }
}
