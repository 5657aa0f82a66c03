import type { StoredMessage } from './mail-store';

const STYLE = `
  body { font-family: system-ui, sans-serif; margin: 2rem; color: #1d2430; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #dde2ea; vertical-align: top; }
  tr:hover td { background: #f3f6fa; }
  a { color: #0b5cad; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; }
  dt { font-weight: 600; }
  iframe { width: 100%; height: 32rem; border: 1px solid #dde2ea; }
  pre { white-space: pre-wrap; background: #f6f8fa; padding: 1rem; }
  .hint { color: #5b6675; }
`;

export function inboxPage(messages: readonly StoredMessage[]): string {
  const rows = messages
    .map(
      (message) => `<tr>
        <td>${escapeHtml(formatTime(message.date))}</td>
        <td>${escapeHtml(message.from)}</td>
        <td>${escapeHtml(message.to.join(', '))}</td>
        <td><a href="/messages/${encodeURIComponent(message.id)}">${escapeHtml(message.subject || '(kein Betreff)')}</a></td>
      </tr>`,
    )
    .join('\n');
  const body =
    messages.length === 0
      ? '<p class="hint">Noch keine Nachrichten.</p>'
      : `<table><thead><tr><th>Empfangen</th><th>Von</th><th>An</th><th>Betreff</th></tr></thead><tbody>${rows}</tbody></table>`;
  return page('Posteingang', `<h1>Posteingang (${messages.length})</h1>${body}`);
}

export function messagePage(message: StoredMessage): string {
  const attachments =
    message.attachments.length === 0
      ? '<p class="hint">Keine Anhänge.</p>'
      : `<ul>${message.attachments
          .map(
            (attachment) =>
              `<li>${escapeHtml(attachment.filename ?? '(ohne Namen)')} – ${escapeHtml(attachment.contentType)}, ${attachment.size} Bytes</li>`,
          )
          .join('')}</ul>`;
  // An empty sandbox: the mail's HTML is shown but can run no script and reach nothing of this page.
  const html =
    message.html === null
      ? '<p class="hint">Keine HTML-Fassung.</p>'
      : `<iframe sandbox="" srcdoc="${escapeHtml(message.html)}" title="HTML-Fassung"></iframe>`;
  const details = `
    <p><a href="/">← Posteingang</a></p>
    <h1>${escapeHtml(message.subject || '(kein Betreff)')}</h1>
    <dl>
      <dt>Von</dt><dd>${escapeHtml(message.from)}</dd>
      <dt>An</dt><dd>${escapeHtml(message.to.join(', '))}</dd>
      <dt>Empfangen</dt><dd>${escapeHtml(formatTime(message.date))}</dd>
      <dt>Message-ID</dt><dd>${escapeHtml(message.messageId ?? '–')}${
        (message.deliveries ?? 1) > 1 ? ` (${message.deliveries}× zugestellt)` : ''
      }</dd>
    </dl>
    <h2>HTML-Fassung</h2>${html}
    <h2>Textfassung</h2>${message.text === null ? '<p class="hint">Keine Textfassung.</p>' : `<pre>${escapeHtml(message.text)}</pre>`}
    <h2>Anhänge</h2>${attachments}
    <p><a href="/api/messages/${encodeURIComponent(message.id)}">als JSON</a></p>`;
  return page(message.subject || 'Nachricht', details);
}

export function notFoundPage(): string {
  return page(
    'Nicht gefunden',
    '<p>Diese Nachricht gibt es nicht (mehr).</p><p><a href="/">← Posteingang</a></p>',
  );
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>${escapeHtml(title)} – Mail-Sink</title><style>${STYLE}</style></head>
<body>${body}</body></html>`;
}

function formatTime(iso: string): string {
  return new Date(iso).toLocaleString('de-DE', { timeZone: 'Europe/Berlin' });
}

function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
