import { QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import { rememberCsrfToken } from '../api/client';
import { createQueryClient } from '../app/App';
import { routes } from '../app/router';

/** One answer of the fake gateway: status and JSON body (problem+json when status ≥ 400). */
export interface FakeAnswer {
  readonly status?: number;
  readonly body?: unknown;
}

export type FakeRoute = (request: Request, url: URL) => FakeAnswer | Promise<FakeAnswer>;

/** What the page sent, for assertions: method, path with query, JSON body, headers. */
export interface SentRequest {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
  readonly headers: Headers;
}

/**
 * Stands in for the gateway in component tests: `'GET /api/v1/events'` → answer. A request
 * without an answer fails the test with its method and path. Returns the requests sent.
 */
export function fakeGateway(routesByRequest: Record<string, FakeRoute | FakeAnswer>): SentRequest[] {
  const sent: SentRequest[] = [];
  rememberCsrfToken(undefined);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: Request | string | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(input, init);
      const url = new URL(request.url);
      const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
      sent.push({
        method: request.method,
        path: `${url.pathname}${url.search}`,
        // A multipart upload stays text (its parts can be read from it); everything else is JSON.
        body: text ? (isJson(request) ? (JSON.parse(text) as unknown) : text) : undefined,
        headers: request.headers,
      });
      const route = routesByRequest[`${request.method} ${url.pathname}`];
      if (!route) throw new Error(`No fake answer for ${request.method} ${url.pathname}`);
      const answer = typeof route === 'function' ? await route(request, url) : route;
      const status = answer.status ?? 200;
      if (status === 204) return new Response(null, { status });
      return new Response(JSON.stringify(answer.body ?? {}), {
        status,
        headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
      });
    }),
  );
  return sent;
}

function isJson(request: Request): boolean {
  return !request.headers.get('content-type')?.startsWith('multipart/form-data');
}

/** A signed-in member's session answer, for `GET /api/v1/auth/session`. */
export const memberSession: FakeAnswer = {
  body: {
    signedIn: true,
    role: 'member',
    operations: false,
    subject: 'mem_1',
    expiresAt: '2027-01-05T10:00:00.000Z',
    csrfToken: 'csrf-of-the-test',
  },
};

/** A signed-in office session (the console), for `GET /api/v1/auth/session`. */
export const staffSession: FakeAnswer = {
  body: {
    signedIn: true,
    role: 'staff',
    operations: false,
    subject: 'staff_1',
    expiresAt: '2027-01-05T18:00:00.000Z',
    csrfToken: 'csrf-of-the-test',
  },
};

/** An office session that also runs the platform (the „Betrieb“ page). */
export const operationsSession: FakeAnswer = {
  body: { ...(staffSession.body as object), operations: true },
};

export const noSession: FakeAnswer = { body: { signedIn: false } };

/** Renders the whole app (layout, routes, providers) at a path, as the browser would open it. */
export function renderPage(path: string): RenderResult & { router: ReturnType<typeof createMemoryRouter> } {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = createQueryClient();
  // A refused request shows its error at once in a test.
  queryClient.setDefaultOptions({ queries: { retry: false, refetchOnWindowFocus: false } });
  const result = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...result, router };
}
