import { DomainError, markup, ProblemDetails, RemoteProblemError, SafeHtml } from '@ic/platform';
import { RenderedPage, renderPage } from './html';

/**
 * The problem behind an error a page can explain to a person: one reported by a service, or one of
 * ours (unavailable, timeout). Anything else is a fault and goes to the global filter (logged).
 */
export function pageProblemOf(error: unknown): ProblemDetails {
  if (error instanceof RemoteProblemError) return error.problem;
  if (error instanceof DomainError) return error.toProblem();
  throw error;
}

const HEADINGS: readonly [(status: number) => boolean, string][] = [
  [(status) => status === 400 || status === 404, 'Dieser Link ist ungültig'],
  [(status) => status === 401, 'Mit diesem Link ist keine Anmeldung möglich'],
  [(status) => status === 409 || status === 410 || status === 422, 'Dieser Link gilt nicht mehr'],
  [(status) => status === 429, 'Zu viele Versuche'],
  [(status) => status >= 500, 'Der Dienst ist gerade nicht erreichbar'],
];

/** A page that says what went wrong in the service's own words, and what the person can do. */
export function renderProblemPage(problem: ProblemDetails, advice: SafeHtml): RenderedPage {
  const heading = HEADINGS.find(([applies]) => applies(problem.status))?.[1] ?? 'Das hat nicht geklappt';
  const retry = problem.status >= 500;
  return renderPage(
    heading,
    markup`<h1>${heading}</h1>
      <div class="problem" role="alert"><p>${problem.detail ?? problem.title}</p></div>
      ${retry ? markup`<p>Bitte versuchen Sie es in einigen Minuten erneut.</p>` : advice}
      ${problem.correlationId ? markup`<p class="note">Bei Rückfragen nennen Sie bitte diese Kennung: ${problem.correlationId}</p>` : false}`,
    problem.status,
  );
}

/** A link whose token cannot even be one of ours: no service is asked. */
export function malformedLinkProblem(): ProblemDetails {
  return {
    type: 'https://innovators-club.de/probleme/nicht-gefunden',
    title: 'Nicht gefunden',
    status: 404,
    detail:
      'Dieser Link ist unvollständig oder ungültig. Bitte öffnen Sie den Link direkt aus der E-Mail oder kopieren Sie ihn vollständig.',
  };
}
