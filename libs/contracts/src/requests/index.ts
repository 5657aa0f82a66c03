export * from './request-pattern';
export * from './system';
export * from './reply-of';
