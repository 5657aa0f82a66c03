import { requestSchemaOf, TSchema } from '@ic/contracts';
import { applyDecorators, INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { nameReplySchema } from './api-replies';

/** The parts of request schemas that the document shows as component schemas of their own, by name. */
const requestParts = new Map<string, TSchema>();

/**
 * Names parts of the request schemas (a municipality) that the document shows as components of their
 * own, so that each request refers to the part (`$ref`) as the class-validator classes did.
 */
export function ApiRequestParts(parts: Record<string, TSchema>): ClassDecorator {
  for (const [name, schema] of Object.entries(parts)) {
    nameReplySchema(name, schema);
    requestParts.set(name, schema);
  }
  return applyDecorators();
}

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
  // A class-validator request not yet moved may name a part's class too (registrations' municipality):
  // the part's schema is its component, equal keyword for keyword.
  for (const name of requestParts.keys()) delete schemas[name];
}
