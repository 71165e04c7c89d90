/**
 * Word input after mammoth: the HTML tokenizer (entities, comments, tags) and the HTML → blocks
 * step (paragraphs, headings, bullet and numbered lists, tables whose cells keep their paragraphs),
 * pinned one rule at a time on small crafted HTML strings.
 */
import { describe, expect, it } from 'vitest';
import type { Block, ParagraphBlock } from '../../src/import/blocks.ts';
import { htmlToBlocks } from '../../src/import/extract/html-blocks.ts';
import { decodeEntities, tokenizeHtml } from '../../src/import/extract/html-tokens.ts';

const p = (text: string, extra: Omit<ParagraphBlock, 'kind' | 'text'> = {}): ParagraphBlock => ({ kind: 'paragraph', text, ...extra });
const bullet = (text: string): ParagraphBlock => p(text, { bullet: true });
const table = (...rows: ParagraphBlock[][][]): Block => ({ kind: 'table', rows });

describe('HTML entities', () => {
  it('decodes every named entity mammoth writes, in any case', () => {
    expect(decodeEntities('&amp;|&lt;|&gt;|&quot;|&apos;|&nbsp;')).toBe('&|<|>|"|\'|\u00a0');
    expect(decodeEntities('&AMP; &Lt; &GT;')).toBe('& < >');
  });

  it('leaves an unknown named entity as written', () => {
    expect(decodeEntities('&copy; &bogus; & amp;')).toBe('&copy; &bogus; & amp;');
  });

  it('decodes decimal and hexadecimal character references, upper- or lower-case x and digits', () => {
    expect(decodeEntities('&#65;&#229;')).toBe('Aå');
    expect(decodeEntities('&#x41;&#X42;&#xe5;&#xE6;')).toBe('ABåæ');
    expect(decodeEntities('&#x1F600;')).toBe('\u{1F600}');
  });

  it('replaces every entity in the string, not just the first', () => {
    expect(decodeEntities('a&amp;b&amp;c&#65;d')).toBe('a&b&cAd');
  });

  it('leaves a character reference beyond Unicode as written instead of throwing', () => {
    expect(decodeEntities('x&#1114111;y')).toBe('x\u{10FFFF}y');
    expect(decodeEntities('x&#1114112;y')).toBe('x&#1114112;y');
    expect(decodeEntities('x&#x110000;y')).toBe('x&#x110000;y');
    const huge = `&#${'9'.repeat(400)};`;
    expect(decodeEntities(huge)).toBe(huge);
  });
});

describe('HTML tokens', () => {
  it('reads open, close and text tokens, with tag names in lower case', () => {
    expect(tokenizeHtml('<P class="x">Hei &amp; hå</P>')).toEqual([
      { type: 'open', tag: 'p', selfClosing: false },
      { type: 'text', text: 'Hei & hå' },
      { type: 'close', tag: 'p' },
    ]);
  });

  it('keeps digits in tag names', () => {
    expect(tokenizeHtml('<h2>T</h2>')).toEqual([
      { type: 'open', tag: 'h2', selfClosing: false },
      { type: 'text', text: 'T' },
      { type: 'close', tag: 'h2' },
    ]);
  });

  it('skips comments, each one up to its own end, also across lines', () => {
    expect(tokenizeHtml('a<!-- one -->b<!--two\nlines-->c')).toEqual([
      { type: 'text', text: 'a' },
      { type: 'text', text: 'b' },
      { type: 'text', text: 'c' },
    ]);
  });

  it('marks br, img and tags written with a closing slash as self-closing, and no others', () => {
    const selfClosing = (html: string): boolean => {
      const [tok] = tokenizeHtml(html);
      if (tok?.type !== 'open') throw new Error(`not an open tag: ${html}`);
      return tok.selfClosing;
    };
    expect(selfClosing('<br>')).toBe(true);
    expect(selfClosing('<BR>')).toBe(true);
    expect(selfClosing('<img src="a.png">')).toBe(true);
    expect(selfClosing('<x/>')).toBe(true);
    expect(selfClosing('<x />')).toBe(true);
    expect(selfClosing('<x a="1"/ >')).toBe(true);
    expect(selfClosing('<a href="a/b">')).toBe(false);
    expect(selfClosing('<a href="a/">')).toBe(false);
    expect(selfClosing('<p>')).toBe(false);
    expect(selfClosing('<brx>')).toBe(false);
  });

  it('reads text that is not inside any tag', () => {
    expect(tokenizeHtml('bare text')).toEqual([{ type: 'text', text: 'bare text' }]);
    expect(tokenizeHtml('')).toEqual([]);
  });
});

describe('HTML → blocks: paragraphs and headings', () => {
  it('makes one paragraph per <p>, without list or heading marks', () => {
    expect(htmlToBlocks('<p>Første</p><p>Andre</p>')).toStrictEqual([p('Første'), p('Andre')]);
  });

  it('keeps inline formatting and unknown tags inside the paragraph', () => {
    expect(htmlToBlocks('<p>Verve <strong>40</strong> <em>nye</em> <a href="x">medlemmer</a></p>')).toStrictEqual([p('Verve 40 nye medlemmer')]);
    expect(htmlToBlocks('<p>a<h10>b</h10>c<xh2>d</xh2>e<th1>f</th1>g</p>')).toStrictEqual([p('abcdefg')]);
  });

  it('gives headings h1 to h6 their level', () => {
    expect(htmlToBlocks('<h1>En</h1><h2>To</h2><h3>Tre</h3><h6>Seks</h6>')).toStrictEqual([
      p('En', { heading: 1 }),
      p('To', { heading: 2 }),
      p('Tre', { heading: 3 }),
      p('Seks', { heading: 6 }),
    ]);
  });

  it('ends a heading at its closing tag', () => {
    expect(htmlToBlocks('<h2>Verving</h2>etter')).toStrictEqual([p('Verving', { heading: 2 }), p('etter')]);
  });

  it('ends a paragraph at its closing tag, and at the next opening one', () => {
    expect(htmlToBlocks('<p>a</p>b')).toStrictEqual([p('a'), p('b')]);
    expect(htmlToBlocks('<p>a<p>b<h3>c')).toStrictEqual([p('a'), p('b'), p('c', { heading: 3 })]);
  });

  it('drops empty and white-space-only paragraphs', () => {
    expect(htmlToBlocks('<p></p><p> </p><p>\n\t</p><h2> </h2><p>x</p></p></p>')).toStrictEqual([p('x')]);
  });

  it('turns <br> into a line break inside the paragraph, and ignores it between paragraphs', () => {
    expect(htmlToBlocks('<p>a<br>b<br />c</p>')).toStrictEqual([p('a\nb\nc')]);
    expect(htmlToBlocks('<br><p>x</p><br><br>')).toStrictEqual([p('x')]);
  });

  it('keeps text outside any tag, and an unclosed last paragraph', () => {
    expect(htmlToBlocks('løs tekst')).toStrictEqual([p('løs tekst')]);
    expect(htmlToBlocks('<p>a</p><p>uten slutt')).toStrictEqual([p('a'), p('uten slutt')]);
  });

  it('decodes entities in the text', () => {
    expect(htmlToBlocks('<p>Lønn &amp; arbeidstid&nbsp;&#8211; 5&#160;%</p>')).toStrictEqual([p('Lønn & arbeidstid\u00a0– 5\u00a0%')]);
  });

  it('returns nothing for no HTML', () => {
    expect(htmlToBlocks('')).toStrictEqual([]);
  });
});

describe('HTML → blocks: lists', () => {
  it('marks the items of a bullet list as bullets', () => {
    expect(htmlToBlocks('<ul><li>Verve</li><li>Skolere</li></ul>')).toStrictEqual([bullet('Verve'), bullet('Skolere')]);
  });

  it('numbers the items of a numbered list from 1, without a bullet mark', () => {
    expect(htmlToBlocks('<ol><li>Verve</li><li>Skolere</li><li>Organisere</li></ol>')).toStrictEqual([p('1. Verve'), p('2. Skolere'), p('3. Organisere')]);
  });

  it('gives each list its own count, and resumes the outer count after a nested list', () => {
    expect(htmlToBlocks('<ol><li>en<ul><li>under</li></ul></li><li>to<ol><li>a</li><li>b</li></ol></li><li>tre</li></ol><ol><li>ny</li></ol>')).toStrictEqual([
      p('1. en'),
      bullet('under'),
      p('2. to'),
      p('1. a'),
      p('2. b'),
      p('3. tre'),
      p('1. ny'),
    ]);
  });

  it('makes a list item outside any list a bullet', () => {
    expect(htmlToBlocks('<li>løs</li>')).toStrictEqual([bullet('løs')]);
    expect(htmlToBlocks('<ol><li>a</li></ol><li>b</li>')).toStrictEqual([p('1. a'), bullet('b')]);
  });

  it('ends an item at </li>, at the next <li> and at the end of the list', () => {
    expect(htmlToBlocks('<ul><li>a</li>b</ul>')).toStrictEqual([bullet('a'), p('b')]);
    expect(htmlToBlocks('<ul><li>a<li>b</ul>c')).toStrictEqual([bullet('a'), bullet('b'), p('c')]);
  });

  it('ends the paragraph before a list starts', () => {
    expect(htmlToBlocks('<p>Mål:<ul>mellom<li>a</li></ul>')).toStrictEqual([p('Mål:'), p('mellom'), bullet('a')]);
    expect(htmlToBlocks('<p>Mål:<ol><li>a</li></ol>')).toStrictEqual([p('Mål:'), p('1. a')]);
  });

  it('ignores a stray closing list tag', () => {
    expect(htmlToBlocks('</ul><p>a</p></ol><ol><li>b</li></ol>')).toStrictEqual([p('a'), p('1. b')]);
  });
});

describe('HTML → blocks: tables', () => {
  it('keeps rows and cells, each cell with its own paragraphs, and empty cells empty', () => {
    expect(htmlToBlocks('<table><tr><td><p>a</p></td><td><p>b</p><p>c</p></td></tr><tr><td></td><td><p>d</p></td></tr></table>')).toStrictEqual([
      table([[p('a')], [p('b'), p('c')]], [[], [p('d')]]),
    ]);
  });

  it('reads header cells like data cells, and text directly in a cell', () => {
    expect(htmlToBlocks('<table><tr><th>Område</th><th>Nåsituasjon</th></tr><tr><td>Verving</td><td>God</td></tr></table>')).toStrictEqual([
      table([[p('Område')], [p('Nåsituasjon')]], [[p('Verving')], [p('God')]]),
    ]);
  });

  it('makes a cell’s bullet list bullet paragraphs of that cell', () => {
    expect(htmlToBlocks('<table><tr><td><p>Mål</p><ul><li>a</li><li>b</li></ul></td><td><ol><li>c</li></ol></td></tr></table>')).toStrictEqual([
      table([[p('Mål'), bullet('a'), bullet('b')], [p('1. c')]]),
    ]);
  });

  it('keeps the paragraphs before and after a table outside it', () => {
    expect(htmlToBlocks('<p>før<table><tr><td>x</td></tr></table>etter')).toStrictEqual([p('før'), table([[p('x')]]), p('etter')]);
  });

  it('puts text between cells into a cell of its own, and text after a cell does not join it', () => {
    expect(htmlToBlocks('<table><tr>x<td>y</td></tr></table>')).toStrictEqual([table([[p('x')], [p('y')]])]);
    expect(htmlToBlocks('<table><tr><td><p>a</p></td><p>b</p></tr></table>')).toStrictEqual([table([[p('a')], [p('b')]])]);
  });

  it('ends a cell’s text at the cell’s end and at the next cell, row or table end', () => {
    expect(htmlToBlocks('<table><tr><td>a</td><td>b</td></tr></table>')).toStrictEqual([table([[p('a')], [p('b')]])]);
    expect(htmlToBlocks('<table><tr><th>a<th>b</tr></table>')).toStrictEqual([table([[p('a')], [p('b')]])]);
    expect(htmlToBlocks('<table><tr><th>a</th>b</tr></table>')).toStrictEqual([table([[p('a')], [p('b')]])]);
    expect(htmlToBlocks('<table><tr><td>a<tr><td>b</table>c')).toStrictEqual([table([[p('a')]], [[p('b')]]), p('c')]);
  });

  it('keeps text and cells that come before the first row, in a row of their own', () => {
    expect(htmlToBlocks('<table>x<tr><td>y</td></tr></table>')).toStrictEqual([table([[p('x')]], [[p('y')]])]);
    expect(htmlToBlocks('<table><td>a</td><td>b</td></table>')).toStrictEqual([table([[p('a')], [p('b')]])]);
    expect(htmlToBlocks('<table><td></td><tr><td>c</td></tr></table>')).toStrictEqual([table([[]], [[p('c')]])]);
  });

  it('starts a new row with fresh cells even when the last cell was left open', () => {
    expect(htmlToBlocks('<table><tr><td>a<tr>b</table>')).toStrictEqual([table([[p('a')]], [[p('b')]])]);
  });

  it('flattens a table inside a cell into that cell’s paragraphs', () => {
    expect(
      htmlToBlocks('<table><tr><td><p>a</p><table><tr><td><p>b</p></td><td><p>c</p></td></tr></table><p>d</p></td><td>e</td></tr></table>'),
    ).toStrictEqual([table([[p('a'), p('b'), p('c'), p('d')], [p('e')]])]);
  });

  it('ignores table tags outside a table', () => {
    expect(htmlToBlocks('<tr><td><p>a</p></td></tr></td></table><th>b</th>')).toStrictEqual([p('a'), p('b')]);
  });

  it('keeps an empty table as a table without rows', () => {
    expect(htmlToBlocks('<table></table><p>x</p>')).toStrictEqual([table(), p('x')]);
  });
});
