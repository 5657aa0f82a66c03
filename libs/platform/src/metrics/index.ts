export * from './cached-value';
export * from './http-metrics.middleware';
export * from './metrics-access';
export * from './metrics.controller';
export * from './metrics-registry';
