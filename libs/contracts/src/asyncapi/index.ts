export * from './asyncapi-types';
export * from './asyncapi-document';
export * from './json-schema-draft07';
export * from './stream-readers';
