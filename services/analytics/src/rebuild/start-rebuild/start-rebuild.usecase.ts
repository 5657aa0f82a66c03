import { Actor, RebuildReply } from '@ic/contracts';
import { Clock, requireStaff } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { GenerationsRepository } from '../../projections/generations.repository';
import { ProjectionsSupervisor } from '../../projections/projections.supervisor';
import { TopicPositions } from '../../projections/topic-positions';
import { ProjectionsStatus } from '../projections-status';

/**
 * Rebuilds the projections from the beginning without stopping anything: the next generation
 * starts empty with a consumer group of its own and reads every domain topic from the beginning,
 * while readers keep seeing the current one, which keeps reading too. It becomes current once it
 * has read up to where the topics ended at this request (see ProjectionsSupervisor).
 */
@Injectable()
export class StartRebuildUseCase {
  constructor(
    private readonly generations: GenerationsRepository,
    private readonly positions: TopicPositions,
    private readonly supervisor: ProjectionsSupervisor,
    private readonly status: ProjectionsStatus,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor): Promise<RebuildReply> {
    requireStaff(actor);
    const state = await this.generations.read();
    if (state.rebuild) return { started: false, rebuild: await this.status.progressOf(state.rebuild) };
    const rebuild = {
      generation: state.current + 1,
      requestedAt: this.clock.now(),
      targets: await this.positions.ranges(),
    };
    const began = await this.generations.beginRebuild(state.current, rebuild);
    const running = began ? rebuild : (await this.generations.read()).rebuild;
    if (!running) return this.execute(actor);
    await this.supervisor.check();
    return { started: began, rebuild: await this.status.progressOf(running) };
  }
}
