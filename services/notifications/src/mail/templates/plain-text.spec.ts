import { plainTextOf } from './plain-text';

describe(plainTextOf.name, () => {
  // What the events service's Markdown renderer makes of an office's description.
  const rendered =
    '<h2>Programm</h2>\n<p>Die <strong>Lounge</strong> in <em>Ulm</em> zeigt, was eine <code>smarte</code> Stadt &amp; &quot;mehr&quot; leistet:</p>\n' +
    '<ul>\n<li>Daten &lt;b&gt;offen&lt;/b&gt;</li>\n<li>Sensorik mit <a href="https://lora.example/netz" rel="noopener noreferrer">LoRaWAN</a>\nzweite Zeile</li>\n</ul>\n' +
    '<ol>\n<li>Begrüßung</li>\n<li>Rundgang</li>\n</ol>\n' +
    '<blockquote>\n<p>Ein Zitat\nüber zwei Zeilen</p>\n</blockquote>\n<hr>\n' +
    '<p>Mehr unter <a href="https://www.ulm.de" rel="noopener noreferrer">https://www.ulm.de</a> und <a href="mailto:info@ulm.example" rel="noopener noreferrer">mail</a>.<br>\nNeue Zeile.</p>\n';

  it('reads as text: headings and paragraphs as blocks, lists with dashes and numbers, links with their address', () => {
    expect(plainTextOf(rendered)).toBe(
      [
        'Programm',
        '',
        'Die Lounge in Ulm zeigt, was eine smarte Stadt & "mehr" leistet:',
        '',
        '– Daten <b>offen</b>',
        '– Sensorik mit LoRaWAN (https://lora.example/netz) zweite Zeile',
        '',
        '1. Begrüßung',
        '2. Rundgang',
        '',
        '  Ein Zitat über zwei Zeilen',
        '',
        'Mehr unter https://www.ulm.de und mail (info@ulm.example).',
        'Neue Zeile.',
      ].join('\n'),
    );
  });

  it('keeps no Markdown or HTML syntax', () => {
    const text = plainTextOf(rendered);

    expect(text).not.toMatch(/\*\*|##|<\/?(p|h2|strong|em|code|ul|ol|li|a|blockquote|hr|br)\b|&[a-z]+;/);
  });

  it('reads a nested list with indentation', () => {
    expect(
      plainTextOf('<ul>\n<li>Eins\n<ul>\n<li>Unterpunkt</li>\n</ul>\n</li>\n<li>Zwei</li>\n</ul>\n'),
    ).toBe('– Eins\n  – Unterpunkt\n– Zwei');
  });

  it('keeps the lines of a code block', () => {
    expect(plainTextOf('<pre><code>Zeile 1\n  Zeile 2\n</code></pre>\n<p>Danach</p>\n')).toBe(
      'Zeile 1\n  Zeile 2\n\nDanach',
    );
  });

  it('reads a table row by row', () => {
    expect(
      plainTextOf(
        '<table>\n<thead>\n<tr>\n<th>Zeit</th>\n<th>Punkt</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>17:00</td>\n<td>Empfang</td>\n</tr>\n</tbody>\n</table>\n',
      ),
    ).toBe('Zeit | Punkt\n17:00 | Empfang');
  });
});
