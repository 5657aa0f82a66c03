export * from './dead-letters.contracts';
