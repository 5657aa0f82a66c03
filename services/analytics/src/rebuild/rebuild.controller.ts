import { AnalyticsRequests, ReplyOf } from '@ic/contracts';
import { KafkaRequestContext } from '@ic/messaging';
import { actorOf, requireStaff } from '@ic/platform';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern } from '@nestjs/microservices';
import { ProjectionsStatus } from './projections-status';
import { StartRebuildUseCase } from './start-rebuild/start-rebuild.usecase';

type Requests = typeof AnalyticsRequests;

@Controller()
export class RebuildController {
  constructor(
    private readonly startRebuild: StartRebuildUseCase,
    private readonly projections: ProjectionsStatus,
  ) {}

  @MessagePattern(AnalyticsRequests.status.name)
  status(@Ctx() context: KafkaRequestContext): Promise<ReplyOf<Requests['status']>> {
    requireStaff(actorOf(context.identity));
    return this.projections.status();
  }

  @MessagePattern(AnalyticsRequests.rebuild.name)
  rebuild(@Ctx() context: KafkaRequestContext): Promise<ReplyOf<Requests['rebuild']>> {
    return this.startRebuild.execute(actorOf(context.identity));
  }
}
