/**
 * `@ic/messaging/client`: what a service without a database (the gateway) needs of Kafka: the
 * bootstrap, the connection, the RPC client and the CloudEvent envelope. Unlike `@ic/messaging` it
 * does not load mongoose.
 */
export * from './bootstrap';
export * from './cloud-event';
export * from './kafka-connection';
export * from './kafka-connection-factory';
export * from './rpc/rpc-client';
