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
  /** Carries the types only; never set at run time. */
  readonly types?: { request: TRequest; reply: TReply };
}

export function defineRequest<TRequest, TReply>(
  service: RequestHandlingService,
  action: string,
): RequestPattern<TRequest, TReply> {
  return { service, name: `${service}.${action}`, topic: requestTopicOf(service) };
}
