export * from './config';
export * from './errors';
export * from './health';
export * from './http';
export * from './logging';
export * from './runtime';
export * from './service-core.module';
export * from './security';
