export * from './service-env';
export * from './validate-config';
