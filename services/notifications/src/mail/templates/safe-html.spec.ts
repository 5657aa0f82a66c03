import { textToHtmlParagraphs } from './safe-html';

describe(textToHtmlParagraphs.name, () => {
  it('turns free text into escaped paragraphs with line breaks', () => {
    expect(textToHtmlParagraphs('Erste Zeile\r\nzweite <Zeile>\n\n\nNeuer Absatz', 'm').value).toBe(
      '<p style="m">Erste Zeile<br>zweite &lt;Zeile&gt;</p><p style="m">Neuer Absatz</p>',
    );
  });
});
