import { createHash } from 'node:crypto';
import { markup } from '@ic/platform';
import { PAGE_CONTENT_SECURITY_POLICY, renderPage } from './html';

describe('html', () => {
  describe(renderPage.name, () => {
    it('is a German document whose only style is allowed by the policy, by its hash', () => {
      const page = renderPage('Titel <x>', markup`<h1>Hallo</h1>`);
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
