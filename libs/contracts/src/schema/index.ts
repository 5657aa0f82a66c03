export * from './shape';
export * from './published-json-schema';
