export * from './domain-errors';
export * from './problem-details';
export * from './to-problem';
export * from './describe-error';
