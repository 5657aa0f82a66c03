export * from './notifications.contracts';
export * from './event-audience.contracts';
export * from './invitation-mail-preview.contracts';
export * from './delivery-reply';
