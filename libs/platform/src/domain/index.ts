export * from './aggregate-root';
export * from './caller';
export * from './clock';
export * from './compact';
