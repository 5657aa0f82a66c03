export * from './correlation';
export * from './correlation.middleware';
export * from './problem-details.filter';
export * from './validation';
export * from './schema-validation';
export * from './json-entries';
