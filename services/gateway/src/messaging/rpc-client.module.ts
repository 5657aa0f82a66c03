import { GATEWAY_REPLY_TOPIC, platformTopicCatalog } from '@ic/contracts';
import { KafkaConnection, kafkaConnectionFactory, RpcClient } from '@ic/messaging/client';
import { HealthRegistry, ServiceRuntime } from '@ic/platform';
import { Global, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { GatewayEnv } from '../gateway.env';

@Injectable()
class RpcClientLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly kafka: KafkaConnection,
    private readonly client: RpcClient,
    private readonly health: HealthRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.health.register('kafka', () => this.kafka.ping());
    this.health.register('reply-channel', () =>
      this.client.isReady ? Promise.resolve() : Promise.reject(new Error('reply channel not warmed up yet')),
    );
    await this.kafka.ensureTopics(platformTopicCatalog());
    await this.client.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.stop();
    await this.kafka.disconnect();
  }
}

/**
 * The gateway's way to the services: Kafka request/reply with its own reply consumer group; the
 * connection also serves the gateway's own consumers (SessionEventsConsumer).
 */
@Global()
@Module({
  providers: [
    { provide: KafkaConnection, inject: [ConfigService, ServiceRuntime], useFactory: kafkaConnectionFactory },
    {
      provide: RpcClient,
      inject: [KafkaConnection, ConfigService, ServiceRuntime],
      useFactory: (
        kafka: KafkaConnection,
        config: ConfigService<GatewayEnv, true>,
        runtime: ServiceRuntime,
      ) =>
        new RpcClient(kafka, {
          instanceId: runtime.instanceId,
          replyTopic: GATEWAY_REPLY_TOPIC,
          defaultTimeoutMs: config.get('REQUEST_TIMEOUT_MS', { infer: true }),
        }),
    },
    RpcClientLifecycle,
  ],
  exports: [RpcClient, KafkaConnection],
})
export class RpcClientModule {}
