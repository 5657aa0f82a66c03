import { EventAudienceReply, EventAudienceRequests, EventsRequests } from '@ic/contracts';
import { RpcClient, SendOptions } from '@ic/messaging/client';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiProblems, ApiUpstreamProblems } from '../http/api-docs';
import { CallContext } from '../http/call-context';
import { UuidParam } from '../http/path-params';

export class EventAudienceResponse implements EventAudienceReply {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({
    example: 214,
    description:
      'Mitglieder, die die Ankündigung jetzt erhielten: aktiv, Ankündigungen nicht abbestellt, passend ' +
      '(Zielgruppe nach Land und Einwohnerzahl, gemeinsames Themenfeld oder alle, wie die Veranstaltung es bestimmt)',
  })
  announcement!: number;

  @ApiProperty({
    example: 180,
    description:
      'Mitglieder, die beim Öffnen der Anmeldung „Anmeldung geöffnet“ erhalten, weil ihre Ankündigung einen ' +
      'späteren Anmeldebeginn nannte; ohne die Interessierten (die zählt registration-stats); vor der Ankündigung 0',
  })
  registrationOpened!: number;
}

/**
 * Whom the office's next step tells, shown before it is taken: the events service's event as it
 * is now, counted by the notifications service by the rules its mails go by.
 */
@ApiTags('Veranstaltungen')
@ApiUpstreamProblems()
@Controller('events/:eventId/audience')
export class EventAudienceController {
  constructor(private readonly rpc: RpcClient) {}

  @Roles('staff')
  @Get()
  @ApiOperation({
    summary: 'Wer benachrichtigt wird: Ankündigung und „Anmeldung geöffnet“ (Geschäftsstelle)',
    description:
      'Die Zahl der Mitglieder, die die Ankündigung jetzt erhielten, und die, denen das Öffnen der Anmeldung ' +
      'geschrieben wird. Angemeldete, Wartende und Interessierte nennt `…/registration-stats`.',
  })
  @ApiOkResponse({ type: EventAudienceResponse })
  @ApiProblems(400, 404)
  async audience(
    @UuidParam('eventId') eventId: string,
    @CallContext() call: SendOptions,
  ): Promise<EventAudienceResponse> {
    const event = await this.rpc.send(EventsRequests.get, { eventId }, call);
    const { kind, audience, announceTo, targetGroup, themes } = event;
    const reply = await this.rpc.send(
      EventAudienceRequests.eventAudience,
      { event: { eventId, kind, audience, announceTo, themes, ...(targetGroup ? { targetGroup } : {}) } },
      call,
    );
    return {
      eventId: reply.eventId,
      announcement: reply.announcement,
      registrationOpened: reply.registrationOpened,
    };
  }
}
