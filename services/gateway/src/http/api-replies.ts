import { TSchema } from '@ic/contracts';
import { applyDecorators } from '@nestjs/common';
import { ApiResponse, ApiResponseOptions, OpenAPIObject } from '@nestjs/swagger';

type Json = Record<string, unknown>;

/**
 * The answers' schemas (TypeBox, from libs/contracts) by their name among the OpenAPI document's
 * component schemas; filled by the decorators below as the controllers load.
 */
const replySchemas = new Map<string, TSchema>();

export function nameReplySchema(name: string, schema: TSchema): void {
  const named = replySchemas.get(name);
  if (named && JSON.stringify(named) !== JSON.stringify(schema))
    throw new Error(`Two different reply schemas are named ${name}`);
  replySchemas.set(name, schema);
}

/** A reference to the reply schema of this name, for an answer that is one of several. */
export const componentRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The answer of one status: a component schema of this name, or a list of them. */
export function ApiReply(
  status: number,
  name: string,
  schema: TSchema,
  options: Pick<ApiResponseOptions, 'description' | 'headers'> & { isArray?: boolean } = {},
): MethodDecorator & ClassDecorator {
  nameReplySchema(name, schema);
  const ref = componentRef(name);
  return ApiResponse({
    status,
    description: options.description,
    headers: options.headers,
    schema: options.isArray ? { type: 'array', items: ref } : ref,
  });
}

/**
 * Names the parts of answers and requests (a municipality, a venue) that the document shows as
 * component schemas of their own, so that each refers to the part (`$ref`), as the classes did.
 */
export function ApiSchemaParts(parts: Record<string, TSchema>): ClassDecorator {
  for (const [name, schema] of Object.entries(parts)) nameReplySchema(name, schema);
  return applyDecorators();
}

/**
 * Writes the reply schemas into the document's component schemas in OpenAPI 3.0: a part that is a
 * named schema itself becomes a `$ref` to it, a union with null `nullable: true` (an enum then lists
 * null too), a `const` a one-word enum, and an enum states its type.
 */
export function addReplySchemas(document: OpenAPIObject): void {
  const namesByShape = new Map<string, string>();
  for (const [name, schema] of replySchemas) {
    const shape = JSON.stringify(schema);
    const named = namesByShape.get(shape);
    // A part is found by its shape; two names for one shape would make its $ref a guess.
    if (named) throw new Error(`The reply schemas ${named} and ${name} have the same shape`);
    namesByShape.set(shape, name);
  }
  const schemas = (document.components ??= {}).schemas ?? {};
  document.components.schemas = schemas;
  for (const [name, schema] of replySchemas) {
    if (schemas[name]) throw new Error(`The OpenAPI document has a schema ${name} already`);
    schemas[name] = openApiSchema(JSON.parse(JSON.stringify(schema)) as Json, namesByShape, true);
  }
}

function openApiSchema(node: Json, namesByShape: ReadonlyMap<string, string>, isComponent = false): Json {
  const { description, ...shape } = node;
  const name = isComponent ? undefined : namesByShape.get(JSON.stringify(shape));
  if (name)
    return description === undefined ? componentRef(name) : { description, allOf: [componentRef(name)] };
  const anyOf = node.anyOf as Json[] | undefined;
  const nonNull = anyOf?.filter((variant) => variant.type !== 'null');
  if (anyOf && nonNull?.length === 1 && nonNull.length < anyOf.length) {
    const outer = Object.fromEntries(Object.entries(node).filter(([key]) => key !== 'anyOf'));
    const value = openApiSchema(nonNull[0], namesByShape);
    // OpenAPI 3.0 checks an enum before nullable: null is among its values, or a null is refused. It
    // takes `nullable` only beside a `type`, so a named part keeps its type beside the $ref.
    const values = value.enum as unknown[] | undefined;
    const named =
      '$ref' in value
        ? { type: nonNull[0].type, allOf: [value] }
        : values
          ? { ...value, enum: [...values, null] }
          : value;
    return { ...named, ...outer, nullable: true };
  }
  const converted: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$schema' || key === '$id') continue;
    if (key === 'const') converted.enum = [value];
    else if (key === 'enum' && node.type === undefined) {
      converted.type = typeof (value as unknown[])[0];
      converted.enum = value;
    } else if (key === 'properties')
      converted.properties = Object.fromEntries(
        Object.entries(value as Record<string, Json>).map(([property, schema]) => [
          property,
          openApiSchema(schema, namesByShape),
        ]),
      );
    else if (key === 'patternProperties') {
      // A record (`Type.Record`); OpenAPI 3.0 has only additionalProperties for it.
      const [entries, ...others] = Object.values(value as Record<string, Json>);
      if (others.length > 0) throw new Error('OpenAPI 3.0 has no form for several patternProperties');
      converted.additionalProperties = openApiSchema(entries, namesByShape);
    } else if (key === 'items') converted.items = openApiSchema(value as Json, namesByShape);
    else if (key === 'anyOf' || key === 'oneOf' || key === 'allOf')
      converted[key] = (value as Json[]).map((variant) => openApiSchema(variant, namesByShape));
    else converted[key] = value;
  }
  return converted;
}
