import { isDuplicateKeyError } from '@ic/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';
import { Generation } from './generation';
import { PartitionRange } from './progress';

export const GENERATIONS_COLLECTION = 'analytics_generations';
const STATE_ID = 'state';

export interface RebuildRecord {
  readonly generation: number;
  readonly requestedAt: Date;
  /** Where each partition began and ended when the rebuild was asked for: it is done at these ends. */
  readonly targets: readonly PartitionRange[];
}

export interface RebuildSummaryRecord {
  readonly generation: number;
  readonly requestedAt: Date;
  readonly finishedAt: Date;
  readonly events: number;
}

export interface GenerationState {
  readonly _id: typeof STATE_ID;
  /** The generation readers see. */
  readonly current: number;
  readonly rebuild?: RebuildRecord;
  readonly lastRebuild?: RebuildSummaryRecord;
}

/**
 * Which generation of the projections is current and which one a rebuild is filling: one
 * document, read by every instance (the figures, the supervisor), so that all switch together.
 */
@Injectable()
export class GenerationsRepository {
  constructor(@Inject(getConnectionToken()) private readonly connection: Connection) {}

  private get db(): mongo.Db {
    if (!this.connection.db) throw new Error('MongoDB connection has no database yet');
    return this.connection.db;
  }

  private get collection(): mongo.Collection<GenerationState> {
    return this.db.collection<GenerationState>(GENERATIONS_COLLECTION);
  }

  generation(number: number): Generation {
    return new Generation(number, this.db.databaseName);
  }

  get database(): mongo.Db {
    return this.db;
  }

  /** The state; the first generation on a new database. */
  async read(): Promise<GenerationState> {
    const state = await this.collection.findOne({ _id: STATE_ID });
    if (state) return state;
    try {
      await this.collection.insertOne({ _id: STATE_ID, current: 1 });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const created = await this.collection.findOne({ _id: STATE_ID });
    if (!created) throw new Error('The generation state vanished while it was created');
    return created;
  }

  /**
   * Starts filling the next generation unless a rebuild runs already. Two requests at once both
   * name generation current + 1, so whichever write stays, it is the same rebuild.
   */
  async beginRebuild(current: number, rebuild: RebuildRecord): Promise<boolean> {
    const result = await this.collection.updateOne(
      { _id: STATE_ID, current, rebuild: { $exists: false } },
      { $set: { rebuild } },
    );
    return result.matchedCount === 1;
  }

  /** Makes the rebuilt generation current (every instance that notices writes the same). */
  async finishRebuild(rebuild: RebuildRecord, summary: RebuildSummaryRecord): Promise<void> {
    await this.collection.updateOne(
      { _id: STATE_ID, 'rebuild.generation': rebuild.generation },
      { $set: { current: rebuild.generation, lastRebuild: summary }, $unset: { rebuild: '' } },
    );
  }
}
