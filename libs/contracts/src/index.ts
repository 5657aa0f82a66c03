export * from './events';
export * from './identity';
export * from './requests';
export * from './topics';
export * from './membership';
export * from './notifications';
