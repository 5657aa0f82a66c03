import { RequestHandlingService, requestTopicOf } from '../topics';

/**
 * A request the gateway sends to a service and the reply it gets, typed on both sides.
 * The pattern string is written once, here; handlers use `pattern.name`.
 */
export interface RequestPattern<TRequest, TReply> {
  readonly service: RequestHandlingService;
  readonly name: string;
  /** The service's request topic. */
  readonly topic: string;
  /** How long the gateway waits for the reply, when longer than its usual (slow on purpose, e.g. a password check). */
  readonly timeoutMs?: number;
  /** Carries the types only; never set at run time. */
  readonly types?: { request: TRequest; reply: TReply };
}

/** Every pattern defined, so that the AsyncAPI document lists them without a second list to keep. */
const definedPatterns = new Map<string, RequestPattern<unknown, unknown>>();

export function defineRequest<TRequest, TReply>(
  service: RequestHandlingService,
  action: string,
  options: { readonly timeoutMs?: number } = {},
): RequestPattern<TRequest, TReply> {
  const pattern = { service, name: `${service}.${action}`, topic: requestTopicOf(service), ...options };
  if (definedPatterns.has(pattern.name)) throw new Error(`Request pattern ${pattern.name} is defined twice`);
  definedPatterns.set(pattern.name, pattern);
  return pattern;
}

/** The request patterns defined so far: all of them once the contracts are loaded through their index. */
export function definedRequestPatterns(): RequestPattern<unknown, unknown>[] {
  return [...definedPatterns.values()];
}
