/**
 * HTML that is already safe to insert. The `markup` tag below escapes every interpolated string
 * and passes only SafeHtml through, so a template cannot forget to escape a value. (The tag is not
 * called `html` on purpose: Prettier would reformat the mail's markup as embedded HTML.)
 */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

export type HtmlValue = string | number | SafeHtml | readonly SafeHtml[];

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
  if (value instanceof SafeHtml) return value.value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return escapeHtml(value);
  return value.map((part) => part.value).join('');
}

/** Tagged template for HTML: markup`<p>${name}</p>` escapes `name`. */
export function markup(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let result = strings[0] ?? '';
  values.forEach((value, index) => {
    result += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(result);
}

/**
 * Free text (e.g. a personal message) as HTML paragraphs: blank lines separate paragraphs, single
 * line breaks stay line breaks; everything is escaped.
 */
export function textToHtmlParagraphs(text: string, style: string): SafeHtml {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
  return markup`${paragraphs.map((paragraph) => {
    const lines = paragraph.split('\n').map((line) => markup`${line}`);
    const withBreaks = lines.flatMap((line, index) => (index === 0 ? [line] : [markup`<br>`, line]));
    return markup`<p style="${style}">${withBreaks}</p>`;
  })}`;
}
