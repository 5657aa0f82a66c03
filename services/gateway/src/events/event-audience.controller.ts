import {
  EventAudienceReply,
  eventAudienceReplySchema,
  EventAudienceRequests,
  EventsRequests,
  pickShape,
} from '@ic/contracts';
import { RpcClient, SendOptions } from '@ic/messaging/client';
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiProblems, ApiUpstreamProblems } from '../http/api-docs';
import { ApiReply } from '../http/api-replies';
import { CallContext } from '../http/call-context';
import { UuidParam } from '../http/path-params';

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
  @ApiReply(200, 'EventAudienceResponse', eventAudienceReplySchema)
  @ApiProblems(400, 404)
  async audience(
    @UuidParam('eventId') eventId: string,
    @CallContext() call: SendOptions,
  ): Promise<EventAudienceReply> {
    const event = await this.rpc.send(EventsRequests.get, { eventId }, call);
    const { kind, audience, announceTo, targetGroup, themes } = event;
    const reply = await this.rpc.send(
      EventAudienceRequests.eventAudience,
      { event: { eventId, kind, audience, announceTo, themes, ...(targetGroup ? { targetGroup } : {}) } },
      call,
    );
    return pickShape(eventAudienceReplySchema, reply);
  }
}
