/**
 * Plans described as data, rendered in several layouts for the metamorphic tests: whatever the layout,
 * an import must give the same draft. Independent of the importer: documents are built with the
 * `docx` package and pdf-lib (through from-text.ts), text by hand; nothing here comes from src/import.
 */
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { docxFromBlocks, pdfFromBlocks, type SourceBlock, type SourceLine } from './from-text.ts';

export interface SpecGoal {
  readonly text: string;
  readonly measure?: { readonly value: number; readonly unit: string; readonly per: 'year' | 'month' | null };
  readonly due?: string;
}
export interface SpecNationalGoal {
  readonly text: string;
  readonly goals: readonly SpecGoal[];
}
export interface SpecArea {
  /** The template's title for the area, as the plan writes it. */
  readonly title: string;
  readonly nationalGoals: readonly SpecNationalGoal[];
  readonly strategies: readonly string[];
}
export interface PlanSpec {
  readonly union: string;
  readonly language: 'nb' | 'nn';
  readonly areas: readonly SpecArea[];
  /** The union's own section after the areas: its heading sentence (ending in ':') and goals. */
  readonly own: { readonly heading: string; readonly goals: readonly SpecGoal[] };
}

export interface Rendering {
  readonly name: string;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** The areas may come in another order than the spec's. */
  readonly reordered: boolean;
}

const labels = (lang: 'nb' | 'nn') =>
  lang === 'nb'
    ? { intro: 'Handlingsplanen beskriver Fagforbundets målsettinger for perioden 2026–2027.', nat: 'Nasjonale mål 2026–2027:', strat: 'Strategier 2026–2027:', area: 'Område', ours: 'Våre mål' }
    : { intro: 'Handlingsplanen skildrar Fagforbundet sine målsetjingar for perioden 2026–2027.', nat: 'Nasjonale mål 2026–2027:', strat: 'Strategiar 2026–2027:', area: 'Område', ours: 'Våre mål' };

const para = (text: string, indented = false): SourceBlock => {
  const line: SourceLine = { text, blanksBefore: 0, indented };
  return { kind: 'paragraph', line };
};

function intro(spec: PlanSpec): SourceBlock[] {
  return [para(spec.union), para('Handlingsplan 2026–2027'), para(labels(spec.language).intro)];
}

function ownBlocks(spec: PlanSpec): SourceBlock[] {
  return [para(spec.own.heading), ...spec.own.goals.map((g) => para(`• ${g.text}`))];
}

/** (a) Word headings with paragraphs and 'Nasjonale mål'/'Strategier' labels; numbered or not. */
async function headingsDocx(spec: PlanSpec, areas: readonly SpecArea[], numbered: boolean, firstNumber = 1): Promise<Uint8Array> {
  const l = labels(spec.language);
  const children: Paragraph[] = [
    new Paragraph({ text: spec.union, heading: HeadingLevel.TITLE }),
    new Paragraph({ text: 'Handlingsplan 2026–2027' }),
    new Paragraph({ text: l.intro }),
  ];
  areas.forEach((a, i) => {
    children.push(new Paragraph({ text: numbered ? `${firstNumber + i}. ${a.title}` : a.title, heading: HeadingLevel.HEADING_1 }));
    children.push(new Paragraph({ children: [new TextRun({ text: l.nat, bold: true })] }));
    for (const n of a.nationalGoals) children.push(new Paragraph({ text: n.text, bullet: { level: 0 } }));
    if (a.strategies.length > 0) {
      children.push(new Paragraph({ children: [new TextRun({ text: l.strat, bold: true })] }));
      for (const s of a.strategies) children.push(new Paragraph({ text: s, bullet: { level: 0 } }));
    }
    for (const n of a.nationalGoals) {
      if (n.goals.length === 0) continue;
      children.push(new Paragraph({ text: n.text, heading: HeadingLevel.HEADING_2 }));
      for (const g of n.goals) children.push(new Paragraph({ text: g.text }));
    }
  });
  children.push(new Paragraph({ text: spec.own.heading, heading: HeadingLevel.HEADING_1 }));
  for (const g of spec.own.goals) children.push(new Paragraph({ text: g.text, bullet: { level: 0 } }));
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

/** (b) Per area a heading, its strategies and a two-column table: national goal | the union's goals. */
function twoColumnBlocks(spec: PlanSpec): SourceBlock[] {
  const l = labels(spec.language);
  const out = intro(spec);
  spec.areas.forEach((a, i) => {
    out.push(para(`${i + 1}. ${a.title}`));
    if (a.strategies.length > 0) out.push(para(l.strat), ...a.strategies.map((s) => para(`• ${s}`)));
    const rows = [[['Nasjonale mål'], [l.ours]], ...a.nationalGoals.map((n) => [[n.text], n.goals.map((g) => g.text)])];
    out.push({ kind: 'table', table: { rows, columns: 2 } });
  });
  return [...out, ...ownBlocks(spec)];
}

/** The three-column table, one row per national goal, the area cell only on each area's first row. */
function threeColumnRows(spec: PlanSpec): string[][][] {
  const l = labels(spec.language);
  const rows: string[][][] = [[[l.area], ['Nasjonale mål'], [l.ours]]];
  spec.areas.forEach((a, i) =>
    a.nationalGoals.forEach((n, k) => rows.push([k === 0 ? [`${i + 1}. ${a.title}`] : [], [n.text], n.goals.map((g) => g.text)])),
  );
  return rows;
}

function threeColumnBlocks(spec: PlanSpec, longIntro = false): SourceBlock[] {
  // The introduction twice over (once as 'Innledning', once quoted under 'Strategiplan') fills page one.
  const text = spec.language === 'nb' ? INTRO_NB : INTRO_NN;
  const more = longIntro ? [...text, ...text].map((t) => para(t)) : [];
  return [...intro(spec), ...more, { kind: 'table', table: { rows: threeColumnRows(spec), columns: 3 } }, ...ownBlocks(spec)];
}

/** The template's introduction, so that the printed table runs over a page break. */
const INTRO_NB = [
  'Dette gir fagforeningene et toårig handlingsrom for å realisere målene, noe som gir et mer langsiktig perspektiv i planleggingen og påvirker vurderingen av hvilke mål som skal settes. Samtidig må planen ses i sammenheng med de årlige budsjettvedtakene.',
  'Handlingsplanen er årsmøtets oppdrag til fagforeningsstyret for kommende periode, og bygger på Fagforbundets Prinsipp- og Handlingsprogram, Organisasjonsprogrammet, Fagforbundets Strategiplan for 2026–2027, samt andre vedtak fattet i overordnede organer.',
  'Handlingsplanen er fagforeningsstyrets styringsverktøy, og skal blant annet bidra til at fagforeningen lykkes med å nå sine mål. Målene i handlingsplanen er formulert slik at det skal være mulig å måle om de vedtatte målsettingene er oppnådd.',
  'Handlingsplanen danner grunnlaget for fagforeningsstyrets utarbeidelse av strategier og tiltak i perioden. Kostnadene som følger av handlingsplanen konkretiseres i fagforeningens budsjett.',
  'Strategiplanen er landsstyrets prioritering av arbeidet i hele organisasjonen, og gir retning for Fagforbundets innsats i perioden 2026–2027.',
];
const INTRO_NN = [
  'Dette gir fagforeininga eit toårig handlingsrom for å realisere måla, noko som gir eit meir langsiktig perspektiv i planlegginga og påverkar vurderinga av kva mål som skal setjast. Samstundes må planen sjåast i samanheng med dei årlege budsjettvedtaka.',
  'Handlingsplanen er årsmøtet sitt oppdrag til fagforeiningsstyret for komande periode, og byggjer på Fagforbundet sitt Prinsipp- og Handlingsprogram, Organisasjonsprogrammet, Strategiplanen for 2026–2027, samt andre vedtak fatta i overordna organ.',
  'Handlingsplanen er fagforeininga sitt styringsverktøy, og skal mellom anna bidra til at fagforeininga lukkast med å nå sine mål. Måla i handlingsplanen er formulerte slik at det skal vere mogleg å måle om dei vedtekne målsetjingane er nådde.',
  'Handlingsplanen dannar grunnlaget for fagforeiningsstyret si utarbeiding av strategiar og tiltak i perioden. Kostnadane som følgjer av handlingsplanen vert konkretiserte i budsjettet til fagforeininga.',
  'Strategiplanen er landsstyret si prioritering av arbeidet i heile organisasjonen, og gir retning for innsatsen til Fagforbundet i perioden 2026–2027.',
];

/** (e) The three-column table as a text export flattens it: every cell paragraph on a line, row after row. */
function flattenedText(spec: PlanSpec): Uint8Array {
  const lines = [spec.union, 'Handlingsplan 2026–2027', labels(spec.language).intro, ''];
  for (const row of threeColumnRows(spec)) for (const cell of row) lines.push(...cell);
  lines.push('', spec.own.heading, ...spec.own.goals.map((g) => `- ${g.text}`), '');
  return new TextEncoder().encode(lines.join('\n'));
}

/** Every rendering of a plan. */
export async function renderings(spec: PlanSpec): Promise<Rendering[]> {
  const reversed = [...spec.areas].reverse();
  const title = `${spec.union} – Handlingsplan 2026–2027`;
  return [
    { name: 'headings', fileName: 'plan.docx', bytes: await headingsDocx(spec, spec.areas, true), reordered: false },
    { name: 'two-column table', fileName: 'plan.docx', bytes: await docxFromBlocks(twoColumnBlocks(spec)), reordered: false },
    { name: 'three-column table', fileName: 'plan.docx', bytes: await docxFromBlocks(threeColumnBlocks(spec)), reordered: false },
    { name: 'three-column table pdf', fileName: 'plan.pdf', bytes: await pdfFromBlocks(threeColumnBlocks(spec, true), title), reordered: false },
    { name: 'flattened table text', fileName: 'plan.txt', bytes: flattenedText(spec), reordered: false },
    { name: 'areas reordered', fileName: 'plan.docx', bytes: await headingsDocx(spec, reversed, true), reordered: true },
    { name: 'unnumbered', fileName: 'plan.docx', bytes: await headingsDocx(spec, spec.areas, false), reordered: false },
    { name: 'renumbered from 3', fileName: 'plan.docx', bytes: await headingsDocx(spec, spec.areas, true, 3), reordered: false },
  ];
}
