/**
 * Unit tests of the tab-led cell table of Word text dumps (src/import/extract/txt-cells.ts).
 */
import { describe, expect, it } from 'vitest';
import type { ParagraphBlock } from '../../src/import/blocks.ts';
import { readCellTable } from '../../src/import/extract/txt-cells.ts';
import { toTxtLines } from '../../src/import/extract/txt-lines.ts';

const p = (text: string): ParagraphBlock => ({ kind: 'paragraph', text });
const bullet = (text: string): ParagraphBlock => ({ kind: 'paragraph', text, bullet: true });

const read = (source: string, start = 0) => readCellTable(toTxtLines(source), start);
const rowsOf = (source: string, start = 0) => read(source, start)?.table.rows ?? null;

describe('readCellTable', () => {
  it('reads tab-led rows separated by one blank line, and where the table ends', () => {
    const source = ['\tHovudmål', '\tLokale mål', '', '\tAuke talet', '\tVerve 20', 'Etter tabellen'].join('\n');
    const result = read(source);
    expect(result?.table.kind).toBe('table');
    expect(result?.table.rows).toStrictEqual([
      [[p('Hovudmål')], [p('Lokale mål')]],
      [[p('Auke talet')], [p('Verve 20')]],
    ]);
    expect(result?.end).toBe(5);
  });

  it('ends at the blank line after the last row when prose follows it', () => {
    const result = read(['\tA', '\tB', '', '\tC', '\tD', '', 'Prosa'].join('\n'));
    expect(result?.table.rows).toHaveLength(2);
    expect(result?.end).toBe(5);
  });

  it('runs to the end of the lines', () => {
    const source = ['\tA', '\tB', '', '\tC', '\tD'].join('\n');
    expect(read(source)?.end).toBe(5);
  });

  it('starts at the given line', () => {
    const source = ['Innleiing', '', '\tA', '\tB', '', '\tC', '\tD', 'Slutt'].join('\n');
    const result = read(source, 2);
    expect(result?.table.rows).toStrictEqual([
      [[p('A')], [p('B')]],
      [[p('C')], [p('D')]],
    ]);
    expect(result?.end).toBe(7);
  });

  it('reads a line of two tabs as a further paragraph of the cell above', () => {
    const source = ['\tMål', '\tTiltak', '', '\tAuke talet', '\tVerve', '\t\tHalde kurs', '\t\tBesøkje klubbar'].join('\n');
    expect(rowsOf(source)).toStrictEqual([
      [[p('Mål')], [p('Tiltak')]],
      [[p('Auke talet')], [p('Verve'), p('Halde kurs'), p('Besøkje klubbar')]],
    ]);
  });

  it('reads a line of two tabs that opens a row as a cell of its own', () => {
    const source = ['\t\tA', '\tB', '', '\tC', '\tD'].join('\n');
    expect(rowsOf(source)).toStrictEqual([
      [[p('A')], [p('B')]],
      [[p('C')], [p('D')]],
    ]);
  });

  it('reads a lone tab as an empty cell', () => {
    const source = ['\tTariffmakt', '\tAuke talet', '\tVerve', '', '\t', '\tAuke dekninga', '\tKurs'].join('\n');
    expect(rowsOf(source)).toStrictEqual([
      [[p('Tariffmakt')], [p('Auke talet')], [p('Verve')]],
      [[], [p('Auke dekninga')], [p('Kurs')]],
    ]);
  });

  it('marks bulleted cell paragraphs, and only those', () => {
    const source = ['\tMål', '\t• Verve 20', '\t\t- Halde kurs', '', '\tAnna', '\tVanleg tekst'].join('\n');
    expect(rowsOf(source)).toStrictEqual([
      [[p('Mål')], [bullet('• Verve 20'), bullet('- Halde kurs')]],
      [[p('Anna')], [p('Vanleg tekst')]],
    ]);
  });

  it('stops at a line that is not tab-led', () => {
    const source = ['\tA', '\tB', '', '\tC', '\tD', 'Prosa', '\tE', '\tF'].join('\n');
    const result = read(source);
    expect(result?.table.rows).toHaveLength(2);
    expect(result?.end).toBe(5);
  });

  it('stops at two blank lines in a row', () => {
    const source = ['\tA', '\tB', '', '\tC', '\tD', '', '', '\tE', '\tF'].join('\n');
    const result = read(source);
    expect(result?.table.rows).toHaveLength(2);
    expect(result?.end).toBe(5);
  });

  it.each([
    ['a single row', ['\tA', '\tB', 'Prosa']],
    ['a single row ended by a blank line', ['\tA', '\tB', '', 'Prosa']],
    ['rows parted by two blank lines', ['\tA', '\tB', '', '', '\tC', '\tD']],
    ['width 1', ['\tA', '', '\tB', '', '\tC']],
    ['rows of unequal width', ['\tA', '\tB', '', '\tC']],
    ['a wider later row', ['\tA', '\tB', '', '\tC', '\tD', '\tE']],
    ['a start line that is not tab-led', ['Prosa', '\tA', '\tB', '', '\tC', '\tD']],
    ['a blank start line', ['', '\tA', '\tB', '', '\tC', '\tD']],
    ['no lines', []],
  ])('is null for %s', (_why, lines) => {
    expect(read(lines.join('\n'))).toBeNull();
  });

  it('is null when the start is past the last line', () => {
    expect(read('\tA\n\tB\n\n\tC\n\tD', 9)).toBeNull();
  });
});
