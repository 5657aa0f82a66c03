export * from './request-pattern';
export * from './system';
