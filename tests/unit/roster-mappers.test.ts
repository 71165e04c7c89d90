import { describe, expect, it } from 'vitest';
import { IssueCollector, goalFields, planFields, toGoal, toPlan, type ListItem } from '../../src/adapters/sharepoint/mappers';
import {
  confirmationFields,
  confirmationKey,
  fullRepFields,
  marksValue,
  repFields,
  seenValue,
  stagingOf,
  toConfirmation,
  toRepresentative,
  visibleRows,
} from '../../src/adapters/sharepoint/roster-mappers';

const row = (id: string, fields: Record<string, unknown>, extra: Partial<ListItem> = {}): ListItem => ({ id, eTag: `"${id},1"`, fields, ...extra });

describe('roster rows', () => {
  it('read a representative with Norwegian choice labels, the board’s marks and the days seen', () => {
    const rep = toRepresentative(
      row('7', {
        Title: 'Kari Eide',
        Email: ' kari.eide@fagforbundet.example ',
        RepRole: 'Verneombud',
        RepArea: 'NHO/privat',
        Workplace: 'Knarvik',
        EntraId: 'u-1',
        StepMarks: JSON.stringify({ klarTraining: { on: '2026-03-04' }, teamsTraining: { on: 'soon' }, bad: null }),
        StepsSeen: JSON.stringify({ org365: '2026-02-01', team: 5 }),
        Retired: true,
      }),
    );
    expect(rep).toEqual({
      id: '7',
      name: 'Kari Eide',
      email: 'kari.eide@fagforbundet.example',
      role: 'safety',
      area: 'NHO',
      workplace: 'Knarvik',
      entraId: 'u-1',
      marks: { klarTraining: { on: '2026-03-04', by: 'board' } },
      seen: { org365: '2026-02-01' },
      retired: true,
      etag: '"7,1"',
    });
  });

  it('read what was typed by hand in Lists as absent, never as an error', () => {
    const rep = toRepresentative(row('8', { Title: 'X', RepRole: 'Tillitsvalgt', RepArea: 'Mars', StepMarks: '{broken', StepsSeen: '[1,2]', Retired: 'yes' }));
    expect(rep).toMatchObject({ role: 'other', area: null, entraId: null, marks: {}, seen: {}, retired: false, email: '', workplace: '' });
    expect(toRepresentative({ id: '9' }).name).toBe('');
  });

  it('write only the fields given, and the full row for a staged copy', () => {
    expect(repFields({ name: ' Ola ', role: 'ktv', area: null, retired: false })).toEqual({ Title: 'Ola', RepRole: 'KTV', RepArea: null, Retired: false });
    expect(repFields({ email: ' a@b.no ', workplace: 'W', area: 'Spekter' })).toEqual({ Email: 'a@b.no', Workplace: 'W', RepArea: 'Spekter' });
    expect(repFields({ name: 'x'.repeat(300) }).Title).toHaveLength(255);
    expect(fullRepFields({ name: 'Ny', email: 'ny@x.no', role: 'ptv', area: 'KS', workplace: 'W' })).toEqual({ Title: 'Ny', Email: 'ny@x.no', RepRole: 'PTV', RepArea: 'KS', Workplace: 'W', Retired: false });
    const existing = toRepresentative(row('3', { Title: 'Old', Email: 'o@x.no', RepRole: 'HTV', EntraId: 'u3', StepMarks: JSON.stringify({ klarAccess: { on: '2026-01-02' } }), StepsSeen: JSON.stringify({ org365: '2026-01-01' }) }));
    expect(fullRepFields(existing)).toEqual({
      Title: 'Old',
      Email: 'o@x.no',
      RepRole: 'HTV',
      RepArea: null,
      Workplace: '',
      EntraId: 'u3',
      StepMarks: JSON.stringify({ klarAccess: { on: '2026-01-02' } }),
      StepsSeen: JSON.stringify({ org365: '2026-01-01' }),
      Retired: false,
    });
    expect(fullRepFields({ ...existing, entraId: null }).EntraId).toBe('');
  });

  it('store the board’s marks only, never a representative’s own confirmations', () => {
    expect(marksValue({ a: { on: '2026-01-01', by: 'board' }, b: { on: '2026-01-02', by: 'self' } })).toBe('{"a":{"on":"2026-01-01"}}');
    expect(marksValue({ b: { on: '2026-01-02', by: 'self' } })).toBe('');
    expect(seenValue({})).toBe('');
    expect(seenValue({ team: '2026-01-01' })).toBe('{"team":"2026-01-01"}');
  });
});

describe('an import’s staged rows', () => {
  const rows = [
    row('1', { Title: 'A' }),
    row('2', { Title: 'B' }),
    row('3', { Title: 'B2', ImportState: 'pending:imp', Replaces: '2' }),
    row('4', { Title: 'New', ImportState: 'pending:imp' }),
    row('5', { Title: 'Other', ImportState: 'pending:other', Replaces: '1' }),
    row('6', { Title: 'Odd', ImportState: 'something' }),
  ];

  it('are read from ImportState and Replaces', () => {
    expect(stagingOf(rows[2] as ListItem)).toEqual({ importId: 'imp', replaces: '2' });
    expect(stagingOf(rows[0] as ListItem)).toEqual({ importId: null, replaces: null });
  });

  it('count only once their import is published, and then stand in for the rows they replace', () => {
    expect(visibleRows(rows, null).map((r) => r.id)).toEqual(['1', '2', '6']);
    expect(visibleRows(rows, 'imp').map((r) => r.id)).toEqual(['1', '3', '4', '6']);
    expect(visibleRows(rows, 'other').map((r) => r.id)).toEqual(['2', '5', '6']);
  });
});

describe('own confirmations', () => {
  it('belong to the user SharePoint recorded as the creator', () => {
    const item = row('1', { StepId: 'klarTraining', DoneOn: '2026-04-30T22:00:00Z' }, { createdBy: { user: { id: 'u1', displayName: 'Ola' } } });
    expect(toConfirmation(item)).toEqual({ userId: 'u1', stepId: 'klarTraining', on: '2026-05-01' });
    expect(toConfirmation({ ...item, createdBy: undefined })).toBeNull();
    expect(toConfirmation(row('2', { DoneOn: '2026-05-01T12:00:00Z' }, { createdBy: { user: { id: 'u1' } } }))).toBeNull();
    expect(toConfirmation(row('3', { StepId: 'x' }, { createdBy: { user: { id: 'u1' } } }))).toBeNull();
    expect(confirmationFields('klarTraining', '2026-05-01')).toEqual({ Title: 'klarTraining', StepId: 'klarTraining', DoneOn: '2026-05-01T12:00:00Z' });
    expect(confirmationKey('u1', 's')).toBe('u1:s');
  });
});

describe('a goal’s start day and when items were created', () => {
  it('round-trips a start day, reports one that is no calendar day, and reads the store’s creation time', () => {
    const issues = new IssueCollector();
    expect(goalFields({ start: '2026-09-01' })).toEqual({ StartDate: '2026-09-01' });
    expect(goalFields({ start: null })).toEqual({ StartDate: '' });
    expect(goalFields({})).toEqual({});
    for (const bad of ['2026-09', '2026-02-30', '1.9.2026']) expect(() => goalFields({ start: bad })).toThrow(RangeError);
    const goal = toGoal(row('2', { GoalText: 'G', StartDate: '2026-09-01' }, { createdDateTime: '2026-08-30T10:00:00Z' }), issues);
    expect([goal.start, goal.created]).toEqual(['2026-09-01', '2026-08-30T10:00:00Z']);
    const plain = toGoal(row('3', { GoalText: 'G' }), issues);
    expect('start' in plain || 'created' in plain).toBe(false);
    expect(issues.issues).toEqual([]);
    expect(toPlan(row('1', { Title: 'U', PeriodFrom: 2026 }, { createdDateTime: '2026-03-01T09:00:00Z' }), issues).created).toBe('2026-03-01T09:00:00Z');
    for (const bad of ['2026-13-01', '2026-02-29', 'soon', '2026-9-1']) {
      const collector = new IssueCollector();
      expect('start' in toGoal(row('4', { GoalText: 'G', StartDate: bad }), collector)).toBe(false);
      expect(collector.issues.map((i) => [i.field, i.kind])).toEqual([['StartDate', 'invalidValue']]);
    }
  });
});

describe('the rollout on the plan and its goals', () => {
  it('round-trips the steps, the committed import and a goal’s rollout measure', () => {
    const issues = new IssueCollector();
    expect(planFields({ rolloutSteps: '[]', rosterImport: 'imp' })).toEqual({ RolloutSteps: '[]', RosterImport: 'imp' });
    expect(planFields({ rolloutSteps: null, rosterImport: null })).toEqual({ RolloutSteps: '', RosterImport: '' });
    expect(planFields({ rolloutSteps: [{ id: 'x' }] })).toEqual({ RolloutSteps: '[{"id":"x"}]' });
    const plan = toPlan(row('1', { Title: 'U', PeriodFrom: 2026, RolloutSteps: '[]', RosterImport: 'imp' }), issues);
    expect([plan.rolloutSteps, plan.rosterImport]).toEqual(['[]', 'imp']);
    expect(goalFields({ rollout: { stepId: 'klarTraining', roles: ['ktv'] } })).toEqual({ RolloutMeasure: '{"stepId":"klarTraining","roles":["ktv"]}' });
    expect(goalFields({ rollout: null })).toEqual({ RolloutMeasure: '' });
    const goal = toGoal(row('2', { GoalText: 'G', RolloutMeasure: '{"stepId":"team","roles":["ptv","nonsense"]}' }), issues);
    expect(goal.rollout).toEqual({ stepId: 'team', roles: ['ptv'] });
    expect('rollout' in toGoal(row('3', { GoalText: 'G' }), issues)).toBe(false);
    expect(issues.issues).toEqual([]);
    for (const bad of ['{', '{"stepId":""}', '{"stepId":"x","roles":"ptv"}', '[]']) {
      const collector = new IssueCollector();
      expect('rollout' in toGoal(row('4', { GoalText: 'G', RolloutMeasure: bad }), collector)).toBe(false);
      expect(collector.issues.map((i) => i.field)).toEqual(['RolloutMeasure']);
    }
  });
});
