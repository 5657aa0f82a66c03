import { randomUUID } from 'node:crypto';
import { e2eSecrets } from './e2e-platform';
import { eventually, sleep } from './eventually';
import { MailLink, MailSink, SinkMessage } from './mail-sink';

export type { MailLink, SinkMessage } from './mail-sink';

/**
 * A web client and a person with a mailbox, as the end-to-end tests drive the platform: calls
 * through the gateway, mail read back from the SMTP sink, and the way to a signed-in member
 * (appointment, the link in the invitation mail, a sign-in link). It throws plain errors instead of
 * using a test runner's `expect`, so that jest, Playwright and the bench can all use it.
 */

export interface ApiResponse<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
  readonly text: string;
}

export interface Problem {
  status: number;
  title: string;
  detail?: string;
  errors?: { field: string; message: string }[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface CallOptions {
  readonly token?: string;
  /** Sent as JSON unless it is a string, FormData or bytes (then as it is). */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Sent as an HTML form (application/x-www-form-urlencoded). */
  readonly form?: Record<string, string>;
}

export interface SignedInMember {
  readonly id: string;
  readonly email: string;
  readonly token: string;
}

interface AccessToken {
  accessToken: string;
  role: string;
  subject: string;
}

/** The pages behind the e-mail links live outside the API. */
const PAGE_PREFIXES = ['/einladung/', '/anmelden/', '/abmelden/'];

export class E2eClient {
  readonly mail: MailSink;

  constructor(
    readonly gatewayUrl: string,
    mailSinkUrl?: string,
  ) {
    this.mail = new MailSink(mailSinkUrl);
  }

  get apiUrl(): string {
    return `${this.gatewayUrl}/api/v1`;
  }

  /** `path` below /api/v1, or a page path like `/einladung/<token>`. */
  async call<T = unknown>(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | FormData | Uint8Array | undefined;
    if (options.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(options.form).toString();
    } else if (
      typeof options.body === 'string' ||
      options.body instanceof FormData ||
      options.body instanceof Uint8Array
    ) {
      body = options.body;
    } else if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(options.body);
    }
    const isPage = PAGE_PREFIXES.some((prefix) => path.startsWith(prefix));
    const response = await fetch(`${isPage ? this.gatewayUrl : this.apiUrl}${path}`, {
      method,
      headers,
      body,
    });
    const text = await response.text();
    const isJson = /json/.test(response.headers.get('content-type') ?? '') && text.length > 0;
    return {
      status: response.status,
      headers: response.headers,
      body: (isJson ? JSON.parse(text) : undefined) as T,
      text,
    };
  }

  /**
   * Signs in with one of this run's staff accounts and returns the access token; a timeout (504: the
   * password hash takes long on a busy machine just after the start) is retried with the same key.
   */
  async staffLogin(index: number): Promise<string> {
    const account = e2eSecrets.staff[index];
    if (!account) throw new Error(`no staff account ${index} in e2eSecrets`);
    const response = await this.callRetrying<AccessToken>('POST', '/auth/staff/login', {
      body: { email: account.email, password: account.password },
    });
    if (response.status !== 200 || response.body.role !== 'staff')
      throw new Error(`staff login of ${account.email}: ${response.status} ${response.text}`);
    return response.body.accessToken;
  }

  mailsTo(recipient: string): Promise<SinkMessage[]> {
    return this.mail.mailsTo(recipient);
  }

  /** Waits for the first mail to the address with a link to `/<path>/<token>` (see MailSink.linkFromMail). */
  linkFromMail(recipient: string, path: 'einladung' | 'anmelden', notToken?: string): Promise<MailLink> {
    return this.mail.linkFromMail(recipient, path, notToken);
  }

  /**
   * Sends a request like a client that retries a timeout (504) with the same Idempotency-Key: with
   * hundreds of members set up at once, two shared cores answer some requests too late.
   */
  async callRetrying<T = unknown>(
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<ApiResponse<T>> {
    const key = randomUUID();
    for (let attempt = 1; ; attempt++) {
      const response = await this.call<T>(method, path, {
        ...options,
        headers: { ...options.headers, 'Idempotency-Key': key },
      });
      if (response.status !== 504) return response;
      // Backing off, as a polite client does: retrying at once only adds to the load that timed out.
      await sleep(Math.min(attempt, 5) * 500);
    }
  }

  /**
   * Creates an event as the office (`kind` is the path below /events: lounges, forums, circles),
   * announces it (each retried on a timeout, as callRetrying) and waits until it has `status` both at the events service and in the
   * registrations service's own replica, which decides registrations and fills a moment later on a
   * busy machine. Returns the event as the events service shows it. Throws plain errors, so that
   * the benchmark can use it outside jest.
   */
  async publishEvent<T extends { eventId: string; status: string }>(
    staffToken: string,
    kind: 'lounges' | 'forums' | 'circles',
    body: object,
    status: string,
  ): Promise<T> {
    const created = await this.callRetrying<T>('POST', `/events/${kind}`, { token: staffToken, body });
    if (created.status !== 201) throw new Error(`creating the event: ${created.status} ${created.text}`);
    const { eventId } = created.body;
    const announced = await this.callRetrying('POST', `/events/${eventId}/announce`, { token: staffToken });
    if (announced.status !== 200)
      throw new Error(`announcing the event: ${announced.status} ${announced.text}`);
    const statusAt = async <B>(path: string, statusOf: (body: B) => string): Promise<B> => {
      const response = await this.call<B>('GET', path, { token: staffToken });
      const actual = response.status === 200 ? statusOf(response.body) : `HTTP ${response.status}`;
      if (actual !== status) throw new Error(`${path}: ${actual}, waiting for ${status}`);
      return response.body;
    };
    const published = await eventually(
      () => statusAt(`/events/${eventId}`, (event: T) => event.status),
      60_000,
      250,
    );
    await eventually(
      () =>
        statusAt(
          `/events/${eventId}/registration-stats`,
          (stats: { eventStatus: string }) => stats.eventStatus,
        ),
      60_000,
      250,
    );
    return published;
  }

  /**
   * A new active, signed-in member, the way a person becomes one: the office appoints them
   * (`invitation` is the body of POST /invitations), they accept with the link from the invitation
   * mail and sign in with the link from a sign-in mail.
   */
  async newMember(staffToken: string, invitation: { email: string } & Record<string, unknown>) {
    const invited = await this.callRetrying<{ id: string }>('POST', '/invitations', {
      token: staffToken,
      body: invitation,
    });
    if (invited.status !== 201)
      throw new Error(`inviting ${invitation.email}: ${invited.status} ${invited.text}`);
    const { token: invitationToken } = await this.linkFromMail(invitation.email, 'einladung');
    const accepted = await this.callRetrying<{ memberId: string }>('POST', '/invitations/accept', {
      body: { token: invitationToken },
    });
    if (accepted.status !== 200)
      throw new Error(`accepting the invitation of ${invitation.email}: ${accepted.status} ${accepted.text}`);
    const asked = await this.callRetrying('POST', '/auth/sign-in-links', {
      body: { email: invitation.email },
    });
    if (asked.status !== 202)
      throw new Error(`asking for a sign-in link for ${invitation.email}: ${asked.status} ${asked.text}`);
    const { token: signInToken } = await this.linkFromMail(invitation.email, 'anmelden');
    const redeemed = await this.callRetrying<AccessToken>('POST', '/auth/sign-in-links/redeem', {
      body: { token: signInToken },
    });
    if (redeemed.status !== 200)
      throw new Error(
        `redeeming the sign-in link of ${invitation.email}: ${redeemed.status} ${redeemed.text}`,
      );
    const member: SignedInMember = {
      id: accepted.body.memberId,
      email: invitation.email,
      token: redeemed.body.accessToken,
    };
    return member;
  }
}

/** The distinct fields a 400 or 422 problem names, in order. */
export function fieldsOf(problem: unknown): string[] {
  return [...new Set(((problem as Problem | undefined)?.errors ?? []).map((error) => error.field))];
}
