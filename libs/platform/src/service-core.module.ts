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
import { HttpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { METRICS_ACCESS, MetricsAccess } from './metrics/metrics-access';
import { MetricsController } from './metrics/metrics.controller';
import { startServiceMetrics } from './metrics/metrics-registry';
import { ServiceRuntime } from './runtime/service-runtime';
import { flushTraces } from './tracing/trace-context';

export interface ServiceCoreOptions<E extends ServiceEnv> {
  readonly name: string;
  readonly env: new () => E;
  /** Its HTTP port is public (the gateway): `/metrics` only with METRICS_TOKEN, see MetricsAccess. */
  readonly publicPort?: boolean;
}

/**
 * What every service starts with: validated config, its runtime identity, health endpoints,
 * Prometheus metrics (`/metrics`, HTTP latencies), correlation ids on HTTP, the buffered spans flushed
 * on shutdown. A service that owns data adds its database (PersistenceModule in libs/persistence).
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
      controllers: [MetricsController],
      providers: [
        {
          provide: METRICS_ACCESS,
          inject: [ConfigService],
          useFactory: (config: ConfigService<ServiceEnv, true>): MetricsAccess => {
            // The service's label and Node's metrics start with the service, before any is recorded.
            startServiceMetrics(options.name);
            const token = config.get('METRICS_TOKEN', { infer: true });
            return { tokenRequired: options.publicPort ?? false, ...(token ? { token } : {}) };
          },
        },
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
    consumer.apply(CorrelationIdMiddleware, HttpMetricsMiddleware).forRoutes('*path');
  }

  onApplicationShutdown(): Promise<void> {
    return flushTraces();
  }
}
