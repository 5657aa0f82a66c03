import { BadRequestException, HttpException, HttpStatus } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** What express 5's router keeps of each route (the `router` package's Layer and Route). */
interface RouteLayer {
  match(path: string): boolean;
  route?: { path: string; methods: Record<string, boolean | undefined> };
}

interface RouteTable {
  readonly stack: readonly RouteLayer[];
}

/**
 * A path the API has, asked with a method it does not have (`DELETE /api/v1/status`), is answered
 * 405 with an `Allow` header, as HTTP asks; without this the not-found handler answered 404, which
 * tells a client the path does not exist. HEAD is allowed wherever GET is. Paths the API does not
 * have go on to the web app and the not-found handler as before. A path whose %-escapes do not
 * decode is a 400 in German here (the router's own message is English).
 */
export function installMethodNotAllowed(express: NestExpressApplication): void {
  // The routes are registered after this middleware (at init), so the table is read on first use.
  // @types/express leaves out the layers' match(), which the router package has.
  const router = () => (express.getHttpAdapter().getInstance() as unknown as { router: RouteTable }).router;
  express.use((request: Request, response: Response, next: NextFunction) => {
    let allowed: string[];
    try {
      allowed = allowedMethods(router().stack, request.path);
    } catch {
      // The router decodes path parameters; a broken escape (`%E0%A4%A`) throws there.
      return next(new BadRequestException('Der Pfad der Anfrage enthält eine ungültige %-Kodierung.'));
    }
    if (allowed.length === 0 || allowed.includes(request.method)) return next();
    response.setHeader('Allow', allowed.join(', '));
    next(
      new HttpException(
        `${request.path} kann nicht mit ${request.method} aufgerufen werden. Erlaubt: ${allowed.join(', ')}.`,
        HttpStatus.METHOD_NOT_ALLOWED,
      ),
    );
  });
}

/**
 * The methods of the routes that match the path; where a route names the path literally
 * (`/invitations/accept`), only those, not a route with a parameter that also matches
 * (`/invitations/:id`): the literal one is the resource the client means.
 */
function allowedMethods(layers: readonly RouteLayer[], path: string): string[] {
  const matching = layers.filter((layer) => layer.route && layer.match(path));
  const literal = matching.filter((layer) => !layer.route?.path.includes(':'));
  const methods = new Set<string>();
  for (const layer of literal.length > 0 ? literal : matching) {
    for (const [method, handled] of Object.entries(layer.route?.methods ?? {})) {
      if (handled && method !== '_all') methods.add(method.toUpperCase());
    }
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}
