import { escapeHtml, markup, SafeHtml } from './safe-html';

describe('safe HTML', () => {
  it('escapes every character that could open markup or leave an attribute', () => {
    expect(escapeHtml(`<script>alert("x" + 'y')</script> & more`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot; + &#39;y&#39;)&lt;/script&gt; &amp; more',
    );
  });

  it('escapes interpolated text, keeps nested safe HTML and drops empty values', () => {
    const name = '"><img src=x onerror=alert(1)>';
    const result = markup`<p title="${name}">${name}${markup`<b>${name}</b>`}${undefined}${false}${null}${3}</p>`;

    expect(result).toBeInstanceOf(SafeHtml);
    expect(result.value).toBe(
      '<p title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;' +
        '<b>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</b>3</p>',
    );
  });

  it('joins a list of safe parts', () => {
    expect(markup`<ul>${['a', 'b'].map((item) => markup`<li>${item}</li>`)}</ul>`.value).toBe(
      '<ul><li>a</li><li>b</li></ul>',
    );
  });
});
