/**
 * The report documents (src/reports): built in Node as the runner builds them, read back with
 * mammoth (as the importer reads .docx) and checked for their structure and words in bokmål,
 * nynorsk and English: the title, a Heading 1 per area, goals, owners, figures, status and result
 * words, the rule of the annual report, a repeating table header, the language and title in the
 * document's properties, and nothing fetched from outside.
 */
import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { strFromU8, unzipSync } from 'fflate';
import { makeGoal } from '../support/factories';
import type { Area, CheckIn, LocalGoal, PlanSnapshot } from '../../src/domain/plan';
import { annualReport, boardReport } from '../../src/domain/report';
import { annualReportContent, boardReportContent, boardReportPrefixes, type ReportContent } from '../../src/reports/content';
import { buildReportDocx } from '../../src/reports/docx';

const plan: PlanSnapshot['plan'] = { id: 'p', union: 'Testlaget 99', periodFrom: 2026, periodTo: 2027, adoptedDate: null, language: 'nb', created: '2026-01-05T09:00:00Z' };
const areas: Area[] = [
  { id: 'a1', planId: 'p', number: 1, title: 'Verving og synlighet', nationalGoals: [], strategies: [] },
  { id: 'a2', planId: 'p', number: 2, title: 'Skolering av tillitsvalgte', nationalGoals: [], strategies: [] },
];
const kari = { id: '11111111-1111-1111-1111-111111111111', displayName: 'Kari Testesen' };
const goals: LocalGoal[] = [
  makeGoal('1', { areaId: 'a1', text: 'Verve 200 nye medlemmer på sykehjemmene', kind: 'measured', due: '2026-12', owners: [kari], measure: { unit: 'medlemmer', baseline: 0, target: 200, current: null } }),
  makeGoal('2', { areaId: 'a1', text: 'Holde fire medlemsmøter i året', kind: 'recurring', recurrence: { count: 4, per: 'year' } }),
  makeGoal('3', { areaId: 'a2', text: 'Grunnkurs for alle nye plasstillitsvalgte', kind: 'milestone', due: '2026-09', created: '2026-11-20T10:00:00Z' }),
];
let seq = 0;
const checkIn = (goalId: string, date: string, value: number | null, comment = ''): CheckIn => ({ id: String(++seq), planId: 'p', goalId, date, value, comment, author: kari });
const checkIns = [
  checkIn('1', '2026-05-10', 60, 'Stand i kantina'),
  checkIn('1', '2026-11-25', 120, 'Vervekampanje i november'),
  checkIn('2', '2026-03-15', 1),
  checkIn('2', '2026-06-10', 1),
];
const snapshot = { plan, areas, goals, checkIns };

async function read(content: ReportContent): Promise<{ html: string; files: Record<string, string> }> {
  const bytes = await buildReportDocx(content);
  const { value: raw } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  // Intl puts no-break spaces in '50 %' and '36 000': compared as plain spaces.
  const html = raw.replace(/[\u00a0\u202f]/g, ' ');
  const files = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
  return { html, files };
}

const headings = (html: string, tag: 'h1' | 'h2') => [...html.matchAll(new RegExp(`<${tag}>(.*?)</${tag}>`, 'g'))].map((m) => m[1]);

describe('the board meeting report as .docx', () => {
  const report = boardReport(snapshot, { today: '2026-12-03', since: '2026-11-01' });

  it('has the title, a Heading 1 per area and the goals with owner, status and why, in bokmål', async () => {
    const content = boardReportContent(report, 'nb');
    expect(content.fileName).toBe('Styrerapport 2026-12-03.docx');
    const { html } = await read(content);
    expect(headings(html, 'h1')).toEqual(expect.arrayContaining(['Sammendrag', '1. Verving og synlighet', '2. Skolering av tillitsvalgte']));
    expect(headings(html, 'h2')).toEqual(expect.arrayContaining(['Mål', 'Endret siden 1. nov. 2026', 'I faresonen']));
    expect(html).toContain('Verve 200 nye medlemmer på sykehjemmene');
    expect(html).toContain('Kari Testesen');
    // 120 of 200 members with 11 of 12 months gone: behind, and why.
    expect(html).toContain('Forsinket');
    expect(html).toContain('120 av 200 medlemmer');
    expect(html).toContain('Rapportert 25. nov. 2026: Verve 200 nye medlemmer på sykehjemmene – verdi 120 medlemmer – «Vervekampanje i november» – av Kari Testesen');
    expect(html).toContain('Nytt mål: Grunnkurs for alle nye plasstillitsvalgte');
    expect(html).toContain('31. des. 2026 (om 28 dager)');
  });

  it('is written in nynorsk when asked', async () => {
    const content = boardReportContent(report, 'nn');
    const { html } = await read(content);
    expect(headings(html, 'h1')).toEqual(expect.arrayContaining(['Samandrag', '1. Verving og synlighet']));
    expect(html).toContain('Forseinka');
    expect(html).toContain('Endra sidan 1. nov. 2026');
    expect(html).toContain('Fristar dei neste 60 dagane');
    expect(html).not.toContain('Endret siden');
  });

  it('marks the table header to repeat, captions the table, and carries title and language in its properties', async () => {
    const { files } = await read(boardReportContent(report, 'en'));
    const document = files['word/document.xml'] ?? '';
    expect(document).toContain('<w:tblHeader');
    expect(document).toContain('<w:tblCaption w:val="Goals of 1. Verving og synlighet: owner, status, why and deadline"/>');
    expect(document).toMatch(/<w:pStyle w:val="Heading1"\/>/);
    expect(files['docProps/core.xml']).toContain('<dc:title>Board report: Testlaget 99</dc:title>');
    expect(files['docProps/core.xml']).toContain('<dc:language>en-GB</dc:language>');
    expect(files['word/styles.xml']).toContain('w:val="en-GB"');
    // Nothing outside the document: no external relationship, no image or font to fetch.
    expect(Object.values(files).join('\n')).not.toMatch(/TargetMode="External"/);
  });

  it('names board reports so that the last one can be found in every language', () => {
    expect(boardReportPrefixes()).toEqual(['Styrerapport', 'Board report']);
    expect(boardReportContent(report, 'en').fileName).toBe('Board report 2026-12-03.docx');
  });
});

describe('the annual report as .docx', () => {
  const report = annualReport(snapshot, { scope: 2026, today: '2027-01-15' });

  it('states the rule, and gives each goal its result and figures, in bokmål', async () => {
    const content = annualReportContent(report, 'nb');
    expect(content.fileName).toBe('Årsberetning 2026.docx');
    const { html, files } = await read(content);
    expect(headings(html, 'h1')).toEqual(expect.arrayContaining(['Slik vurderes målene', '1. Verving og synlighet', '2. Skolering av tillitsvalgte']));
    expect(html).toContain('Delvis oppnådd: minst halvparten (50 %)');
    expect(html).toContain('120 av 200 medlemmer');
    expect(html).toContain('Delvis oppnådd');
    expect(html).toContain('2026: 2 av 4 gjennomført');
    expect(html).toContain('Ikke oppnådd');
    expect(html).toContain('25. nov. 2026: «Vervekampanje i november» (Kari Testesen)');
    expect(files['docProps/core.xml']).toContain('<dc:language>nb-NO</dc:language>');
  });

  it('is written in nynorsk, with the whole period', async () => {
    const content = annualReportContent(annualReport(snapshot, { scope: 'period', today: '2027-01-15' }), 'nn');
    expect(content.fileName).toBe('Årsmelding 2026-2027.docx');
    const { html } = await read(content);
    expect(headings(html, 'h1')).toEqual(expect.arrayContaining(['Slik vert måla vurderte', '1. Verving og synlighet']));
    expect(html).toContain('Delvis nådd: minst halvparten (50 %)');
    // 2027's first meeting was not due by 15 January: the year is left out of the figures.
    expect(html).toContain('<p>2026: 2 av 4 gjennomførte</p>');
    expect(html).toContain('Dette stod i rapporteringane');
    expect(html).toMatch(/Årsmelding 2026–2027: Testlaget 99/);
  });

  it('is written in English with the figures due by the day judged for a goal due later', async () => {
    const later = annualReport({ ...snapshot, goals: [{ ...(goals[0] as LocalGoal), due: '2027-12' }] }, { scope: 2026, today: '2027-01-15' });
    const { html } = await read(annualReportContent(later, 'en'));
    expect(html).toContain('How the goals are judged');
    // Half the way (100 of 200) was due by the end of 2026; 120 reported: achieved for the year.
    expect(html).toContain('120 of 200 medlemmer; 100 was due by 31 Dec 2026');
    expect(html).toContain('Achieved');
  });
});
