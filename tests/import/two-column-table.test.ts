/**
 * The handlingsplan template's two-column goal table in Word: 'Nasjonale mål | <union> mål' as the
 * header row, then each national goal beside the union's goals. A real .docx made with `docx`.
 */
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { importPlan } from '../../src/import/index';

const cell = (texts: string[]) => new TableCell({ children: texts.map((text) => new Paragraph({ text })) });
const row = (left: string[], right: string[]) => new TableRow({ children: [cell(left), cell(right)] });

async function templateDocx(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: 'Handlingsplan 2026–2027 for Fagforbundet Testdal', heading: HeadingLevel.TITLE }),
          new Paragraph({ text: '1. Tariffmakt og organisasjonsbygging', heading: HeadingLevel.HEADING_1 }),
          new Table({
            rows: [
              row(['Nasjonale mål 2026–2027'], ['Fagforbundet Testdal sine mål']),
              row(['Øke organisasjonsgraden i kommunal sektor og i Spekter helse'], ['Organisasjonsgraden i Testdal kommune skal øke med 2 prosent.', 'Vi skal verve 60 nye medlemmer innen utgangen av 2027.']),
              row(['Øke tallet på yrkesaktive medlemmer med 1,5 prosent årlig'], ['Minst 4 vervekampanjer per år.']),
            ],
          }),
          new Paragraph({ text: '2. Heltid, likelønn og kampen for mindre forskjeller', heading: HeadingLevel.HEADING_1 }),
          new Table({
            rows: [
              row(['Hovedmål'], ['Lokale mål']),
              row(['Flere arbeidsgivere, spesielt innen helse og omsorg, har startet arbeidet med å etablere en heltidskultur'], ['Alle HTV skal ha heltidskultur som tema på minst ett møte med arbeidsgiver hvert år.']),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('two-column goal tables in Word', () => {
  it('should list the left column as national goals and place the right column under them', async () => {
    const draft = await importPlan(await templateDocx(), 'testdal.docx');
    expect(draft.areas.map((a) => a.title)).toEqual(['Tariffmakt og organisasjonsbygging', 'Heltid, likelønn og kampen for mindre forskjeller']);
    const [first, second] = draft.areas;
    expect(first?.nationalGoals).toEqual([
      'Øke organisasjonsgraden i kommunal sektor og i Spekter helse',
      'Øke tallet på yrkesaktive medlemmer med 1,5 prosent årlig',
    ]);
    expect(first?.localGoals.map((g) => [g.nationalGoal, g.text])).toEqual([
      ['Øke organisasjonsgraden i kommunal sektor og i Spekter helse', 'Organisasjonsgraden i Testdal kommune skal øke med 2 prosent.'],
      ['Øke organisasjonsgraden i kommunal sektor og i Spekter helse', 'Vi skal verve 60 nye medlemmer innen utgangen av 2027.'],
      ['Øke tallet på yrkesaktive medlemmer med 1,5 prosent årlig', 'Minst 4 vervekampanjer per år.'],
    ]);
    expect(first?.localGoals[1]).toMatchObject({ measure: { value: 60, per: null }, due: '2027-12' });
    expect(first?.localGoals[2]?.measure).toMatchObject({ value: 4, per: 'year' });
    expect(second?.nationalGoals).toHaveLength(1);
    expect(second?.localGoals.map((g) => g.text)).toEqual(['Alle HTV skal ha heltidskultur som tema på minst ett møte med arbeidsgiver hvert år.']);
    // The column headers are template text, never goals, and nothing is left unplaced.
    const texts = draft.areas.flatMap((a) => a.localGoals.map((g) => g.text));
    expect(texts).not.toContain('Fagforbundet Testdal sine mål');
    expect(texts).not.toContain('Lokale mål');
    expect(draft.unplaced).toEqual([]);
  });
});
