export * from './notifications.contracts';
export * from './event-audience.contracts';
