/**
 * The plain-text part of a mail for a description the office wrote in Markdown. The events service
 * renders Markdown to HTML once (markdown-it, raw HTML escaped) and the other services carry only
 * that HTML, so the text part is read from it: headings and paragraphs as blocks, lists with „–“ or
 * their numbers, links with their address, emphasis without marks, entities decoded. What the
 * renderer makes is a small known set of tags; anything else is read as its text.
 */
export function plainTextOf(html: string): string {
  const reader = new PlainTextReader();
  for (const [, closing, tag, attributes, text] of html.matchAll(TOKENS)) {
    if (text !== undefined) reader.text(decodeEntities(text));
    else if (closing) reader.close(tag.toLowerCase());
    else reader.open(tag.toLowerCase(), attributes);
  }
  return reader.result();
}

const TOKENS = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)/g;

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}

const BLOCKS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'table',
  'hr',
]);

interface List {
  readonly ordered: boolean;
  next: number;
}

class PlainTextReader {
  private readonly blocks: string[] = [];
  private lines: string[] = [];
  private line = '';
  private readonly lists: List[] = [];
  private quoteDepth = 0;
  private preformatted = false;
  private linkTarget: string | undefined;
  private linkText = '';
  private cells: string[] | undefined;

  open(tag: string, attributes: string): void {
    if (BLOCKS.has(tag) && this.lists.length === 0) this.endBlock();
    switch (tag) {
      case 'ul':
      case 'ol':
        this.endLine();
        this.lists.push({ ordered: tag === 'ol', next: Number(/start="(\d+)"/.exec(attributes)?.[1] ?? 1) });
        return;
      case 'li': {
        this.endLine();
        const list = this.lists.at(-1);
        const marker = list?.ordered ? `${list.next++}. ` : '– ';
        this.line = `${'  '.repeat(Math.max(0, this.lists.length - 1))}${marker}`;
        return;
      }
      case 'blockquote':
        this.quoteDepth++;
        return;
      case 'pre':
        this.preformatted = true;
        return;
      case 'br':
        this.endLine();
        return;
      case 'a':
        this.linkTarget = /href="([^"]*)"/.exec(attributes)?.[1];
        this.linkText = '';
        return;
      case 'tr':
        this.cells = [];
        return;
    }
  }

  close(tag: string): void {
    switch (tag) {
      case 'ul':
      case 'ol':
        this.endLine();
        this.lists.pop();
        if (this.lists.length === 0) this.endBlock();
        return;
      case 'li':
        this.endLine();
        return;
      case 'blockquote':
        this.endBlock();
        this.quoteDepth--;
        return;
      case 'pre':
        this.endBlock();
        this.preformatted = false;
        return;
      case 'a':
        this.closeLink();
        return;
      case 'th':
      case 'td':
        this.cells?.push(this.line.trim());
        this.line = '';
        return;
      case 'tr':
        this.line = (this.cells ?? []).join(' | ');
        this.cells = undefined;
        this.endLine();
        return;
    }
    if (BLOCKS.has(tag) && this.lists.length === 0) this.endBlock();
  }

  text(text: string): void {
    if (this.preformatted) {
      const [first, ...rest] = text.split('\n');
      this.line += first;
      for (const line of rest) {
        this.endLine();
        this.line = line;
      }
      return;
    }
    const flowing = text.replace(/\s+/g, ' ');
    if (this.linkTarget !== undefined) this.linkText += flowing;
    else if (flowing !== ' ' || (this.line !== '' && !this.line.endsWith(' '))) this.line += flowing;
  }

  result(): string {
    this.endBlock();
    return this.blocks.join('\n\n');
  }

  /** „LoRaWAN (https://…)“; a link that shows its own address once. */
  private closeLink(): void {
    const target = this.linkTarget?.replace(/^mailto:/i, '') ?? '';
    const text = this.linkText.trim();
    this.line += !target || text === target || text === this.linkTarget ? text : `${text} (${target})`;
    this.linkTarget = undefined;
  }

  private endLine(): void {
    // List items and code keep their indentation; other lines are trimmed.
    const line = this.preformatted || this.lists.length > 0 ? this.line.trimEnd() : this.line.trim();
    if (line.trim() !== '' || this.preformatted) this.lines.push(`${'  '.repeat(this.quoteDepth)}${line}`);
    this.line = '';
  }

  private endBlock(): void {
    this.endLine();
    while (this.lines.length > 0 && this.lines.at(-1)?.trim() === '') this.lines.pop();
    if (this.lines.length > 0) this.blocks.push(this.lines.join('\n'));
    this.lines = [];
  }
}
