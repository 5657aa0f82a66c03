import { createHash } from 'node:crypto';
import { markup, SafeHtml } from '@ic/platform';
import type { ContentSecurityPolicy } from '../http/security-headers';

const STYLE = `
:root { color-scheme: light; --accent: #00549f; --accent-dark: #003b70; --text: #1a1a1a; --muted: #4a4a4a; }
* { box-sizing: border-box; }
body { margin: 0; font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--text); background: #f4f6f8; }
header { background: var(--accent); color: #fff; padding: 1rem 1.5rem; }
header p { margin: 0; font-weight: 600; letter-spacing: .02em; }
main { max-width: 42rem; margin: 2rem auto; padding: 2rem 1.5rem; background: #fff; border-radius: .5rem; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
h1 { font-size: 1.6rem; line-height: 1.25; margin-top: 0; }
.note { color: var(--muted); font-size: .95rem; }
.problem { border-left: 4px solid #b00020; padding: .25rem 1rem; background: #fdf0f2; }
button { font: inherit; font-weight: 600; margin-top: .75rem; padding: .65rem 1.4rem; border-radius: .3rem; border: 2px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
button:hover { background: var(--accent-dark); border-color: var(--accent-dark); }
:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
a { color: var(--accent); }
footer { max-width: 42rem; margin: 0 auto 2rem; padding: 0 1.5rem; color: var(--muted); font-size: .9rem; }
`;

const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');
/** Built as a plain string, so that no formatter can change the content the hash covers. */
const STYLE_ELEMENT = new SafeHtml('<style>' + STYLE + '</style>');

/**
 * The policy of every page (installed with helmet by installSecurityHeaders): no scripts or outside
 * resources at all, only our own stylesheet by its hash, forms only to this origin, no framing.
 */
export const PAGE_CONTENT_SECURITY_POLICY: ContentSecurityPolicy = {
  'default-src': ["'none'"],
  'style-src': [`'sha256-${STYLE_HASH}'`],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
};

/** Headers of every page beside the security headers: no caching, not for search engines. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-robots-tag': 'noindex, nofollow',
};

/** A page to send: its HTTP status and the document. */
export interface RenderedPage {
  readonly status: number;
  readonly html: string;
}

/** The frame of every page: German, one main landmark, readable without any asset. */
export function renderPage(title: string, content: SafeHtml, status = 200): RenderedPage {
  const document = markup`<!doctype html>
    <html lang="de">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>${title} – Innovators Club</title>
        ${STYLE_ELEMENT}
      </head>
      <body>
        <header><p>Innovators Club des Deutschen Städte- und Gemeindebundes</p></header>
        <main>${content}</main>
        <footer><p>Innovators Club · Deutscher Städte- und Gemeindebund</p></footer>
      </body>
    </html> `;
  return { status, html: document.value };
}
