import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders emphasis, lists and paragraphs', () => {
    expect(renderMarkdown('Die **Lounge** in *Ulm*:\n\n- Daten\n- Sensorik')).toBe(
      '<p>Die <strong>Lounge</strong> in <em>Ulm</em>:</p>\n<ul>\n<li>Daten</li>\n<li>Sensorik</li>\n</ul>\n',
    );
  });

  it('escapes script tags instead of passing them through', () => {
    const html = renderMarkdown('Hallo <script>alert(1)</script> Welt');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('escapes any raw HTML, also attributes with event handlers', () => {
    const html = renderMarkdown('<img src="x" onerror="alert(1)">\n\n<div style="position:fixed">Text</div>');
    expect(html).not.toMatch(/<img|<div/);
    expect(html).toContain('&lt;img src=&quot;x&quot; onerror=&quot;alert(1)&quot;&gt;');
  });

  it('does not turn javascript:, data: or vbscript: targets into links', () => {
    for (const target of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:x',
    ]) {
      const html = renderMarkdown(`[Klick](${target})`);
      expect(html).not.toContain('<a');
      expect(html).not.toContain('href');
    }
  });

  it('does not link relative paths or other schemes', () => {
    expect(renderMarkdown('[intern](/admin) [Datei](file:///etc/passwd)')).not.toContain('<a');
  });

  it('links http, https and mailto with rel="noopener noreferrer"', () => {
    const html = renderMarkdown(
      '[Programm](https://www.dstgb.de/programm) [alt](http://example.org) [Büro](mailto:buero@dstgb.example)',
    );
    expect(html).toContain('<a href="https://www.dstgb.de/programm" rel="noopener noreferrer">Programm</a>');
    expect(html).toContain('<a href="http://example.org" rel="noopener noreferrer">alt</a>');
    expect(html).toContain('<a href="mailto:buero@dstgb.example" rel="noopener noreferrer">Büro</a>');
  });

  it('links bare web addresses', () => {
    expect(renderMarkdown('Mehr unter https://www.dstgb.de')).toContain(
      '<a href="https://www.dstgb.de" rel="noopener noreferrer">https://www.dstgb.de</a>',
    );
  });

  it('renders no images, so nothing is loaded from elsewhere', () => {
    expect(renderMarkdown('![Pixel](https://tracker.example/p.gif)')).not.toContain('<img');
  });

  it('escapes quotes in link targets so they cannot break out of the attribute', () => {
    const html = renderMarkdown('[x](https://example.org/"onmouseover="alert(1))');
    expect(html).not.toContain('" onmouseover');
    expect(html).not.toMatch(/onmouseover="alert/);
  });
});
