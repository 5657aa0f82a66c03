export * from './berlin-time';
