export * from './search-text';
