/**
 * Writing the roster as an .xlsx (src/import/roster/xlsx-write.ts, issue 13): one row per active
 * representative with the rollout steps as columns, formula injection neutralised, and a round trip
 * (write → read → plan against the same roster) that changes nothing.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_STEPS, REP_ROLES, stepDone, type Representative, type RepRole, type RolloutStep } from '../../src/domain/roster';
import { TARIFF_AREAS } from '../../src/domain/plan';
import { planRosterImport, readRosterFile, safeSheetName, writeRosterXlsx, type RosterExportLabels } from '../../src/import/roster/index';
import { xmlSafe } from '../../src/import/roster/xlsx-write';

function rep(id: string, over: Partial<Representative> = {}): Representative {
  return { id, name: `Rep ${id}`, email: `${id}@example.org`, role: 'ptv', area: 'KS', workplace: 'Alver sjukeheim', entraId: null, marks: {}, seen: {}, retired: false, ...over };
}

const STEP_HEADERS = { org365: 'Org365-konto', team: 'Medlem av teamet', teamsTraining: 'Teams-opplæring', klarAccess: 'KL*AR-tilgang', klarTraining: 'KL*AR-opplæring' };

const NB: RosterExportLabels = {
  headers: { name: 'Navn', email: 'E-post', role: 'Rolle', area: 'Tariffområde', workplace: 'Arbeidsplass', ...STEP_HEADERS },
  roles: { ptv: 'Plasstillitsvalgt (PTV)', ktv: 'Klubbtillitsvalgt (KTV)', htv: 'Hovedtillitsvalgt (HTV)', safety: 'Verneombud', board: 'Styremedlem', other: 'Annet' },
  areas: { KS: 'KS', Spekter: 'Spekter', NHO: 'NHO/privat', Stat: 'Staten', Oslo: 'Oslo kommune', Virke: 'Virke', Other: 'Annet' },
  yes: 'Ja',
  no: 'Nei',
  sheetName: 'Tillitsvalgte',
};
const NN: RosterExportLabels = {
  ...NB,
  headers: { ...NB.headers, name: 'Namn', workplace: 'Arbeidsstad', area: 'Tariffområde' },
  roles: { ptv: 'Plasstillitsvald', ktv: 'Klubbtillitsvald', htv: 'Hovudtillitsvald', safety: 'Verneombod', board: 'Styremedlem', other: 'Anna' },
  areas: { ...NB.areas, Stat: 'Staten', Other: 'Anna' },
  sheetName: 'Tillitsvalde',
};
const EN: RosterExportLabels = {
  headers: { name: 'Name', email: 'E-mail', role: 'Role', area: 'Bargaining area', workplace: 'Workplace', ...STEP_HEADERS },
  roles: { ptv: 'Workplace representative (PTV)', ktv: 'Club representative (KTV)', htv: 'Chief representative (HTV)', safety: 'Safety representative', board: 'Board member', other: 'Other' },
  areas: { KS: 'KS', Spekter: 'Spekter', NHO: 'NHO/private', Stat: 'State', Oslo: 'City of Oslo', Virke: 'Virke', Other: 'Other' },
  yes: 'Yes',
  no: 'No',
  sheetName: 'Representatives',
};

const done = (r: Representative, s: RolloutStep) => stepDone(r, s, null);

/** Every role and every area (and none), names and places that XML and CSV find awkward. */
function roster(): Representative[] {
  const reps: Representative[] = [];
  REP_ROLES.forEach((role: RepRole, i) => {
    [...TARIFF_AREAS, null].forEach((area, j) => {
      reps.push(
        rep(`r${i}-${j}`, {
          name: `${['Kåre', 'Æsa', 'Øyvind', 'Siri', 'Jon', 'Li'][i]} "Nordmann" & <sønn> ${j}`,
          email: `r${i}.${j}@fagforbundet.example`,
          role,
          area,
          workplace: j % 2 ? 'Alver sjukeheim, avd. 2' : '',
          entraId: j % 3 ? `e${i}${j}` : null,
          seen: j % 2 ? { team: '2026-01-03' } : {},
          marks: j % 4 === 0 ? { teamsTraining: { on: '2026-02-01', by: 'self' } } : {},
        }),
      );
    });
  });
  return reps;
}

const INJECTIONS = ['=HYPERLINK("http://evil.example","Klikk")', '+47 99 99 99 99', '-2+3+cmd|\' /C calc\'!A0', '@SUM(1+1)*cmd|\' /C calc\'!A0', '\t=1+1', '\r=1+1'];

/** The shared strings' texts, unescaped. */
function sharedStrings(xml: string): string[] {
  const entities: Record<string, string> = { '&quot;': '"', '&apos;': "'", '&#39;': "'", '&lt;': '<', '&gt;': '>', '&amp;': '&' };
  return [...xml.matchAll(/<t(?: [^>]*)?>([^<]*)<\/t>|<t\/>/g)].map((m) => (m[1] ?? '').replace(/&(?:quot|apos|#39|lt|gt|amp);/g, (e) => entities[e] ?? e));
}

async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

describe('the roster as .xlsx', () => {
  it('writes one row per active representative, the steps shown as columns with yes and no', async () => {
    const reps = [rep('a', { name: 'Anne', entraId: 'e-a', seen: { team: '2026-01-01' }, marks: { klarAccess: { on: '2026-01-05', by: 'board' } } }), rep('b', { name: 'Bo', retired: true }), rep('c', { name: 'Cato', area: null })];
    const steps = [...BUILT_IN_STEPS, { id: 'custom1', label: 'Kurs i HMS', kind: 'manual' as const, retired: false }, { id: 'old', label: 'Gammelt steg', kind: 'manual' as const, retired: true }];
    const bytes = await writeRosterXlsx({ reps, steps, stepDone: done, labels: NB });
    const sheet = await readRosterFile({ name: 'eksport.xlsx', bytes });
    expect(sheet.sheetName).toBe('Tillitsvalgte');
    expect(sheet.rows.map((r) => r.cells)).toEqual([
      { name: 'Anne', email: 'a@example.org', role: 'Plasstillitsvalgt (PTV)', area: 'KS', workplace: 'Alver sjukeheim' },
      { name: 'Cato', email: 'c@example.org', role: 'Plasstillitsvalgt (PTV)', area: '', workplace: 'Alver sjukeheim' },
    ]);
    const files = await parts(bytes);
    const strings = sharedStrings(files['xl/sharedStrings.xml'] ?? '');
    expect(strings.slice(0, 11)).toEqual(['Navn', 'E-post', 'Rolle', 'Tariffområde', 'Arbeidsplass', 'Org365-konto', 'Medlem av teamet', 'Teams-opplæring', 'KL*AR-tilgang', 'KL*AR-opplæring', 'Kurs i HMS']);
    expect(strings).not.toContain('Gammelt steg');
    expect(strings).not.toContain('Bo');
    // Anne: account and team yes (the stored facts), Teams training no, KL*AR access yes, KL*AR training no, the board's own step no.
    const sheetXml = files['xl/worksheets/sheet1.xml'] ?? '';
    const row2 = /<row r="2"[^>]*>(.*?)<\/row>/.exec(sheetXml)?.[1] ?? '';
    const values = [...row2.matchAll(/<v>(\d+)<\/v>/g)].map((m) => strings[Number(m[1])]);
    expect(values).toEqual(['Anne', 'a@example.org', 'Plasstillitsvalgt (PTV)', 'KS', 'Alver sjukeheim', 'Ja', 'Ja', 'Nei', 'Ja', 'Nei', 'Nei']);
    expect(/<row r="4"/.test(sheetXml)).toBe(false);
  });

  it('round trip: what it writes reads back as the same roster, all unchanged, in nb, nn and en', async () => {
    const reps = [...roster(), rep('gone', { retired: true })];
    for (const labels of [NB, NN, EN]) {
      const bytes = await writeRosterXlsx({ reps, steps: BUILT_IN_STEPS, stepDone: done, labels });
      const sheet = await readRosterFile({ name: 'roster.xlsx', bytes });
      const plan = planRosterImport(sheet, reps);
      expect(plan.rows).toHaveLength(reps.length - 1);
      expect(plan.rows.filter((r) => r.status !== 'unchanged')).toEqual([]);
      expect(plan.counts).toEqual({ new: 0, changed: 0, unchanged: reps.length - 1, error: 0 });
      expect(plan.missing).toEqual([]);
      expect(plan.canWrite).toBe(true);
    }
  });

  it('writes a cell that starts like a formula as text, never as a formula, and reads it back unchanged', async () => {
    const reps = INJECTIONS.map((name, i) => rep(`x${i}`, { name, workplace: INJECTIONS[(i + 1) % INJECTIONS.length] as string }));
    const bytes = await writeRosterXlsx({ reps, steps: BUILT_IN_STEPS, stepDone: done, labels: NB });
    const files = await parts(bytes);
    const sheetXml = files['xl/worksheets/sheet1.xml'] ?? '';
    const styles = files['xl/styles.xml'] ?? '';
    // No formula anywhere; every cell a shared string.
    expect(sheetXml).not.toMatch(/<f[ >/]/);
    const cells = [...sheetXml.matchAll(/<c ([^>]*)>/g)].map((m) => m[1] ?? '');
    expect(cells.length).toBe((reps.length + 1) * 10);
    for (const attrs of cells) expect(attrs).toMatch(/\bt="s"/);
    // Each cell's style: Text format (49) with quotePrefix, as Excel marks a typed leading apostrophe.
    const xfs = [...(/<cellXfs[^>]*>(.*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf ([^>]*?)\/?>/g)].map((m) => m[1] ?? '');
    for (const attrs of cells) {
      const style = Number(/\bs="(\d+)"/.exec(attrs)?.[1]);
      expect(xfs[style]).toMatch(/quotePrefix="1"/);
      expect(xfs[style]).toMatch(/numFmtId="49"/);
    }
    // The first fill is written as Excel writes it (the library's empty <fill/> is refused by some readers).
    expect(styles).toMatch(/<fills[^>]*><fill><patternFill patternType="none"/);
    // The values are kept exactly: no apostrophe added.
    const strings = sharedStrings(files['xl/sharedStrings.xml'] ?? '');
    for (const text of INJECTIONS.slice(0, 5)) expect(strings).toContain(text);
    expect(strings.some((t) => t.startsWith("'"))).toBe(false);
    const sheet = await readRosterFile({ name: 'x.xlsx', bytes });
    expect(sheet.rows.map((r) => r.cells.name)).toEqual(['=HYPERLINK("http://evil.example","Klikk")', '+47 99 99 99 99', "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", '=1+1', '=1+1']);
    expect(planRosterImport(sheet, reps).counts.unchanged).toBe(reps.length);
  });

  it('drops characters XML cannot carry, and makes a sheet name Excel accepts', async () => {
    expect(xmlSafe('Kari\u0000\u0007 Nord\u001fmann\ufffe\ud800')).toBe('Kari Nordmann');
    expect(xmlSafe('tab\there, 😀 and æøå')).toBe('tab\there, 😀 and æøå');
    expect(safeSheetName('Tillitsvalgte [2026]: Alver/Osterøy?*')).toBe('Tillitsvalgte 2026 Alver Osterø');
    expect(safeSheetName("'''")).toBe('Roster');
    expect(safeSheetName('')).toBe('Roster');
    const bytes = await writeRosterXlsx({ reps: [rep('a', { name: 'Kari\u0001 Nordmann' })], steps: [], stepDone: done, labels: { ...NB, sheetName: 'Liste: 2026/2027' } });
    const sheet = await readRosterFile({ name: 'x.xlsx', bytes });
    expect(sheet.sheetName).toBe('Liste 2026 2027');
    expect(sheet.rows[0]?.cells.name).toBe('Kari Nordmann');
  });

  it('writes the compressed workbook of a large roster, and reads it back', async () => {
    const reps = Array.from({ length: 2500 }, (_, i) => rep(`p${i}`, { name: `Person ${i}`, workplace: `Arbeidsplass ${i % 60}` }));
    const bytes = await writeRosterXlsx({ reps, steps: BUILT_IN_STEPS, stepDone: done, labels: EN });
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const methods = new Set<number>();
    for (let i = 0; i + 4 <= bytes.length; i++) if (view.getUint32(i, true) === 0x04034b50) methods.add(view.getUint16(i + 8, true));
    expect(methods).toEqual(new Set([8]));
    expect(bytes.length).toBeLessThan(400 * 1024);
    const plan = planRosterImport(await readRosterFile({ name: 'x.xlsx', bytes }), reps);
    expect(plan.counts.unchanged).toBe(2500);
  });
});
