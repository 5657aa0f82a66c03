import { markup, SafeHtml } from '@ic/platform';

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
