export * from './analytics.dto';
export * from './analytics.requests';
export * from './vocabulary';
