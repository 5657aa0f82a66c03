import { MembershipRequests } from '@ic/contracts';
import { RpcClient, SendOptions } from '@ic/messaging/client';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiUpstreamProblems } from '../http/api-docs';
import { CallContext } from '../http/call-context';
import { Roles } from './auth.decorators';
import { FailedSignInsResponse, toFailedSignInsResponse } from './failed-sign-ins.responses';

@ApiTags('Anmeldung')
@ApiUpstreamProblems()
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
  @ApiOkResponse({ type: FailedSignInsResponse })
  async list(@CallContext() call: SendOptions): Promise<FailedSignInsResponse> {
    return toFailedSignInsResponse(await this.rpc.send(MembershipRequests.failedSignIns, {}, call));
  }
}
