import { AnalyticsStatusReply, RebuildProgressReply, RebuildSummaryReply } from '@ic/contracts';
import { Injectable } from '@nestjs/common';
import {
  GenerationsRepository,
  RebuildRecord,
  RebuildSummaryRecord,
} from '../projections/generations.repository';
import { progressByTopic, totalOf } from '../projections/progress';
import { TopicPositions } from '../projections/topic-positions';

/** How far the projections have read: the current generation against the topics' ends, and a running rebuild. */
@Injectable()
export class ProjectionsStatus {
  constructor(
    private readonly generations: GenerationsRepository,
    private readonly positions: TopicPositions,
  ) {}

  async status(): Promise<AnalyticsStatusReply> {
    const state = await this.generations.read();
    const [ranges, committed] = await Promise.all([
      this.positions.ranges(),
      this.positions.committed(this.generations.generation(state.current).groupId),
    ]);
    return {
      generation: state.current,
      topics: progressByTopic(ranges, committed),
      ...(state.rebuild ? { rebuild: await this.progressOf(state.rebuild) } : {}),
      ...(state.lastRebuild ? { lastRebuild: summaryOf(state.lastRebuild) } : {}),
    };
  }

  async progressOf(rebuild: RebuildRecord): Promise<RebuildProgressReply> {
    const committed = await this.positions.committed(this.generations.generation(rebuild.generation).groupId);
    const topics = progressByTopic(rebuild.targets, committed);
    return {
      generation: rebuild.generation,
      requestedAt: rebuild.requestedAt.toISOString(),
      topics,
      ...totalOf(topics),
    };
  }
}

function summaryOf(summary: RebuildSummaryRecord): RebuildSummaryReply {
  const seconds = (summary.finishedAt.getTime() - summary.requestedAt.getTime()) / 1000;
  return {
    generation: summary.generation,
    requestedAt: summary.requestedAt.toISOString(),
    finishedAt: summary.finishedAt.toISOString(),
    events: summary.events,
    seconds,
    eventsPerSecond: seconds > 0 ? Math.round(summary.events / seconds) : summary.events,
  };
}
