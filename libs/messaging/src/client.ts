/**
 * `@ic/messaging/client`: what a service without a database (the gateway) needs of Kafka: the
 * bootstrap, the connection and the RPC client. Unlike `@ic/messaging` it does not load mongoose.
 */
export * from './bootstrap';
export * from './describe-error';
export * from './kafka-connection';
export * from './rpc/rpc-client';
