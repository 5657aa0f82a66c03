import {
  DynamicModule,
  Global,
  MiddlewareConsumer,
  Module,
  NestModule,
  OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { ServiceEnv } from './config/service-env';
import { validateConfig } from './config/validate-config';
import { HealthModule } from './health/health.module';
import { CorrelationIdMiddleware } from './http/correlation.middleware';
import { ServiceRuntime } from './runtime/service-runtime';
import { flushTraces } from './tracing/trace-context';

export interface ServiceCoreOptions<E extends ServiceEnv> {
  readonly name: string;
  readonly env: new () => E;
}

/**
 * What every service starts with: validated config, its runtime identity, health endpoints,
 * correlation ids on HTTP, the buffered spans flushed on shutdown. A service that owns data adds its database (PersistenceModule in
 * libs/persistence).
 */
@Global()
@Module({})
export class ServiceCoreModule implements NestModule, OnApplicationShutdown {
  static forService<E extends ServiceEnv>(options: ServiceCoreOptions<E>): DynamicModule {
    return {
      module: ServiceCoreModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          validate: (env) => validateConfig(options.env, env),
        }),
        HealthModule,
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

  onApplicationShutdown(): Promise<void> {
    return flushTraces();
  }
}
