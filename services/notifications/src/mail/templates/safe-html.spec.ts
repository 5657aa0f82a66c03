import { escapeHtml, markup, textToHtmlParagraphs } from './safe-html';

describe('safe HTML', () => {
  it('escapes the characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('escapes every interpolated string and passes nested safe HTML through', () => {
    const name = '<script>alert(1)</script>';
    const inner = markup`<b>${name}</b>`;

    expect(markup`<p title="${name}">${inner} ${3}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(1)&lt;/script&gt;"><b>&lt;script&gt;alert(1)&lt;/script&gt;</b> 3</p>',
    );
  });

  it('turns free text into escaped paragraphs with line breaks', () => {
    expect(textToHtmlParagraphs('Erste Zeile\r\nzweite <Zeile>\n\n\nNeuer Absatz', 'm').value).toBe(
      '<p style="m">Erste Zeile<br>zweite &lt;Zeile&gt;</p><p style="m">Neuer Absatz</p>',
    );
  });
});
