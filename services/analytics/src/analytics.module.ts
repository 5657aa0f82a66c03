import { DataServiceModule } from '@ic/messaging';
import { Clock } from '@ic/platform';
import { Module } from '@nestjs/common';
import { AnalyticsEnv } from './analytics.env';
import { FiguresController } from './figures/figures.controller';
import { FiguresQueries } from './figures/figures.queries';
import { GenerationsRepository } from './projections/generations.repository';
import { ProjectionsSupervisor } from './projections/projections.supervisor';
import { TopicPositions } from './projections/topic-positions';
import { ProjectionsStatus } from './rebuild/projections-status';
import { RebuildController } from './rebuild/rebuild.controller';
import { StartRebuildUseCase } from './rebuild/start-rebuild/start-rebuild.usecase';

@Module({
  imports: [DataServiceModule.forService('analytics', AnalyticsEnv)],
  controllers: [FiguresController, RebuildController],
  providers: [
    Clock,
    GenerationsRepository,
    TopicPositions,
    ProjectionsSupervisor,
    ProjectionsStatus,
    FiguresQueries,
    StartRebuildUseCase,
  ],
})
export class AnalyticsModule {}
