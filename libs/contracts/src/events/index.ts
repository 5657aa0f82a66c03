export * from './event-contract';
export * from './catalog';
