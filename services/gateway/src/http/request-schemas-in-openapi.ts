import { requestSchemaOf, TSchema } from '@ic/contracts';
import { INestApplication } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { ApiProperty, OpenAPIObject } from '@nestjs/swagger';
import { nameReplySchema } from './api-replies';

interface ControllerMethod {
  readonly controller: object;
  readonly prototype: object;
  readonly method: string;
}

function controllerMethodsOf(app: INestApplication): ControllerMethod[] {
  const controllers = [...app.get(ModulesContainer).values()].flatMap((module) => [
    ...module.controllers.values(),
  ]);
  return controllers.flatMap(({ metatype }) => {
    const prototype = (metatype as { prototype?: object } | null)?.prototype;
    if (!metatype || !prototype) return [];
    return Object.getOwnPropertyNames(prototype).map((method) => ({
      controller: metatype,
      prototype,
      method,
    }));
  });
}

/** The classes a method takes, as TypeScript recorded them for Nest. */
const parameterTypesOf = ({ prototype, method }: ControllerMethod): unknown[] =>
  (Reflect.getMetadata('design:paramtypes', prototype, method) as unknown[] | undefined) ?? [];

/** The classes a method takes in `@Query()`. */
function queryTypesOf(method: ControllerMethod): unknown[] {
  const types = parameterTypesOf(method);
  const routeArguments =
    (Reflect.getMetadata(ROUTE_ARGS_METADATA, method.controller, method.method) as
      Record<string, { readonly index: number }> | undefined) ?? {};
  return Object.entries(routeArguments)
    .filter(([key]) => key.startsWith(`${RouteParamtypes.QUERY}:`))
    .map(([, { index }]) => types[index]);
}

const documentedQueries = new WeakSet<object>();

/**
 * A query class made from a schema (RequestBody) is documented as @nestjs/swagger documents every
 * query class, one parameter per property: this gives each property its schema's JSON keywords as
 * ApiProperty options, once per class, before the document is made. The options' `type`, bounds,
 * `enum` and `pattern` become the parameter's schema, its `description` the parameter's.
 */
export function documentRequestQueries(app: INestApplication): void {
  for (const type of new Set(controllerMethodsOf(app).flatMap(queryTypesOf))) {
    const schema = requestSchemaOf(type);
    if (!schema || documentedQueries.has(type as object)) continue;
    documentedQueries.add(type as object);
    const required = new Set((schema.required ?? []) as string[]);
    for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, TSchema>)) {
      // JSON keeps the keywords and leaves out what TypeBox keeps under symbols.
      const keywords = JSON.parse(JSON.stringify(property)) as Record<string, unknown>;
      ApiProperty({ ...keywords, required: required.has(name) })(
        (type as { prototype: object }).prototype,
        name,
      );
    }
  }
}

/**
 * The component of a request class made from a schema (RequestBody) is that schema, written like the
 * replies' schemas (addReplySchemas, which runs next): @nestjs/swagger reads class-validator classes'
 * decorators, finds none on such a class and leaves an empty object under its name, which this
 * removes. Such a schema is closed and states its own patterns.
 */
export function documentRequestSchemas(app: INestApplication, document: OpenAPIObject): void {
  const schemas = document.components?.schemas ?? {};
  for (const type of new Set(controllerMethodsOf(app).flatMap(parameterTypesOf))) {
    const schema = requestSchemaOf(type);
    const name = (type as { name: string }).name;
    if (!schema || !schemas[name]) continue;
    delete schemas[name];
    nameReplySchema(name, schema);
  }
}

/**
 * A body whose fields are all optional may be left out, and is then taken as `{}` (a change of
 * nothing, a leave without a note): its requestBody says `required: false`.
 */
export function documentOptionalBodies(document: OpenAPIObject): void {
  const schemas = document.components?.schemas ?? {};
  for (const body of requestBodiesOf(document)) {
    const reference = body.content?.['application/json']?.schema?.$ref;
    const schema = reference ? schemas[reference.split('/').at(-1) ?? ''] : undefined;
    if (schema && !('$ref' in schema) && (schema.required ?? []).length === 0) body.required = false;
  }
}

interface RequestBody {
  required?: boolean;
  content?: Record<string, { schema?: { $ref?: string } }>;
}

/** The request body of every operation that has one. */
function requestBodiesOf(document: OpenAPIObject): RequestBody[] {
  return Object.values(document.paths).flatMap((item) =>
    Object.values(item as Record<string, { requestBody?: RequestBody }>)
      .map((operation) => operation.requestBody)
      .filter((body): body is RequestBody => body !== undefined),
  );
}
