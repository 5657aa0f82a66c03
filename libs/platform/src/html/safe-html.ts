/**
 * HTML that is already safe to insert: built by `markup` from escaped values, or a literal of ours.
 * Shared by the gateway's link pages and the notifications' mails, so that both escape the same way.
 */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

/** What a template may interpolate; undefined, null and false render as nothing. */
export type HtmlValue = string | number | SafeHtml | readonly SafeHtml[] | undefined | null | false;

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

function render(value: HtmlValue): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((part: SafeHtml) => part.value).join('');
  return escapeHtml(String(value));
}

/**
 * Tagged template for HTML: markup`<p>${name}</p>` escapes `name`, so a template cannot forget to
 * escape a value from a request or a service. (Not called `html` on purpose: Prettier would
 * reformat the markup as embedded HTML.)
 */
export function markup(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let result = strings[0] ?? '';
  values.forEach((value, index) => {
    result += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(result);
}
