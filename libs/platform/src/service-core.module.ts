import {
  DynamicModule,
  Global,
  Inject,
  MiddlewareConsumer,
  Module,
  NestModule,
  OnModuleInit,
} from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { getConnectionToken, MongooseModule } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { ServiceEnv } from './config/service-env';
import { validateConfig } from './config/validate-config';
import { HealthModule } from './health/health.module';
import { HealthRegistry } from './health/health-registry';
import { CorrelationIdMiddleware } from './http/correlation.middleware';
import { ServiceRuntime } from './runtime/service-runtime';

export interface ServiceCoreOptions<E extends ServiceEnv> {
  readonly name: string;
  readonly env: new () => E;
  /** Database of this service on the Mongo server; the gateway has none. */
  readonly database?: string;
}

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
 * What every service starts with: validated config, its runtime identity, health endpoints,
 * correlation ids on HTTP, and, if it owns data, its own database on the Mongo server.
 */
@Global()
@Module({})
export class ServiceCoreModule implements NestModule {
  static forService<E extends ServiceEnv>(options: ServiceCoreOptions<E>): DynamicModule {
    const mongo = options.database
      ? [
          MongooseModule.forRootAsync({
            inject: [ConfigService],
            useFactory: (config: ConfigService<ServiceEnv, true>) => ({
              uri: config.get('MONGODB_URI', { infer: true }),
              dbName: config.get('MONGODB_DATABASE', { infer: true }) ?? options.database,
              serverSelectionTimeoutMS: 5000,
            }),
          }),
          MongoHealthModule,
        ]
      : [];
    return {
      module: ServiceCoreModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          validate: (env) => validateConfig(options.env, env),
        }),
        HealthModule,
        ...mongo,
      ],
      providers: [
        {
          provide: ServiceRuntime,
          inject: [ConfigService],
          useFactory: (config: ConfigService<ServiceEnv, true>) =>
            ServiceRuntime.create(options.name, config.get('INSTANCE_ID', { infer: true })),
        },
      ],
      exports: [ServiceRuntime],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationIdMiddleware).forRoutes('*path');
  }
}
