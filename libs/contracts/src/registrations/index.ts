export * from './registration';
export * from './registrations.dto';
export * from './registrations.events';
export * from './registrations.requests';
export * from './vocabulary';
