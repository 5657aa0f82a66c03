import { HealthRegistry, ServiceEnv } from '@ic/platform';
import { DynamicModule, Global, Inject, Module, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { getConnectionToken, MongooseModule } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';
import { OutboxStore } from './outbox/outbox-store';

@Module({})
class MongoHealthModule implements OnModuleInit {
  constructor(
    @Inject(getConnectionToken()) private readonly connection: Connection,
    private readonly health: HealthRegistry,
  ) {}

  onModuleInit(): void {
    this.health.register('mongodb', async () => {
      if (!this.connection.db) throw new Error('not connected');
      await this.connection.db.command({ ping: 1 });
    });
  }
}

/**
 * A service's own database on the Mongo server (MONGODB_URI; MONGODB_DATABASE or `database`), its
 * readiness check, and the database side of the outbox. Services add their models with
 * `MongooseModule.forFeature`.
 */
@Global()
@Module({})
export class PersistenceModule {
  static forService(database: string): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        MongooseModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<ServiceEnv, true>) => ({
            uri: config.get('MONGODB_URI', { infer: true }),
            dbName: config.get('MONGODB_DATABASE', { infer: true }) ?? database,
            serverSelectionTimeoutMS: 5000,
          }),
        }),
        MongoHealthModule,
      ],
      providers: [
        {
          provide: OutboxStore,
          inject: [getConnectionToken()],
          useFactory: (connection: Connection) => new OutboxStore(connection.db as mongo.Db),
        },
      ],
      exports: [OutboxStore],
    };
  }
}
