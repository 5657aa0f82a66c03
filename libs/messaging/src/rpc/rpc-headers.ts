import { CallerIdentity, Roles, RPC_HEADERS } from '@ic/contracts';
import { activeTraceContext } from '@ic/platform';
import { IHeaders } from 'kafkajs';
import { headerText } from '../cloud-event';

export { RPC_HEADERS };

const REPLY_TOPIC_PATTERN = /^ic\.[a-z-]+\.replies$/;

export type ReplyOutcome = 'ok' | 'error';

export interface RequestEnvelope {
  readonly pattern: string;
  readonly correlationId: string;
  readonly replyTopic: string;
  readonly identity: CallerIdentity;
  readonly idempotencyKey?: string;
  readonly deadline: number;
  /** The caller's trace (W3C Trace Context), when tracing is on. */
  readonly traceparent?: string;
  readonly tracestate?: string;
}

export class MalformedRequestError extends Error {}

export function readRequestEnvelope(headers: IHeaders | undefined): RequestEnvelope {
  const required = (name: string): string => {
    const value = headerText(headers, name);
    if (!value) throw new MalformedRequestError(`missing header ${name}`);
    return value;
  };
  const deadline = Number(required(RPC_HEADERS.deadline));
  if (!Number.isFinite(deadline)) throw new MalformedRequestError('ic_deadline is not a number');
  const replyTopic = required(RPC_HEADERS.replyTopic);
  // Replies may only go to reply topics, never into a domain topic.
  if (!REPLY_TOPIC_PATTERN.test(replyTopic))
    throw new MalformedRequestError(`ic_reply_topic ${replyTopic} is not a reply topic`);
  const idempotencyKey = headerText(headers, RPC_HEADERS.idempotencyKey);
  const traceparent = headerText(headers, RPC_HEADERS.traceparent);
  const tracestate = headerText(headers, RPC_HEADERS.tracestate);
  return {
    pattern: required(RPC_HEADERS.pattern),
    correlationId: required(RPC_HEADERS.correlationId),
    replyTopic,
    identity: parseIdentity(required(RPC_HEADERS.identity)),
    deadline,
    ...(idempotencyKey ? { idempotencyKey } : {}),
    ...(traceparent ? { traceparent } : {}),
    ...(tracestate ? { tracestate } : {}),
  };
}

/** The active trace as request or reply headers (none when tracing is off). */
export function traceHeaders(): Record<string, string> {
  const trace = activeTraceContext();
  if (!trace) return {};
  return {
    [RPC_HEADERS.traceparent]: trace.traceparent,
    ...(trace.tracestate ? { [RPC_HEADERS.tracestate]: trace.tracestate } : {}),
  };
}

function parseIdentity(text: string): CallerIdentity {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new MalformedRequestError('ic_identity is not JSON');
  }
  const candidate = parsed as { subject?: unknown; roles?: unknown; sessionId?: unknown };
  const rolesValid =
    Array.isArray(candidate.roles) &&
    candidate.roles.every(
      (role: unknown) => typeof role === 'string' && (Roles as readonly string[]).includes(role),
    );
  if (typeof candidate.subject !== 'string' || !candidate.subject || !rolesValid) {
    throw new MalformedRequestError('ic_identity must have a subject and known roles');
  }
  if (candidate.sessionId !== undefined && typeof candidate.sessionId !== 'string') {
    throw new MalformedRequestError('ic_identity sessionId must be a string');
  }
  return {
    subject: candidate.subject,
    roles: candidate.roles as CallerIdentity['roles'],
    ...(candidate.sessionId ? { sessionId: candidate.sessionId } : {}),
  };
}
