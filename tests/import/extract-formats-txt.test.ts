/**
 * Plain-text input: lines (tabs, blanks, page furniture), the situation table in its two text
 * shapes (tab-led cells from Word's text export, blank-separated chunks from PDF text dumps), and
 * the text → blocks step around them, pinned on small crafted texts.
 */
import { describe, expect, it } from 'vitest';
import type { Block, ParagraphBlock, TableBlock } from '../../src/import/blocks.ts';
import { extractTxt, textToBlocks } from '../../src/import/extract/txt.ts';
import { toTxtLines, type TxtLine } from '../../src/import/extract/txt-lines.ts';
import { readFlatTable, readTabbedTable, splitLabel } from '../../src/import/extract/txt-table.ts';

const p = (text: string, extra: Omit<ParagraphBlock, 'kind' | 'text'> = {}): ParagraphBlock => ({ kind: 'paragraph', text, ...extra });
/** A table from plain cell strings; '' is an empty cell. */
const table = (rows: string[][]): TableBlock => ({ kind: 'table', rows: rows.map((r) => r.map((c) => (c ? [p(c)] : []))) });
const lines = (...text: string[]): TxtLine[] => toTxtLines(text.join('\n'));

const HEADER_4 = ['Område', 'Nåsituasjon', 'Utfordringer kort sikt', 'Utfordringer lang sikt'];

describe('text lines', () => {
  it('splits on every line break and form feed, and marks tab-led and blank lines', () => {
    expect(toTxtLines('a\r\nb\rc\fd\n\te\n  \n\t\nf\tg')).toStrictEqual([
      { text: 'a', tab: false, depth: 0, blank: false },
      { text: 'b', tab: false, depth: 0, blank: false },
      { text: 'c', tab: false, depth: 0, blank: false },
      { text: 'd', tab: false, depth: 0, blank: false },
      { text: 'e', tab: true, depth: 1, blank: false },
      { text: '', tab: false, depth: 0, blank: true },
      { text: '', tab: true, depth: 1, blank: false },
      { text: 'f g', tab: false, depth: 0, blank: false },
    ]);
  });

  const flow = (ls: TxtLine[]): string[] => ls.filter((l) => !l.furniture).map((l) => l.text);
  const furniture = (ls: TxtLine[]): string[] => ls.filter((l) => l.furniture).map((l) => l.text);

  it('marks page numbers as furniture', () => {
    expect(flow(toTxtLines('a\nSide 3 av 10\n- 4 -\nb'))).toStrictEqual(['a', 'b']);
    expect(furniture(toTxtLines('a\nSide 3 av 10\n- 4 -\nb'))).toStrictEqual(['Side 3 av 10', '- 4 -']);
    expect(textToBlocks('Vi skal verve\nSide 3 av 10\nnye medlemmer.')).toStrictEqual([p('Vi skal verve nye medlemmer.'), { kind: 'paragraph', text: 'Side 3 av 10', furniture: true }]);
  });

  it('marks a running header repeated on every page as furniture, whatever its numbers', () => {
    const text = ['Fagforbundet Alver 2026 side 1', 'a', 'Fagforbundet Alver 2026 side 2', 'b', 'Fagforbundet Alver 2027 side 3', 'c'].join('\n');
    expect(flow(toTxtLines(text))).toStrictEqual(['a', 'b', 'c']);
    expect(furniture(toTxtLines(text))).toHaveLength(3);
  });

  it('keeps a running-title-like line that is not repeated often enough', () => {
    expect(toTxtLines('Fagforbundet Alver\na\nFagforbundet Alver').map((l) => l.text)).toStrictEqual(['Fagforbundet Alver', 'a', 'Fagforbundet Alver']);
  });
});

describe('the situation table as tab-led cells', () => {
  it('reads the header cells, then fills rows of that width, joining wrapped lines to their cell', () => {
    const src = lines(
      ...HEADER_4.map((h) => `\t${h}`),
      '\tVerving',
      '\tVi har mange medlemmer.',
      'og flere kommer.',
      '',
      '\tFå tillitsvalgte.',
      '',
      'i noen avdelinger.',
      '\tMange går av.',
      '\tArbeidsmiljø',
      '\tGodt.',
      '\t',
      '\t',
      '',
      '',
      'Neste avsnitt',
    );
    expect(readTabbedTable(src, 0)).toStrictEqual({
      table: table([
        HEADER_4,
        ['Verving', 'Vi har mange medlemmer. og flere kommer.', 'Få tillitsvalgte. i noen avdelinger.', 'Mange går av.'],
        ['Arbeidsmiljø', 'Godt.', '', ''],
      ]),
      end: 18,
    });
  });

  it('starts at the given line', () => {
    const src = lines('Innledning', '\tOmråde', '\tNåsituasjon', '\tUtfordringer kort sikt', '\tA', '\tB', '\tC');
    expect(readTabbedTable(src, 1)).toStrictEqual({ table: table([['Område', 'Nåsituasjon', 'Utfordringer kort sikt'], ['A', 'B', 'C']]), end: 7 });
    expect(readTabbedTable(src, 0)).toBeNull();
  });

  it('needs at least three header cells that together name the situation table', () => {
    expect(readTabbedTable(lines('\tOmråde', '\tNåsituasjon og utfordringer kort sikt', '\tVerving'), 0)).toBeNull();
    expect(readTabbedTable(lines('\tOmråde', '\tNåsituasjon og utfordringer kort sikt', '\tUtfordringer lang sikt'), 0)).toStrictEqual({
      table: table([['Område', 'Nåsituasjon og utfordringer kort sikt', 'Utfordringer lang sikt']]),
      end: 3,
    });
    expect(readTabbedTable(lines('\tOmråde', '\tSikt', '\tUtfordringer'), 0)).toBeNull();
  });

  it('takes header cells only from tab-led lines', () => {
    expect(readTabbedTable(lines('\tOmråde', '\tNåsituasjon', 'Utfordringer kort sikt', '\tA'), 0)).toBeNull();
  });

  it('takes a header cell of up to five words, and a longer one as the first data cell', () => {
    const src = lines('\tOmråde', '\tNåsituasjon', '\tUtfordringer kort sikt', '\tUtfordringer på lang sikt for oss', '\tB', '\tC');
    expect(readTabbedTable(src, 0)).toStrictEqual({
      table: table([['Område', 'Nåsituasjon', 'Utfordringer kort sikt'], ['Utfordringer på lang sikt for oss', 'B', 'C']]),
      end: 6,
    });
  });

  it('takes at most six header cells', () => {
    const src = lines('\tOmråde', '\tNåsituasjon', '\tKort sikt', '\tLang sikt', '\tOmråde', '\tSituasjon', '\tSikt');
    expect(readTabbedTable(src, 0)).toStrictEqual({
      table: table([['Område', 'Nåsituasjon', 'Kort sikt', 'Lang sikt', 'Område', 'Situasjon'], ['Sikt']]),
      end: 7,
    });
  });

  it('ends at an untabbed line after two blank lines, but joins one after a single blank line', () => {
    const head = ['\tOmråde', '\tNåsituasjon', '\tUtfordringer kort sikt', '\tA'];
    expect(readTabbedTable(lines(...head, '', '', 'etter'), 0)).toStrictEqual({ table: table([['Område', 'Nåsituasjon', 'Utfordringer kort sikt'], ['A']]), end: 6 });
    expect(readTabbedTable(lines(...head, '', 'etter'), 0)).toStrictEqual({ table: table([['Område', 'Nåsituasjon', 'Utfordringer kort sikt'], ['A etter']]), end: 6 });
  });

  it('does not count blank lines before a tab-led cell towards the next untabbed line', () => {
    const src = lines('\tOmråde', '\tNåsituasjon', '\tUtfordringer kort sikt', '\tA', '', '\tB', '', 'etter');
    expect(readTabbedTable(src, 0)).toStrictEqual({ table: table([['Område', 'Nåsituasjon', 'Utfordringer kort sikt'], ['A', 'B etter']]), end: 8 });
  });

  it('ends at a numbered heading or template text, and at any untabbed line before the first cell', () => {
    const head = ['\tOmråde', '\tNåsituasjon', '\tUtfordringer kort sikt'];
    const header = ['Område', 'Nåsituasjon', 'Utfordringer kort sikt'];
    expect(readTabbedTable(lines(...head, '\tA', '2. Arbeidsmiljø'), 0)).toStrictEqual({ table: table([header, ['A']]), end: 4 });
    expect(readTabbedTable(lines(...head, '\tA', 'Vedlegg 1'), 0)).toStrictEqual({ table: table([header, ['A']]), end: 4 });
    expect(readTabbedTable(lines(...head, 'Tekst etter'), 0)).toStrictEqual({ table: table([header]), end: 3 });
  });

  it('drops trailing rows of empty cells, but keeps an empty row between filled ones', () => {
    const head = ['\tOmråde', '\tNåsituasjon', '\tUtfordringer kort sikt'];
    const header = ['Område', 'Nåsituasjon', 'Utfordringer kort sikt'];
    expect(readTabbedTable(lines(...head, '\tA', '\tB', '\tC', '\t', '\t', '\t', '\t', '\t'), 0)).toStrictEqual({ table: table([header, ['A', 'B', 'C']]), end: 11 });
    expect(readTabbedTable(lines(...head, '\t', '\t', '\t', '\tA', '\tB', '\tC'), 0)).toStrictEqual({ table: table([header, ['', '', ''], ['A', 'B', 'C']]), end: 9 });
  });
});

describe('splitting a label cell run into the next cell', () => {
  it('splits where a lower-case word is followed by a capitalised one', () => {
    expect(splitLabel('Heltidskultur Det er framleis deltid')).toStrictEqual(['Heltidskultur', 'Det er framleis deltid']);
    expect(splitLabel('Likestilling og mangfold Vi har')).toStrictEqual(['Likestilling og mangfold', 'Vi har']);
  });

  it('looks for the split within the first five words only', () => {
    expect(splitLabel('a b c d Ee')).toStrictEqual(['a b c d', 'Ee']);
    expect(splitLabel('a b c d e Ff')).toBeNull();
  });

  it('does not split after punctuation, after an upper-case word, or before a word capitalised inside', () => {
    expect(splitLabel('Lønn, ansiennitet Det er')).toBeNull();
    expect(splitLabel('Org.nr og Det er')).toStrictEqual(['Org.nr og', 'Det er']);
    expect(splitLabel('iPAD Det er')).toBeNull();
    expect(splitLabel('arbeid ogSå mer')).toBeNull();
    expect(splitLabel('Verving')).toBeNull();
    expect(splitLabel('')).toBeNull();
  });
});

describe('the situation table as blank-separated chunks', () => {
  it('makes the header from the columns it names, then fills rows chunk by chunk', () => {
    const src = lines(
      'Område Nåsituasjon Utfordringer kort sikt Utfordringer lang sikt',
      '',
      'Verving',
      '',
      'Vi har mange medlemmer,',
      'men få unge.',
      '',
      'Få tillitsvalgte.',
      '',
      '',
      'Mange går av.',
      '',
      'Heltidskultur Det er framleis mykje deltid.',
      '',
      'Lite kurs.',
      '',
      '',
      '',
      'Etter tabellen',
    );
    expect(readFlatTable(src, 0)).toStrictEqual({
      table: table([
        HEADER_4,
        ['Verving', 'Vi har mange medlemmer, men få unge.', 'Få tillitsvalgte.', 'Mange går av.'],
        ['Heltidskultur', 'Det er framleis mykje deltid.', 'Lite kurs.', ''],
      ]),
      end: 18,
    });
  });

  it('names only the columns the header line mentions', () => {
    const header = (text: string): string[] =>
      (readFlatTable(lines(text), 0)?.table.rows[0] ?? []).map((cell) => cell.map((para) => para.text).join('|'));
    expect(header('Område Situasjon Utfordringer lang sikt')).toStrictEqual(['Område', 'Nåsituasjon', 'Utfordringer lang sikt']);
    expect(header('Område Nåsituasjon kort sikt')).toStrictEqual(['Område', 'Nåsituasjon', 'Utfordringer kort sikt']);
    expect(header('Område | Nåsituasjon | Kort sikt | Lang sikt')).toStrictEqual(HEADER_4);
  });

  it('starts a new row at a split label once the row has two cells, but not before', () => {
    const src = lines(
      'Område Nåsituasjon Utfordringer kort sikt',
      '',
      'Verving Vi har få.',
      '',
      'Lønn Lav lønn.',
      '',
      'Heltid',
      '',
      'Arbeid Mye deltid.',
      '',
      'Skolering',
      '',
      'Stor Vekst i år.',
    );
    expect(readFlatTable(src, 0)).toStrictEqual({
      table: table([
        ['Område', 'Nåsituasjon', 'Utfordringer kort sikt'],
        ['Verving', 'Vi har få.', ''],
        ['Lønn', 'Lav lønn.', 'Heltid'],
        ['Arbeid', 'Mye deltid.', 'Skolering'],
        ['Stor', 'Vekst i år.', ''],
      ]),
      end: 13,
    });
  });

  it('keeps a split-looking chunk whole as the second cell of a row', () => {
    const src = lines('Område Nåsituasjon Utfordringer kort sikt', 'Verving', '', 'Stor Vekst i år.', '', 'Mer.');
    expect(readFlatTable(src, 0)).toStrictEqual({
      table: table([['Område', 'Nåsituasjon', 'Utfordringer kort sikt'], ['Verving', 'Stor Vekst i år.', 'Mer.']]),
      end: 6,
    });
  });

  it('joins the lines of a chunk split label and all', () => {
    const src = lines('Område Nåsituasjon Utfordringer kort sikt', '', 'Heltidskultur Det er', 'framleis deltid.', 'Og mer.');
    expect(readFlatTable(src, 0)).toStrictEqual({
      table: table([['Område', 'Nåsituasjon', 'Utfordringer kort sikt'], ['Heltidskultur', 'Det er framleis deltid. Og mer.', '']]),
      end: 5,
    });
  });

  it('skips blank lines before the first chunk, and reads on across two blank lines between chunks', () => {
    const src = lines('Område Nåsituasjon Utfordringer kort sikt', '', '', '', 'A', '', '', 'B', '', '', 'C', '', '', 'D');
    expect(readFlatTable(src, 0)).toStrictEqual({
      table: table([['Område', 'Nåsituasjon', 'Utfordringer kort sikt'], ['A', 'B', 'C'], ['D', '', '']]),
      end: 14,
    });
  });

  it('counts a tab-only line as a blank line between chunks', () => {
    const src = lines('Område Nåsituasjon Utfordringer kort sikt', 'A', '\t', 'B');
    expect(readFlatTable(src, 0)).toStrictEqual({ table: table([['Område', 'Nåsituasjon', 'Utfordringer kort sikt'], ['A', 'B', '']]), end: 4 });
  });

  it('ends before a chunk that starts with a numbered heading or template text, not at one inside a chunk', () => {
    const header = ['Område', 'Nåsituasjon', 'Utfordringer kort sikt'];
    expect(readFlatTable(lines(header.join(' '), '', 'A', '', '3. Lønn', 'B'), 0)).toStrictEqual({ table: table([header, ['A', '', '']]), end: 4 });
    expect(readFlatTable(lines(header.join(' '), '', 'Vedlegg 1', 'A'), 0)).toStrictEqual({ table: table([header]), end: 2 });
    expect(readFlatTable(lines(header.join(' '), '', 'A', '2. punkt'), 0)).toStrictEqual({ table: table([header, ['A 2. punkt', '', '']]), end: 4 });
  });

  it('is not read from a line that is not the header, or past the end', () => {
    const src = lines('Innledning', 'Område Nåsituasjon Utfordringer kort sikt', 'A');
    expect(readFlatTable(src, 0)).toBeNull();
    expect(readFlatTable(src, 3)).toBeNull();
    expect(readFlatTable(src, 1)).toStrictEqual({ table: table([['Område', 'Nåsituasjon', 'Utfordringer kort sikt'], ['A', '', '']]), end: 3 });
  });
});

describe('text → blocks', () => {
  it('joins wrapped lines, keeps bullets, and reads a tab-led table in place', () => {
    const text = [
      'Handlingsplan 2026',
      '',
      'Vi skal verve',
      'flere medlemmer.',
      '• Skolere',
      '\tOmråde',
      '\tNåsituasjon',
      '\tUtfordringer kort sikt',
      '\tVerving',
      '\tBra',
      '\tSvak',
      '',
      '',
      'Etter tabellen.',
    ].join('\n');
    const expected: Block[] = [
      p('Handlingsplan 2026'),
      p('Vi skal verve flere medlemmer.'),
      p('• Skolere', { bullet: true }),
      table([['Område', 'Nåsituasjon', 'Utfordringer kort sikt'], ['Verving', 'Bra', 'Svak']]),
      p('Etter tabellen.'),
    ];
    expect(textToBlocks(text)).toStrictEqual(expected);
  });

  it('reads a table of blank-separated chunks in place', () => {
    const text = ['Innledning.', 'Område Nåsituasjon Utfordringer kort sikt', '', 'Verving', '', 'Bra', '', 'Svak', '', '', '', 'Etter.'].join('\n');
    // The source's header line is kept as the table's header label: the table's own header is the reader's.
    expect(textToBlocks(text)).toStrictEqual([
      p('Innledning.'),
      { kind: 'paragraph', text: 'Område Nåsituasjon Utfordringer kort sikt', tableHeader: true },
      table([['Område', 'Nåsituasjon', 'Utfordringer kort sikt'], ['Verving', 'Bra', 'Svak']]),
      p('Etter.'),
    ]);
  });

  it('starts a new paragraph at a tab-led line that is no table', () => {
    expect(textToBlocks('Vi skal verve og\n\tinnrykket tekst')).toStrictEqual([p('Vi skal verve og'), p('innrykket tekst')]);
  });

  it('counts blank lines between lines, from zero after each line', () => {
    expect(textToBlocks('Vi skal\n\n\nverve')).toStrictEqual([p('Vi skal'), p('verve')]);
    expect(textToBlocks('Vi skal\n\nverve')).toStrictEqual([p('Vi skal verve')]);
    expect(textToBlocks('Først.\n\n\nVi skal\nverve')).toStrictEqual([p('Først.'), p('Vi skal verve')]);
    expect(textToBlocks('Vi skal\n\t\n\t\nverve')).toStrictEqual([p('Vi skal'), p('verve')]);
  });

  it('decodes the bytes before reading them', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from('Verve\r\nflere.', 'utf16le')]);
    expect(extractTxt(bytes)).toStrictEqual([p('Verve flere.')]);
    expect(extractTxt(new Uint8Array(0))).toStrictEqual([]);
  });
});
