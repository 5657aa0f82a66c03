import { HealthRegistry, ServiceEnv } from '@ic/platform';
import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnModuleDestroy,
  OnModuleInit,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { getConnectionToken, MongooseModule } from '@nestjs/mongoose';
import mongoose, { Connection, mongo } from 'mongoose';
import { unwatchOutboxBacklog, watchOutboxBacklog } from './outbox/outbox-metrics';
import { OutboxStore } from './outbox/outbox-store';

// Mongoose keeps every query's stack trace (a `new Error().stack`, formatted at once) for the rare
// error of a query run twice: 1–2 % of a busy service's CPU, for a message no service needs.
mongoose.set('skipOriginalStackTraces', true);

/** How long an operation waits for the database to answer before it fails (see forService). */
const DATABASE_SELECTION_TIMEOUT_MS = 2000;

/**
 * The readiness check of the database, and a log line when the driver loses the server and when it
 * reaches it again: the operations of an outage fail one by one, and these two lines say when it
 * began and ended.
 */
@Module({})
class MongoHealthModule implements OnModuleInit {
  private readonly logger = new Logger('MongoDB');

  constructor(
    @Inject(getConnectionToken()) private readonly connection: Connection,
    private readonly health: HealthRegistry,
  ) {}

  onModuleInit(): void {
    this.health.register('mongodb', async () => {
      if (!this.connection.db) throw new Error('not connected');
      await this.connection.db.command({ ping: 1 });
    });
    let lost = false;
    this.connection.getClient().on('serverDescriptionChanged', ({ address, newDescription }) => {
      const unreachable = newDescription.type === 'Unknown';
      if (unreachable === lost) return;
      lost = unreachable;
      if (lost) {
        this.logger.warn(`Database server ${address} lost: ${newDescription.error?.message ?? 'no answer'}`);
      } else {
        this.logger.log(`Database server ${address} reachable again`);
      }
    });
  }
}

/** The outbox backlog in `/metrics` while the service runs. */
@Injectable()
class OutboxMetricsLifecycle implements OnModuleInit, OnModuleDestroy {
  constructor(private readonly store: OutboxStore) {}

  onModuleInit(): void {
    watchOutboxBacklog(this.store);
  }

  onModuleDestroy(): void {
    unwatchOutboxBacklog(this.store);
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
            // While the database is away an operation fails after this, as a transient error that
            // the caller answers with 503 (a request) or retries (an event). It must end well within
            // the gateway's 5 s for a request that makes a round trip or two.
            serverSelectionTimeoutMS: DATABASE_SELECTION_TIMEOUT_MS,
            // Without buffering every model operation meets that bound; mongoose would otherwise hold
            // operations for 10 s while it counts itself disconnected and then fail them as its own error.
            bufferCommands: false,
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
        OutboxMetricsLifecycle,
      ],
      exports: [OutboxStore],
    };
  }
}
