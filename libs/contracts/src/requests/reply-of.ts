import { RequestPattern } from './request-pattern';

/** The reply type of a request pattern, so that each handler answers exactly what the contract says. */
export type ReplyOf<P> = P extends RequestPattern<unknown, infer Reply> ? Reply : never;
