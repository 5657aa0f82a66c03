export * from './event-schema-snapshot';
export * from './schema-compatibility';
