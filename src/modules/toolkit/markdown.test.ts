import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderMarkdown } from './markdown.ts';

describe('toolkit Markdown', () => {
  it('renders headings, lists, tables and emphasis', () => {
    const html = renderMarkdown('# Kop\n\n- **een**\n- _twee_\n\n| a | b |\n| - | - |\n| 1 | 2 |\n');
    assert.match(html, /<h1>Kop<\/h1>/);
    assert.match(html, /<li><strong>een<\/strong><\/li>/);
    assert.match(html, /<td>1<\/td>/);
  });

  it('shows raw HTML as text: a <script> or an onerror attribute never becomes markup', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\nTekst <img src=x onerror="alert(1)"> en <b>vet</b>\n');
    assert.ok(!/<script/i.test(html), html);
    assert.ok(!/<img/i.test(html), html);
    assert.ok(!/<b>/.test(html), html);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  it('keeps http(s), mailto and tel links and drops javascript:, data: and relative ones', () => {
    const html = renderMarkdown(
      '[a](https://veiligthuis.nl/) [b](mailto:fg@gemeente.nl) [c](tel:08002000) [d](javascript:alert(1)) ' +
        '[e]( JavaScript:alert(1)) [f](data:text/html,x) [g](/beheer) <javascript:alert(1)>',
    );
    assert.match(html, /<a href="https:\/\/veiligthuis.nl\/" rel="noopener noreferrer">a<\/a>/);
    assert.match(html, /href="mailto:fg@gemeente.nl"/);
    assert.match(html, /href="tel:08002000"/);
    assert.equal(html.match(/<a /g)?.length, 3, `only the three safe links are links: ${html}`);
    assert.ok(!/href="\s*(javascript|data:|\/beheer)/i.test(html), html);
    assert.match(html, /\bd\b/, 'the text of a dropped link stays');
  });

  it('does not load images: their alt text is shown instead', () => {
    assert.equal(renderMarkdown('![de sticker](https://elders.example/s.png)').trim(), '<p>de sticker</p>');
  });
});
