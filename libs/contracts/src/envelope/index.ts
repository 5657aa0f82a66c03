export * from './kafka-headers';
