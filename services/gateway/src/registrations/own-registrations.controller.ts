import {
  ownInterestReplySchema,
  OwnInterestsQuery,
  OwnInterestsReply,
  ownInterestsReplySchema,
  OwnRegistrationsQuery,
  Page,
  pickShape,
  registrationPageReplySchema,
  RegistrationReply,
  RegistrationsRequests,
} from '@ic/contracts';
import { RpcClient, SendOptions } from '@ic/messaging/client';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiProblems, ApiUpstreamProblems } from '../http/api-docs';
import { CallContext } from '../http/call-context';
import { ApiReply, ApiSchemaParts } from '../http/api-replies';

/** The signed-in member's registrations and interests. */
@ApiTags('Anmeldungen')
@Roles('member')
@ApiUpstreamProblems()
@ApiSchemaParts({ OwnInterestResponse: ownInterestReplySchema })
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
  @ApiReply(200, 'RegistrationPageResponse', registrationPageReplySchema)
  @ApiProblems(400, 422)
  async list(
    @Query() query: OwnRegistrationsQuery,
    @CallContext() call: SendOptions,
  ): Promise<Page<RegistrationReply>> {
    return pickShape(
      registrationPageReplySchema,
      await this.rpc.send(RegistrationsRequests.listOwn, query, call),
    );
  }

  @Get('interests')
  @ApiOperation({
    summary: 'Das eigene Interesse an Veranstaltungen',
    description:
      'Auch das der eigenen Kommune (Kommunalzirkel); nur bei Veranstaltungen, deren Anmeldung noch nicht ' +
      'geöffnet oder geöffnet ist, in der Reihenfolge der Bekundung. Mit eventId nur das an dieser Veranstaltung.',
  })
  @ApiReply(200, 'OwnInterestsResponse', ownInterestsReplySchema)
  @ApiProblems(400)
  async interests(
    @Query() query: OwnInterestsQuery,
    @CallContext() call: SendOptions,
  ): Promise<OwnInterestsReply> {
    return pickShape(
      ownInterestsReplySchema,
      await this.rpc.send(RegistrationsRequests.listOwnInterests, query, call),
    );
  }
}
