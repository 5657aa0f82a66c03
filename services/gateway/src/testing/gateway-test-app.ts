import {
  BrowserSessionResolution,
  MembershipRequests,
  RequestPattern,
  SessionActivity,
  SessionSecretHashesRequest,
  SessionsRequest,
} from '@ic/contracts';
import { RpcClient, SendOptions } from '@ic/messaging/client';
import { createValidationPipe, HealthModule, ProblemDetailsFilter } from '@ic/platform';
import { DynamicModule, Global, INestApplication, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '@ic/contracts';
import { SessionCheck } from '../auth/session-check.service';
import { GatewayApiModule } from '../gateway-api.module';
import { GatewayEnv } from '../gateway.env';
import { configureGatewayHttp } from '../openapi';

/** For specs: the gateway's HTTP API on a free port, with the services replaced by FakeRpcClient. */

export const TEST_JWT_SECRET = 'test-secret-of-the-gateway-specs-0123456789';
export const TEST_LINK_BASE_URL = 'https://portal.innovators-club.example';

export interface SentRequest {
  readonly pattern: string;
  readonly payload: unknown;
  readonly options: SendOptions;
}

type Answer = (payload: unknown, options: SendOptions) => unknown;

/** Stands in for the RpcClient: records every request and answers from a table of patterns. */
export class FakeRpcClient {
  readonly sent: SentRequest[] = [];
  private readonly answers = new Map<string, Answer>();

  /** The reply (or, by throwing, the error) of a pattern; a later answer of a pattern replaces the earlier one. */
  answer<TRequest, TReply>(
    pattern: RequestPattern<TRequest, TReply>,
    answer: (payload: TRequest, options: SendOptions) => TReply | Promise<TReply>,
  ): this {
    this.answers.set(pattern.name, answer as Answer);
    return this;
  }

  send<TRequest, TReply>(
    pattern: RequestPattern<TRequest, TReply>,
    payload: TRequest,
    options: SendOptions,
  ): Promise<TReply> {
    // As on the wire: the service gets the JSON of the payload.
    const onTheWire = JSON.parse(JSON.stringify(payload ?? {})) as TRequest;
    this.sent.push({ pattern: pattern.name, payload: onTheWire, options });
    const answer = this.answers.get(pattern.name);
    if (!answer) return Promise.reject(new Error(`FakeRpcClient: no answer for ${pattern.name}`));
    return Promise.resolve().then(() => answer(onTheWire, options) as TReply);
  }

  /** The requests of one pattern, without the session checks of the guard. */
  sentTo(pattern: RequestPattern<unknown, unknown>): SentRequest[] {
    return this.sent.filter((request) => request.pattern === pattern.name);
  }
}

/** The sessions of the tokens signTestToken signed, by id: the membership service's, for the specs. */
const signedSessions = new Map<string, SessionActivity>();

/** The membership service's answer about a token's session that counts: the one the token was signed for. */
export function activeSessionOfCaller(sessionId: string): SessionActivity {
  return signedSessions.get(sessionId) ?? { active: false };
}

/** Answers the gateway's question about many tokens' sessions with the spec's answer for each. */
export function eachSession(answer: (sessionId: string) => SessionActivity | Promise<SessionActivity>) {
  return async ({ sessionIds }: SessionsRequest) => ({
    sessions: await Promise.all(sessionIds.map(async (sessionId) => answer(sessionId))),
  });
}

export type ActiveBrowserSession = Extract<BrowserSessionResolution, { active: true }>;

/**
 * The membership service's answer about a cookie whose session counts: a member's, not renewed,
 * for 30 more days, unless the spec says otherwise.
 */
export function activeBrowserSession(session: Partial<ActiveBrowserSession> = {}): ActiveBrowserSession {
  return {
    active: true,
    renewed: false,
    sessionId: 'browser-session-1',
    subject: 'member-1',
    role: 'member',
    expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    ...session,
  };
}

/** Answers the gateway's question about many cookies' sessions with the spec's answer for each. */
export function eachBrowserSession(
  answer: (sessionSecretHash: string) => BrowserSessionResolution | Promise<BrowserSessionResolution>,
) {
  return async ({ sessionSecretHashes }: SessionSecretHashesRequest) => ({
    resolutions: await Promise.all(sessionSecretHashes.map(async (hash) => answer(hash))),
  });
}

export interface TestTokenClaims {
  readonly sub?: string;
  /** A Role, or anything else to test refusal. */
  readonly role?: string;
  readonly sid?: string;
  /** The operations role on top of a staff account. */
  readonly ops?: boolean;
}

export interface TestTokenOptions {
  readonly secret?: string;
  readonly expiresInSeconds?: number;
  readonly issuer?: string;
  readonly audience?: string;
  readonly algorithm?: 'HS256' | 'HS384' | 'HS512';
}

/** An access token as the membership service signs it, or deliberately wrong in one respect. */
export function signTestToken(claims: TestTokenClaims = {}, options: TestTokenOptions = {}): string {
  const signed = { sub: randomUUID(), role: 'member', sid: randomUUID(), ...claims };
  signedSessions.set(signed.sid, {
    active: true,
    subject: signed.sub,
    role: signed.role as Extract<SessionActivity, { active: true }>['role'],
    ...(signed.ops ? { operations: true } : {}),
  });
  return new JwtService().sign(signed, {
    secret: options.secret ?? TEST_JWT_SECRET,
    algorithm: options.algorithm ?? 'HS256',
    expiresIn: options.expiresInSeconds ?? 900,
    issuer: options.issuer ?? ACCESS_TOKEN_ISSUER,
    audience: options.audience ?? ACCESS_TOKEN_AUDIENCE,
  });
}

export interface TestRequest {
  readonly method?: string;
  readonly token?: string;
  /** Sent as JSON unless it is a string or bytes (then as it is, with the given content-type). */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export interface TestResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body parsed as JSON (undefined for HTML pages and empty bodies). */
  readonly json: unknown;
}

export interface GatewayTestApp {
  readonly app: INestApplication;
  readonly rpc: FakeRpcClient;
  /** Base URL, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  request(path: string, request?: TestRequest): Promise<TestResponse>;
  close(): Promise<void>;
}

async function sendRequest(url: string, request: TestRequest): Promise<TestResponse> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  let body: string | Uint8Array | undefined;
  if (typeof request.body === 'string' || request.body instanceof Uint8Array) body = request.body;
  else if (request.body !== undefined) {
    body = JSON.stringify(request.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(url, { method: request.method ?? 'GET', headers, body, redirect: 'manual' });
  const text = await response.text();
  const isJson = /json/.test(response.headers.get('content-type') ?? '') && text.length > 0;
  const json: unknown = isJson ? JSON.parse(text) : undefined;
  return { status: response.status, headers: response.headers, text, json };
}

@Global()
@Module({})
class FakeRpcModule {
  static with(rpc: FakeRpcClient): DynamicModule {
    return {
      module: FakeRpcModule,
      providers: [{ provide: RpcClient, useValue: rpc }],
      exports: [RpcClient],
    };
  }
}

/**
 * Builds the app as bootstrapService does (filter, validation, body parsers, prefix, OpenAPI). Every
 * token's session is active (activeSessionOfCaller) unless a spec answers sessionsActive otherwise.
 */
export async function startGatewayTestApp(env: Record<string, unknown> = {}): Promise<GatewayTestApp> {
  const rpc = new FakeRpcClient().answer(
    MembershipRequests.sessionsActive,
    eachSession(activeSessionOfCaller),
  );
  const defaults = new GatewayEnv();
  @Module({
    imports: [
      ConfigModule.forRoot({
        isGlobal: true,
        ignoreEnvFile: true,
        load: [
          () => ({
            JWT_SECRET: TEST_JWT_SECRET,
            // The abuse limits as configured by default.
            SIGN_IN_LINK_REQUESTS_PER_IP: defaults.SIGN_IN_LINK_REQUESTS_PER_IP,
            SIGN_IN_LINK_REQUESTS_OVERALL: defaults.SIGN_IN_LINK_REQUESTS_OVERALL,
            SIGN_IN_LINK_WINDOW_SECONDS: defaults.SIGN_IN_LINK_WINDOW_SECONDS,
            STAFF_SIGN_IN_FAILURES_PER_IP: defaults.STAFF_SIGN_IN_FAILURES_PER_IP,
            STAFF_SIGN_IN_WINDOW_SECONDS: defaults.STAFF_SIGN_IN_WINDOW_SECONDS,
            LINK_BASE_URL: TEST_LINK_BASE_URL,
            SEAT_REQUEST_TIMEOUT_MS: 30000,
            ...env,
          }),
        ],
      }),
      FakeRpcModule.with(rpc),
      HealthModule,
      GatewayApiModule,
    ],
  })
  class GatewayTestModule {}

  const app = await NestFactory.create(GatewayTestModule, { logger: false, bodyParser: true });
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  configureGatewayHttp(app);
  // As in a gateway whose SessionEvents consumer runs: answers about sessions are remembered.
  app.get(SessionCheck).followingSessionEvents(true);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    rpc,
    url,
    request: (path, request = {}) => sendRequest(`${url}${path}`, request),
    close: () => app.close(),
  };
}

/** The distinct fields a 400 problem names, in order. */
export function fieldsOf(problem: unknown): string[] {
  const errors = (problem as { errors?: { field: string }[] } | undefined)?.errors ?? [];
  return [...new Set(errors.map((error) => error.field))];
}
