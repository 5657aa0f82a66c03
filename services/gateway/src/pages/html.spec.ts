import { createHash } from 'node:crypto';
import { escapeHtml, html, PAGE_CONTENT_SECURITY_POLICY, renderPage, SafeHtml } from './html';

describe('html', () => {
  describe(escapeHtml.name, () => {
    it('escapes every character that could open markup or leave an attribute', () => {
      expect(escapeHtml(`<script>alert("x" + 'y')</script> & more`)).toBe(
        '&lt;script&gt;alert(&quot;x&quot; + &#39;y&#39;)&lt;/script&gt; &amp; more',
      );
    });
  });

  describe(html.name, () => {
    it('escapes interpolated text but keeps SafeHtml and drops empty values', () => {
      const name = '"><img src=x onerror=alert(1)>';
      const result = html`<p title="${name}">${name}${html`<b>fett</b>`}${undefined}${false}${3}</p>`;
      expect(result).toBeInstanceOf(SafeHtml);
      expect(result.value).toBe(
        '<p title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;<b>fett</b>3</p>',
      );
    });
  });

  describe(renderPage.name, () => {
    it('is a German document whose only style is allowed by the policy, by its hash', () => {
      const page = renderPage('Titel <x>', html`<h1>Hallo</h1>`);
      expect(page.status).toBe(200);
      expect(page.html).toMatch(/^<!doctype html>\s*<html lang="de">/);
      expect(page.html).toContain('<title>Titel &lt;x&gt; – Innovators Club</title>');
      expect(page.html).not.toMatch(/<script|<link|src=|https?:\/\//);
      const style = /<style>([\s\S]*)<\/style>/.exec(page.html)?.[1] ?? '';
      const hash = createHash('sha256').update(style).digest('base64');
      expect(PAGE_CONTENT_SECURITY_POLICY['style-src']).toEqual([`'sha256-${hash}'`]);
      expect(PAGE_CONTENT_SECURITY_POLICY['default-src']).toEqual(["'none'"]);
    });
  });
});
