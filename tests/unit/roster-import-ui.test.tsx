// @vitest-environment jsdom
/**
 * The board's roster import and export (features/rollout/import, issue 13): the preview model
 * (statuses, per-row errors and changes as translated messages, what a save sends), the labels of
 * the three languages read back by the spreadsheet module, and the dialog: Save only when every row
 * can be written, one importId per attempt (a retry resends it), the roster changed since the
 * preview, access denied.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AccessDeniedError } from '../../src/domain/ports';
import { BUILT_IN_STEPS, stepDone, type Representative } from '../../src/domain/roster';
import { RosterChangedError, type RosterImportInput, type RosterPort, type RosterSnapshot } from '../../src/domain/roster-port';
import { RosterImportDialog } from '../../src/features/rollout/import/roster-import-dialog';
import {
  canSave,
  exportFileName,
  exportLabels,
  FILE_ERROR_KEYS,
  fileErrorMessage,
  importInputOf,
  importLabels,
  ROW_ERROR_KEYS,
  rowNotes,
} from '../../src/features/rollout/import/roster-import-model';
import { readRosterPlan } from '../../src/features/rollout/import/roster-file';
import { CATALOGUES, createI18n } from '../../src/i18n/catalogue';
import { planRosterImport, readRosterFile, ROSTER_FILE_ERROR_CODES, ROSTER_ROW_ERRORS, writeRosterXlsx, type RosterSheet } from '../../src/import/roster';
import type { Services } from '../../src/lib/services';
import { renderWithServices, stubResizeObserver } from '../support/render';

function rep(id: string, over: Partial<Representative> = {}): Representative {
  return { id, name: `Rep ${id}`, email: `${id}@example.org`, role: 'ptv', area: 'KS', workplace: 'Alver sjukeheim', entraId: null, marks: {}, seen: {}, retired: false, ...over };
}

const OLA = rep('ola', { name: 'Ola Nesse', email: 'ola@example.org', role: 'ktv', area: 'KS', workplace: 'Rådhuset', etag: '"1"' });
const GURI = rep('guri', { name: 'Guri Lie', email: 'guri@example.org', role: 'safety', area: null, workplace: 'Skulen' });
const ROSTER = [OLA, GURI];

const csv = (lines: string[]) => new TextEncoder().encode(lines.join('\r\n'));
const HEADER = 'Navn;E-post;Rolle;Tariffområde;Arbeidsplass';
const GOOD = ['Kari Nordmann;kari@example.org;KTV;KS;Alver sjukeheim', 'Per Hansen;per@example.org;Plasstillitsvalgt;;Alver skule', 'Ola Nesse;ola@example.org;HTV;KS;Rådhuset'];
const BAD = 'Feil Person;ikke-en-adresse;Sjef;Mars;Et sted';

const sheetOf = (lines: string[]) => readRosterFile({ name: 'tillitsvalgte.csv', bytes: csv(lines) });
const planOf = async (lines: string[], reps: readonly Representative[] = ROSTER) => planRosterImport(await sheetOf(lines), reps, { labels: importLabels() });

const nb = createI18n('nb');
const en = createI18n('en');

describe('roster import preview model', () => {
  it('gives every row error and file error a text in nb, nn and en', () => {
    for (const code of ROSTER_ROW_ERRORS) {
      for (const language of ['nb', 'nn', 'en'] as const) expect(CATALOGUES[language][ROW_ERROR_KEYS[code]]?.trim(), `${language} ${code}`).toBeTruthy();
    }
    for (const code of ROSTER_FILE_ERROR_CODES) {
      for (const language of ['nb', 'nn', 'en'] as const) {
        const { key, params } = fileErrorMessage(code, { limit: 5, rows: 6000 });
        expect(key).toBe(FILE_ERROR_KEYS[code]);
        expect(createI18n(language).t(key, params), `${language} ${code}`).not.toMatch(/[{}]/);
      }
    }
    expect(nb.t(...toArgs(fileErrorMessage('tooManyRows', { limit: 5000, rows: 6001 })))).toMatch(/^Filen har 6\s001 rader; høyst 5\s000/);
  });

  it('marks new, changed and bad rows, with each error translated and the change from and to', async () => {
    const plan = await planOf([HEADER, ...GOOD, BAD]);
    expect(plan.rows.map((r) => [r.rowNumber, r.status])).toEqual([
      [2, 'new'],
      [3, 'new'],
      [4, 'changed'],
      [5, 'error'],
    ]);
    expect(plan.counts).toEqual({ new: 2, changed: 1, unchanged: 0, error: 1 });
    expect(canSave(plan)).toBe(false);

    const bad = plan.rows[3];
    if (!bad) throw new Error('no row');
    expect(rowNotes(bad, nb.t).map((n) => n.key)).toEqual(['rosterImport.error.badEmail', 'rosterImport.error.unknownRole', 'rosterImport.error.unknownArea']);
    const changed = plan.rows[2];
    if (!changed) throw new Error('no row');
    expect(rowNotes(changed, nb.t).map((n) => nb.t(n.key, n.params))).toEqual(['rolle: KTV → HTV']);
    expect(rowNotes(changed, en.t).map((n) => en.t(n.key, n.params))).toEqual(['role: KTV → HTV']);
    expect(plan.rows[0] && rowNotes(plan.rows[0], nb.t)).toEqual([]);
    // Guri is not in the file: listed, not retired.
    expect(plan.missing.map((r) => r.id)).toEqual(['guri']);
  });

  it('names the other rows of a duplicated address, and the fields a changed row changes', async () => {
    const plan = await planOf([HEADER, GOOD[0] ?? '', 'Kari N;KARI@example.org;KTV;KS;x', 'Kari 3;kari@example.org ;KTV;KS;y']);
    const notes = plan.rows.map((row) => rowNotes(row, nb.t).map((n) => nb.t(n.key, n.params)));
    expect(notes).toEqual([['Samme e-postadresse står på rad 3, 4.'], ['Samme e-postadresse står på rad 2, 4.'], ['Samme e-postadresse står på rad 2, 3.']]);

    const retired = rep('per', { name: 'Per Hansen', email: 'per@example.org', role: 'ptv', area: 'Stat', workplace: 'Alver skule', retired: true });
    const back = await planOf([HEADER, 'Per Hansen;per@example.org;PTV;;Alver skule'], [retired]);
    expect(back.rows[0]?.status).toBe('changed');
    expect(back.rows[0] && rowNotes(back.rows[0], nb.t).map((n) => nb.t(n.key, n.params))).toEqual(['tariffområde: Stat → –', 'blir aktiv igjen']);
  });

  it('sends the new rows and the updated representatives under the attempt’s importId', async () => {
    const plan = await planOf([HEADER, ...GOOD]);
    expect(canSave(plan)).toBe(true);
    const input = importInputOf(plan, 'import-1');
    expect(input.importId).toBe('import-1');
    expect(input.added).toEqual([
      { name: 'Kari Nordmann', email: 'kari@example.org', role: 'ktv', area: 'KS', workplace: 'Alver sjukeheim' },
      { name: 'Per Hansen', email: 'per@example.org', role: 'ptv', area: null, workplace: 'Alver skule' },
    ]);
    expect(input.changed).toEqual([{ ...OLA, role: 'htv' }]);
    // Only unchanged rows: nothing to save.
    const same = await planOf([HEADER, 'Ola Nesse;ola@example.org;KTV;KS;Rådhuset']);
    expect(same.canWrite).toBe(true);
    expect(canSave(same)).toBe(false);
  });

  it('exports with labels that read back unchanged in every language', async () => {
    const reps = [OLA, GURI, rep('x', { role: 'other', area: 'Oslo' }), rep('y', { role: 'board', area: 'Other' })];
    for (const language of ['nb', 'nn', 'en'] as const) {
      const bytes = await writeRosterXlsx({ reps, steps: BUILT_IN_STEPS, stepDone: (r, s) => stepDone(r, s, null), labels: exportLabels(language) });
      const plan = planRosterImport(await readRosterFile({ name: 'x.xlsx', bytes }), reps, { labels: importLabels() });
      expect(plan.counts, language).toEqual({ new: 0, changed: 0, unchanged: 4, error: 0 });
    }
    expect(exportLabels('nb').headers).toMatchObject({ name: 'Navn', klarTraining: 'Kurs i KL*AR', org365: 'Org365-konto' });
  });

  it('names the download after the team, without characters a file system refuses', () => {
    expect(exportFileName('Fagforbundet Alver', nb.t)).toBe('Fagforbundet Alver tillitsvalgte.xlsx');
    expect(exportFileName('A/B: "C"', createI18n('nn').t)).toBe('A B C tillitsvalde.xlsx');
    expect(exportFileName('Team', en.t)).toBe('Team representatives.xlsx');
  });

  it('reads a chosen file into a plan, or says why it cannot', async () => {
    const file = (name: string, bytes: Uint8Array) => ({ name, size: bytes.length, arrayBuffer: async () => bytes.slice().buffer });
    const ok = await readRosterPlan(file('t.csv', csv([HEADER, ...GOOD])), ROSTER, importLabels());
    expect(ok.ok && ok.plan.counts).toEqual({ new: 2, changed: 1, unchanged: 0, error: 0 });
    expect(await readRosterPlan(file('t.csv', new Uint8Array()), ROSTER, importLabels())).toEqual({ ok: false, code: 'empty', params: {} });
    expect(await readRosterPlan({ name: 'big.xlsx', size: 6 * 1024 * 1024, arrayBuffer: async () => new ArrayBuffer(0) }, ROSTER, [])).toEqual({ ok: false, code: 'tooLarge', params: { limit: 5 } });
    expect(await readRosterPlan(file('t.csv', csv(['a;b', '1;2'])), ROSTER, [])).toEqual({ ok: false, code: 'noHeader', params: {} });
    const broken = { name: 't.csv', size: 3, arrayBuffer: async () => Promise.reject(new Error('gone')) };
    expect(await readRosterPlan(broken, ROSTER, [])).toEqual({ ok: false, code: null, params: {} });
  });
});

function toArgs(m: { key: Parameters<typeof nb.t>[0]; params?: Parameters<typeof nb.t>[1] }): Parameters<typeof nb.t> {
  return [m.key, m.params];
}

const SNAPSHOT: RosterSnapshot = { reps: ROSTER, steps: BUILT_IN_STEPS, stepProblems: [], facts: null, accountNames: new Map(), plan: { id: 'p', etag: '"p"' }, updated: 0 };

function stubPort(over: Partial<RosterPort> = {}): RosterPort {
  return {
    refresh: vi.fn(async () => SNAPSHOT),
    add: vi.fn(),
    update: vi.fn(),
    setMark: vi.fn(),
    confirmOwn: vi.fn(),
    saveSteps: vi.fn(),
    importRoster: vi.fn(async (input: RosterImportInput, onProgress?: (done: number, total: number) => void) => {
      onProgress?.(input.added.length + input.changed.length, input.added.length + input.changed.length);
      return { added: input.added.length, changed: input.changed.length, resumed: false };
    }),
    invite: vi.fn(),
    ...over,
  } as RosterPort;
}

function setup(port: RosterPort, sheet: RosterSheet, plan: Awaited<ReturnType<typeof planOf>>) {
  const services = { roster: () => port, session: { today: () => '2026-05-04' } } as unknown as Services;
  const onClose = vi.fn();
  const onImported = vi.fn();
  renderWithServices(<RosterImportDialog teamId="team-1" fileName="tillitsvalgte.csv" sheet={sheet} initialPlan={plan} onClose={onClose} onImported={onImported} />, services);
  return { onClose, onImported };
}

beforeAll(stubResizeObserver);

afterEach(() => cleanup());

describe('RosterImportDialog', () => {
  it('shows counts, every row with its errors and the people missing from the file, and keeps Save off while a row is bad', async () => {
    const lines = [HEADER, ...GOOD, BAD];
    const port = stubPort();
    setup(port, await sheetOf(lines), await planOf(lines));
    const dialog = await screen.findByRole('dialog', { name: 'Kontroller importen' });
    const counts = within(dialog).getByTestId('roster-import-counts');
    expect(counts.textContent).toContain('2 nye');
    expect(counts.textContent).toContain('1 endret');
    expect(counts.textContent).toContain('1 med feil');
    const table = within(dialog).getByRole('table', { name: 'Radene i filen' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-status'))).toEqual(['new', 'new', 'changed', 'error']);
    expect(rows[2]?.textContent).toContain('rolle: KTV → HTV');
    expect(rows[3]?.textContent).toContain('Dette er ikke en gyldig e-postadresse.');
    expect(rows[3]?.textContent).toContain('Ukjent rolle');
    expect(rows[3]?.textContent).toContain('Ukjent tariffområde');
    expect(within(dialog).getByText('Rett radene med feil i filen og importer den på nytt. Ingenting lagres før alle radene kan leses.')).toBeTruthy();
    expect(within(dialog).getByTestId('roster-import-missing').textContent).toContain('Guri Lie (guri@example.org)');
    expect((within(dialog).getByRole('button', { name: 'Lagre' }) as HTMLButtonElement).disabled).toBe(true);
    expect(port.importRoster).not.toHaveBeenCalled();
  });

  it('saves once with one importId, resends the same importId after a failure, and reports what was saved', async () => {
    const lines = [HEADER, ...GOOD];
    let calls = 0;
    const importRoster = vi.fn(async (input: RosterImportInput, onProgress?: (done: number, total: number) => void) => {
      calls += 1;
      if (calls === 1) throw new Error('network');
      onProgress?.(3, 3);
      return { added: input.added.length, changed: input.changed.length, resumed: true };
    });
    const port = stubPort({ importRoster });
    const { onImported } = setup(port, await sheetOf(lines), await planOf(lines));
    const dialog = await screen.findByRole('dialog');
    const save = within(dialog).getByRole('button', { name: 'Lagre' });
    await userEvent.dblClick(save);
    expect(await within(dialog).findByText('Lista kunne ikke lagres. Prøv igjen: ingenting lagres to ganger.')).toBeTruthy();
    expect(importRoster).toHaveBeenCalledTimes(1);
    expect(onImported).not.toHaveBeenCalled();

    await userEvent.click(within(dialog).getByRole('button', { name: 'Prøv igjen' }));
    expect(await within(dialog).findByText('Lista er lagret: 2 nye, 1 endret.')).toBeTruthy();
    expect(importRoster).toHaveBeenCalledTimes(2);
    const [first, second] = importRoster.mock.calls.map((c) => c[0]);
    expect(first?.importId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toEqual(first);
    expect(onImported).toHaveBeenCalledTimes(1);
    expect(within(dialog).queryByRole('button', { name: 'Lagre' })).toBeNull();
  });

  it('says the roster changed since the preview, and previews the same file again against the roster as it is now', async () => {
    const lines = [HEADER, ...GOOD];
    const importRoster = vi.fn(async () => Promise.reject(new RosterChangedError()));
    // Meanwhile someone added Kari: her row is unchanged now.
    const kari = rep('kari', { name: 'Kari Nordmann', email: 'kari@example.org', role: 'ktv', area: 'KS', workplace: 'Alver sjukeheim' });
    const refresh = vi.fn(async () => ({ ...SNAPSHOT, reps: [...ROSTER, kari] }));
    const port = stubPort({ importRoster, refresh });
    setup(port, await sheetOf(lines), await planOf(lines));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    expect(await within(dialog).findByText(/Lista er endret etter denne forhåndsvisningen/)).toBeTruthy();
    expect((within(dialog).getByRole('button', { name: 'Lagre' }) as HTMLButtonElement).disabled).toBe(true);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Forhåndsvis på nytt' }));
    await waitFor(() => expect(within(dialog).getByTestId('roster-import-counts').textContent).toContain('1 ny'));
    expect(refresh).toHaveBeenCalledWith('2026-05-04', { write: true });
    expect(within(dialog).getByTestId('roster-import-counts').textContent).toContain('1 uendret');
    expect(within(dialog).queryByText(/Lista er endret/)).toBeNull();

    // A save after the new preview is a new attempt, with a new importId.
    importRoster.mockImplementation(async () => Promise.reject(new RosterChangedError()));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    await within(dialog).findByText(/Lista er endret/);
    const ids = importRoster.mock.calls.map((c: unknown[]) => (c[0] as RosterImportInput).importId);
    expect(new Set(ids).size).toBe(2);
  });

  it('says when the user may not change the roster', async () => {
    const lines = [HEADER, ...GOOD];
    const port = stubPort({ importRoster: vi.fn(async () => Promise.reject(new AccessDeniedError('roster', 'x'))) });
    setup(port, await sheetOf(lines), await planOf(lines));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    expect(await within(dialog).findByText('Du har ikke tilgang til å endre lista over tillitsvalgte. Bare styret kan importere.')).toBeTruthy();
  });
});
