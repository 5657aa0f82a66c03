import {
  allEventContracts,
  eventSourceOf,
  platformTopicCatalog,
  RequestHandlingService,
} from '@ic/contracts';
import { OutboxPublisher, OutboxStore } from '@ic/persistence';
import { HealthRegistry, ServiceEnv, ServiceRuntime } from '@ic/platform';
import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  OnApplicationShutdown,
  OnModuleInit,
  Optional,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { getConnectionToken } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';
import { EventOrdering } from './consumer/event-ordering';
import { ContractRegistry } from './contract-registry';
import { KafkaConnection } from './kafka-connection';
import { kafkaConnectionFactory } from './kafka-connection-factory';
import { OutboxEventFactory } from './outbox/outbox-entry';
import { OutboxRelay } from './outbox/outbox-relay';
import { KafkaTransport } from './rpc/kafka.transport';
import { RequestIdempotency } from './rpc/request-idempotency';

export const SERVICE_NAME = Symbol('SERVICE_NAME');
const EVENT_ORDERING = Symbol('EVENT_ORDERING');

/** Creates the Nest transport of this service once the app's providers exist. */
@Injectable()
export class KafkaTransportFactory {
  constructor(
    @Inject(SERVICE_NAME) private readonly service: RequestHandlingService,
    private readonly kafka: KafkaConnection,
    private readonly registry: ContractRegistry,
    private readonly runtime: ServiceRuntime,
    private readonly config: ConfigService<ServiceEnv, true>,
    @Inject(getConnectionToken()) private readonly connection: Connection,
    private readonly health: HealthRegistry,
    @Optional() @Inject(EVENT_ORDERING) private readonly ordering?: EventOrdering,
  ) {}

  create(): KafkaTransport {
    if (!this.connection.db) throw new Error('MongoDB connection has no database yet');
    const transport = new KafkaTransport(this.kafka, this.connection.db, this.registry, {
      service: this.service,
      instanceId: this.runtime.instanceId,
      maxAttempts: this.config.get('CONSUMER_MAX_ATTEMPTS', { infer: true }),
      retryBackoffMs: this.config.get('CONSUMER_RETRY_BACKOFF_MS', { infer: true }),
      claimLeaseMs: this.config.get('CONSUMER_CLAIM_LEASE_MS', { infer: true }),
      ...(this.ordering
        ? {
            eventOrdering: {
              by: this.ordering,
              parallelKeys: this.config.get('CONSUMER_PARALLEL_KEYS', { infer: true }),
            },
          }
        : {}),
    });
    this.health.register('kafka-consumers', () =>
      transport.consumersJoined
        ? Promise.resolve()
        : Promise.reject(new Error('consumer groups not joined yet')),
    );
    return transport;
  }
}

@Injectable()
class MessagingLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly kafka: KafkaConnection,
    private readonly relay: OutboxRelay,
    private readonly health: HealthRegistry,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.kafka.ensureTopics(platformTopicCatalog());
    this.health.register('kafka', () => this.kafka.ping());
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.kafka.disconnect();
  }
}

/**
 * Kafka for a service that owns data: the connection, the contract registry, the outbox
 * (event factory and relay) and the transport for its message handlers.
 */
@Global()
@Module({})
export class MessagingModule {
  static forService(service: RequestHandlingService, ordering?: EventOrdering): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: SERVICE_NAME, useValue: service },
        ...(ordering ? [{ provide: EVENT_ORDERING, useValue: ordering }] : []),
        {
          provide: KafkaConnection,
          inject: [ConfigService, ServiceRuntime],
          useFactory: kafkaConnectionFactory,
        },
        { provide: ContractRegistry, useFactory: () => new ContractRegistry(allEventContracts) },
        {
          provide: OutboxEventFactory,
          inject: [ContractRegistry],
          useFactory: (registry: ContractRegistry) =>
            new OutboxEventFactory(registry, eventSourceOf(service)),
        },
        {
          provide: OutboxRelay,
          inject: [OutboxStore, KafkaConnection, ConfigService],
          useFactory: (store: OutboxStore, kafka: KafkaConnection, config: ConfigService<ServiceEnv, true>) =>
            new OutboxRelay(store, kafka, {
              sweepIntervalMs: config.get('OUTBOX_SWEEP_INTERVAL_MS', { infer: true }),
              sweepGraceMs: 1000,
            }),
        },
        { provide: OutboxPublisher, useExisting: OutboxRelay },
        {
          provide: RequestIdempotency,
          inject: [getConnectionToken()],
          useFactory: (connection: Connection) => new RequestIdempotency(connection.db as mongo.Db),
        },
        KafkaTransportFactory,
        MessagingLifecycle,
      ],
      exports: [
        KafkaConnection,
        ContractRegistry,
        OutboxEventFactory,
        OutboxRelay,
        OutboxPublisher,
        RequestIdempotency,
        KafkaTransportFactory,
      ],
    };
  }
}
