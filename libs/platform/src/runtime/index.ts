export * from './service-runtime';
export * from './repeating-pass';
