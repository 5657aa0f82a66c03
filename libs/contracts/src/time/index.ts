export * from './berlin-time';
export * from './german-time';
