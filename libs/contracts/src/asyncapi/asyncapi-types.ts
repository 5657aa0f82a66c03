import { JsonSchema } from '../schema';

export const ASYNCAPI_VERSION = '3.0.0';

export interface AsyncApiMessage {
  readonly name: string;
  readonly title: string;
  readonly summary: string;
  readonly contentType: string;
  readonly headers: JsonSchema;
  readonly payload: { readonly schemaFormat: string; readonly schema: JsonSchema };
  readonly correlationId?: { readonly description: string; readonly location: string };
  readonly bindings: { readonly kafka: Readonly<Record<string, unknown>> };
  readonly examples?: readonly {
    readonly name: string;
    readonly summary: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly payload: unknown;
  }[];
}

export interface AsyncApiChannel {
  readonly address: string;
  readonly title: string;
  readonly description: string;
  readonly messages: Readonly<Record<string, { readonly $ref: string }>>;
  readonly bindings: { readonly kafka: Readonly<Record<string, unknown>> };
}

export interface AsyncApiOperation {
  readonly action: 'send' | 'receive';
  readonly channel: { readonly $ref: string };
  readonly title: string;
  readonly summary: string;
  readonly messages: readonly { readonly $ref: string }[];
  readonly reply?: Readonly<Record<string, unknown>>;
}

/** The AsyncAPI 3.0 document of the platform's Kafka topics. */
export interface AsyncApiDocument {
  readonly asyncapi: typeof ASYNCAPI_VERSION;
  readonly id: string;
  readonly info: Readonly<Record<string, unknown>>;
  readonly defaultContentType: string;
  readonly servers: Readonly<Record<string, unknown>>;
  readonly channels: Readonly<Record<string, AsyncApiChannel>>;
  readonly operations: Readonly<Record<string, AsyncApiOperation>>;
  readonly components: { readonly messages: Readonly<Record<string, AsyncApiMessage>> };
}
