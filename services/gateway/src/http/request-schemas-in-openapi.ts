import { requestSchemaOf } from '@ic/contracts';
import { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { nameReplySchema } from './api-replies';

/** The classes the controllers' methods take, as TypeScript recorded them for Nest. */
function parameterTypesOf(app: INestApplication): unknown[] {
  const controllers = [...app.get(ModulesContainer).values()].flatMap((module) => [
    ...module.controllers.values(),
  ]);
  return controllers.flatMap(({ metatype }) => {
    const prototype = (metatype as { prototype?: object } | null)?.prototype;
    if (!prototype) return [];
    return Object.getOwnPropertyNames(prototype).flatMap(
      (method) =>
        (Reflect.getMetadata('design:paramtypes', prototype, method) as unknown[] | undefined) ?? [],
    );
  });
}

/**
 * The component of a request class made from a schema (RequestBody) is that schema, written like the
 * replies' schemas (addReplySchemas, which runs next): @nestjs/swagger reads class-validator classes'
 * decorators, finds none on such a class and leaves an empty object under its name, which this
 * removes. Such a schema is closed and states its own patterns, so validation-in-openapi.ts has
 * nothing to add to it.
 */
export function documentRequestSchemas(app: INestApplication, document: OpenAPIObject): void {
  const schemas = document.components?.schemas ?? {};
  for (const type of new Set(parameterTypesOf(app))) {
    const schema = requestSchemaOf(type);
    const name = (type as { name: string }).name;
    if (!schema || !schemas[name]) continue;
    delete schemas[name];
    nameReplySchema(name, schema);
  }
}
