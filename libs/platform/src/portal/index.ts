export * from './portal-links';
