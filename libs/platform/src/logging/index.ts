export * from './platform.logger';
export * from './log-context';
