export * from './member-profile';
export * from './membership.dto';
export * from './membership.events';
export * from './membership.requests';
export * from './portal-path';
export * from './vocabulary';
export * from './letter-salutation';
