export * from './service-runtime';
export * from './repeating-pass';
export * from './periodic-worker';
export * from './start-up-garbage';
