export * from './notifications.contracts';
