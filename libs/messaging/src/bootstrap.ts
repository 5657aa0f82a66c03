import {
  ConfigValidationError,
  createValidationPipe,
  PlatformLogger,
  ProblemDetailsFilter,
  ServiceEnv,
  collectStartUpGarbage,
  ServiceRuntime,
  validateConfig,
} from '@ic/platform';
import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { quietKnownKafkajsWarnings } from './kafka-connection';

export interface BootstrapOptions<E extends ServiceEnv> {
  readonly name: string;
  readonly env: new () => E;
  /** Whether the service answers requests and consumes events through the Kafka transport. */
  readonly kafkaTransport: boolean;
  /** Extra HTTP set-up (the gateway's API prefix and OpenAPI). */
  readonly configureHttp?: (app: INestApplication, env: E) => void;
}

/**
 * Starts a service: validated config (a bad value stops it with the variable's name), logger,
 * the Kafka transport, HTTP (health, and the API for the gateway), graceful shutdown.
 */
export async function bootstrapService<E extends ServiceEnv>(
  module: Type<unknown>,
  options: BootstrapOptions<E>,
): Promise<INestApplication> {
  let env: E;
  try {
    env = validateConfig(options.env, process.env);
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      process.stderr.write(`${options.name}: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = new PlatformLogger(
    { service: options.name, instance: ServiceRuntime.create(options.name, env.INSTANCE_ID).instanceId },
    env.LOG_LEVEL,
    env.LOG_FORMAT,
  );
  quietKnownKafkajsWarnings((line) => logger.warn(line));
  const app = await NestFactory.create(module, { logger, bodyParser: true });
  // Loaded only with the transport: it brings the database driver along, which the gateway does not have.
  const isDependencyUnavailable = options.kafkaTransport
    ? (await import('./consumer/infrastructure-failure')).isInfrastructureFailure
    : undefined;
  app.useGlobalFilters(new ProblemDetailsFilter({ isDependencyUnavailable }));
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  options.configureHttp?.(app, env);

  // Modules initialise first: topics exist and the database is connected before any consumer starts.
  await app.init();
  if (options.kafkaTransport) {
    // Loaded here: the messaging module brings the database along, which the gateway does not have.
    const { KafkaTransportFactory } = await import('./messaging.module');
    app.connectMicroservice(
      { strategy: app.get(KafkaTransportFactory).create() },
      { inheritAppConfig: true },
    );
    await app.startAllMicroservices();
  }
  await app.listen(env.HTTP_PORT ?? 0, env.HTTP_HOST);
  logger.log(`${options.name} listening on ${await app.getUrl()}`);
  collectStartUpGarbage();
  return app;
}
