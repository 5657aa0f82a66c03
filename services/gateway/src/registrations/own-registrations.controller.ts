import { PageQuery, RegistrationsRequests } from '@ic/contracts';
import { RpcClient, SendOptions } from '@ic/messaging';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiProblems, ApiUpstreamProblems } from '../http/api-docs';
import { CallContext } from '../http/call-context';
import { RegistrationPageResponse, toRegistrationPageResponse } from './registration.responses';

/** The signed-in member's registrations. */
@ApiTags('Anmeldungen')
@Roles('member')
@ApiUpstreamProblems()
@Controller('me/registrations')
export class OwnRegistrationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({
    summary: 'Die eigenen Anmeldungen',
    description:
      'Auch die der eigenen Kommune (Kommunalzirkel); die neuesten zuerst, mit dem Stand und dem Platz auf der Warteliste.',
  })
  @ApiOkResponse({ type: RegistrationPageResponse })
  @ApiProblems(400)
  async list(@Query() query: PageQuery, @CallContext() call: SendOptions): Promise<RegistrationPageResponse> {
    return toRegistrationPageResponse(await this.rpc.send(RegistrationsRequests.listOwn, query, call));
  }
}
