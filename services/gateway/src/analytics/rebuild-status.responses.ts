import {
  AnalyticsStatusReply,
  RebuildProgressReply,
  RebuildSummaryReply,
  TopicProgressReply,
} from '@ic/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class TopicProgressResponse implements TopicProgressReply {
  @ApiProperty({ example: 'ic.registrations.v1' })
  topic!: string;

  @ApiProperty({ example: 2716 })
  read!: number;

  @ApiProperty({ example: 7867 })
  total!: number;
}

export class RebuildProgressResponse implements RebuildProgressReply {
  @ApiProperty({ example: 3 })
  generation!: number;

  @ApiProperty({ format: 'date-time' })
  requestedAt!: string;

  @ApiProperty({ type: [TopicProgressResponse], description: 'bis zum Ende der Topics bei der Anfrage' })
  topics!: TopicProgressResponse[];

  @ApiProperty({ example: 6438 })
  read!: number;

  @ApiProperty({ example: 13892 })
  total!: number;
}

export class RebuildSummaryResponse implements RebuildSummaryReply {
  @ApiProperty({ example: 2 })
  generation!: number;

  @ApiProperty({ format: 'date-time' })
  requestedAt!: string;

  @ApiProperty({ format: 'date-time' })
  finishedAt!: string;

  @ApiProperty({ example: 13892, description: 'wiederholte Ereignisse' })
  events!: number;

  @ApiProperty({ example: 2.4 })
  seconds!: number;

  @ApiProperty({ example: 5788 })
  eventsPerSecond!: number;
}

export class AnalyticsStatusResponse implements AnalyticsStatusReply {
  @ApiProperty({ example: 2, description: 'die Generation der Projektionen, die gelesen wird' })
  generation!: number;

  @ApiProperty({ type: [TopicProgressResponse], description: 'wie weit sie jedes Domänen-Topic gelesen hat' })
  topics!: TopicProgressResponse[];

  @ApiPropertyOptional({ type: RebuildProgressResponse, description: 'ein laufender Neuaufbau' })
  rebuild?: RebuildProgressResponse;

  @ApiPropertyOptional({ type: RebuildSummaryResponse })
  lastRebuild?: RebuildSummaryResponse;
}

const toTopics = (topics: readonly TopicProgressReply[]): TopicProgressResponse[] =>
  topics.map((topic) => ({ topic: topic.topic, read: topic.read, total: topic.total }));

export function toAnalyticsStatusResponse(reply: AnalyticsStatusReply): AnalyticsStatusResponse {
  return {
    generation: reply.generation,
    topics: toTopics(reply.topics),
    rebuild: reply.rebuild && {
      generation: reply.rebuild.generation,
      requestedAt: reply.rebuild.requestedAt,
      topics: toTopics(reply.rebuild.topics),
      read: reply.rebuild.read,
      total: reply.rebuild.total,
    },
    lastRebuild: reply.lastRebuild && {
      generation: reply.lastRebuild.generation,
      requestedAt: reply.lastRebuild.requestedAt,
      finishedAt: reply.lastRebuild.finishedAt,
      events: reply.lastRebuild.events,
      seconds: reply.lastRebuild.seconds,
      eventsPerSecond: reply.lastRebuild.eventsPerSecond,
    },
  };
}
