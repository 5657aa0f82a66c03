export * from './link-tokens';
export * from './passwords';
export * from './secret-box';
export * from './unsubscribe-tokens';
export * from './person-contacts';
