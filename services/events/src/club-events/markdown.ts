import MarkdownIt from 'markdown-it';

/** Links may point to web pages and e-mail addresses only (no javascript:, data:, file: or relative paths). */
const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

/**
 * Markdown as the office writes it (event descriptions), rendered to HTML that is safe to show in
 * the portal and in e-mails: raw HTML is escaped, not passed through; only http(s) and mailto links
 * become links, and those carry rel="noopener noreferrer". Images are not rendered, so a text
 * cannot make a reader's mail program or browser load something from elsewhere. Rendered once, when
 * the events service stores a description; the other services carry the HTML and do not load
 * markdown-it.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
markdown.disable('image');
markdown.validateLink = (url: string): boolean => SAFE_LINK.test(url.trim());

const renderToken = markdown.renderer.renderToken.bind(markdown.renderer);
markdown.renderer.rules.link_open = (tokens, index, options) => {
  tokens[index].attrSet('rel', 'noopener noreferrer');
  return renderToken(tokens, index, options);
};

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
