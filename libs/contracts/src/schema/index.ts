export * from './shape';
export * from './published-json-schema';
export * from './request-body';
export * from './request-fields';
