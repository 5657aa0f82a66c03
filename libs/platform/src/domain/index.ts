export * from './aggregate';
export * from './caller';
export * from './clock';
export * from './compact';
