import { OwnInterestsQuery, OwnRegistrationsQuery, RegistrationsRequests } from '@ic/contracts';
import { RpcClient, SendOptions } from '@ic/messaging/client';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiProblems, ApiUpstreamProblems } from '../http/api-docs';
import { CallContext } from '../http/call-context';
import { OwnInterestsResponse, toOwnInterestsResponse } from './interest.responses';
import { RegistrationPageResponse, toRegistrationPageResponse } from './registration.responses';

/** The signed-in member's registrations and interests. */
@ApiTags('Anmeldungen')
@Roles('member')
@ApiUpstreamProblems()
@Controller('me')
export class OwnRegistrationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('registrations')
  @ApiOperation({
    summary: 'Die eigenen Anmeldungen',
    description:
      'Auch die der eigenen Kommune (Kommunalzirkel); die neuesten zuerst, mit dem Stand und dem Platz auf der ' +
      'Warteliste. Mit eventId nur die zu dieser Veranstaltung (so findet die Veranstaltungsseite die eigene).',
  })
  @ApiOkResponse({ type: RegistrationPageResponse })
  @ApiProblems(400, 422)
  async list(
    @Query() query: OwnRegistrationsQuery,
    @CallContext() call: SendOptions,
  ): Promise<RegistrationPageResponse> {
    return toRegistrationPageResponse(await this.rpc.send(RegistrationsRequests.listOwn, query, call));
  }

  @Get('interests')
  @ApiOperation({
    summary: 'Das eigene Interesse an Veranstaltungen',
    description:
      'Auch das der eigenen Kommune (Kommunalzirkel); nur bei Veranstaltungen, deren Anmeldung noch nicht ' +
      'geöffnet oder geöffnet ist, in der Reihenfolge der Bekundung. Mit eventId nur das an dieser Veranstaltung.',
  })
  @ApiOkResponse({ type: OwnInterestsResponse })
  @ApiProblems(400)
  async interests(
    @Query() query: OwnInterestsQuery,
    @CallContext() call: SendOptions,
  ): Promise<OwnInterestsResponse> {
    return toOwnInterestsResponse(await this.rpc.send(RegistrationsRequests.listOwnInterests, query, call));
  }
}
