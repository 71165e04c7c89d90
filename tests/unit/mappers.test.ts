import { describe, expect, it } from 'vitest';
import {
  IssueCollector,
  toComment,
  commentFields,
  areaFields,
  dateOnly,
  goalFields,
  isPending,
  planFields,
  situationFields,
  toArea,
  toGoal,
  toPlan,
  toSituationRow,
  checkInFields,
  toCheckIn,
} from '../../src/adapters/sharepoint/mappers';
import { LISTS, parseMarker, toColumnDefinition } from '../../src/adapters/sharepoint/schema';
import { matchLists } from '../../src/adapters/sharepoint/site-lists';
import type { LocalGoal } from '../../src/domain/plan';

const goal: Omit<LocalGoal, 'id' | 'etag'> = {
  planId: '1',
  areaId: '2',
  nationalGoal: 'Øke organisasjonsgraden',
  text: 'Verve 125 nye medlemmer',
  kind: 'measured',
  owners: [
    { id: '9eac2ecf-d749-5b51-ab14-7dcdf3193713', displayName: 'Kari Eide', email: 'kari.eide@fagforbundet.example' },
    { id: '62aa6ed1-425b-56f2-8ed7-3664e9fd7083', displayName: 'Ola Nesse', email: null },
  ],
  due: '2027-12',
  status: null,
  measure: { unit: 'medlemmer', baseline: null, target: 125, current: 40 },
  recurrence: null,
  tariffArea: 'KS',
  sortOrder: 10,
};

describe('goal mapping', () => {
  it('should round-trip a goal through list item fields', () => {
    const fields = goalFields(goal);
    const issues = new IssueCollector();
    const back = toGoal({ id: '7', eTag: '"x,1"', fields }, issues);
    expect(back).toMatchObject({ ...goal, id: '7', etag: '"x,1"' });
    expect(issues.issues).toEqual([]);
  });

  it('should store Norwegian choice labels that Microsoft Lists users read', () => {
    const fields = goalFields({ ...goal, status: 'atRisk', kind: 'recurring', recurrence: { count: 4, per: 'year' } });
    expect(fields.GoalStatus).toBe('I faresonen');
    expect(fields.GoalKind).toBe('Gjentakende');
    expect(fields.RecurrencePer).toBe('per år');
    expect(fields.TariffArea).toBe('KS');
  });

  it('should report a choice typed in Microsoft Lists that the app does not know, and carry on', () => {
    const issues = new IssueCollector();
    const back = toGoal({ id: '8', fields: { ...goalFields(goal), GoalStatus: 'Litt usikker' } }, issues);
    expect(back.status).toBeNull();
    expect(issues.issues).toEqual([{ list: 'goals', itemId: '8', field: 'GoalStatus', value: 'Litt usikker', kind: 'unknownChoice' }]);
  });

  it('should treat a deleted column as empty', () => {
    const fields: Record<string, unknown> = { ...goalFields(goal) };
    delete fields.Target;
    delete fields.MeasureUnit;
    const back = toGoal({ id: '9', fields }, new IssueCollector());
    expect(back.measure).toBeNull();
  });

  it('should cut the Title at 255 characters but keep the whole text', () => {
    const long = 'x'.repeat(400);
    const fields = goalFields({ ...goal, text: long });
    expect((fields.Title as string).length).toBe(255);
    expect(toGoal({ id: '1', fields }, new IssueCollector()).text).toBe(long);
  });

  it('should refuse an invalid due date on write and report it on read', () => {
    expect(() => goalFields({ due: '2027-13' })).toThrow(RangeError);
    const issues = new IssueCollector();
    expect(toGoal({ id: '1', fields: { ...goalFields(goal), DueDate: 'snart' } }, issues).due).toBeNull();
    expect(issues.issues[0]?.kind).toBe('invalidValue');
  });

  it('should store owners by Entra id in the indexed column, with names for display only', () => {
    const fields = goalFields(goal);
    expect(fields.OwnerIds).toBe('9eac2ecf-d749-5b51-ab14-7dcdf3193713;62aa6ed1-425b-56f2-8ed7-3664e9fd7083');
    expect(JSON.parse(fields.Owners as string)).toEqual([
      { id: '9eac2ecf-d749-5b51-ab14-7dcdf3193713', displayName: 'Kari Eide', email: 'kari.eide@fagforbundet.example' },
      { id: '62aa6ed1-425b-56f2-8ed7-3664e9fd7083', displayName: 'Ola Nesse', email: null },
    ]);
    expect(goalFields({ owners: [] })).toEqual({ OwnerIds: '', Owners: '' });
    // Six ids and their separators fit the 255 characters of an indexed text column; a seventh owner does not.
    const seven = Array.from({ length: 7 }, (_, i) => ({ id: `00000000-0000-4000-8000-00000000000${i}`, displayName: `P${i}` }));
    expect((goalFields({ owners: seven.slice(0, 6) }).OwnerIds as string).length).toBeLessThanOrEqual(255);
    expect(() => goalFields({ owners: seven })).toThrow(RangeError);
    expect(() => goalFields({ owners: [{ id: 'kari@org365.example', displayName: 'Kari' }] })).toThrow(RangeError);
  });

  it('should read owners from their ids, matching names by id and never by position', () => {
    const issues = new IssueCollector();
    const back = toGoal(
      {
        id: '5',
        fields: {
          ...goalFields(goal),
          // Someone reordered the ids in Microsoft Lists; a third id has no name; one entry is not an id.
          OwnerIds: '62aa6ed1-425b-56f2-8ed7-3664e9fd7083; 9EAC2ECF-D749-5B51-AB14-7DCDF3193713;b7d3c0a2-5e41-5f7a-9c2e-3a1d4f6b8e90;kari@x',
        },
      },
      issues,
    );
    expect(back.owners).toEqual([
      { id: '62aa6ed1-425b-56f2-8ed7-3664e9fd7083', displayName: 'Ola Nesse', email: null },
      { id: '9EAC2ECF-D749-5B51-AB14-7DCDF3193713', displayName: 'Kari Eide', email: 'kari.eide@fagforbundet.example' },
      { id: 'b7d3c0a2-5e41-5f7a-9c2e-3a1d4f6b8e90', displayName: '', email: null },
    ]);
    expect(issues.issues).toEqual([{ list: 'goals', itemId: '5', field: 'OwnerIds', value: 'kari@x', kind: 'invalidValue' }]);
  });

  it('should report an owner stored by user name only (an older list) until it is upgraded, and broken names JSON', () => {
    const issues = new IssueCollector();
    const legacy = toGoal({ id: '6', fields: { Title: 'Mål', OwnerUpn: 'kari@org365.example', OwnerName: 'Kari' } }, issues);
    expect(legacy.owners).toEqual([]);
    expect(issues.issues).toEqual([{ list: 'goals', itemId: '6', field: 'OwnerUpn', value: 'kari@org365.example', kind: 'legacyOwner' }]);
    const broken = new IssueCollector();
    const back = toGoal({ id: '7', fields: { Title: 'Mål', OwnerIds: '62aa6ed1-425b-56f2-8ed7-3664e9fd7083', Owners: '{not json' } }, broken);
    expect(back.owners).toEqual([{ id: '62aa6ed1-425b-56f2-8ed7-3664e9fd7083', displayName: '', email: null }]);
    expect(broken.issues.map((i) => [i.field, i.kind])).toEqual([['Owners', 'invalidValue']]);
  });

  it('should take authorship from createdBy as SharePoint recorded it, never from a field', () => {
    // An older list's AuthorUpn column, or a client that writes it, names someone else: it is ignored.
    const fields = { ...checkInFields({ planId: '1', goalId: '7', date: '2026-05-01', value: 3, comment: 'Møte', clientId: 'c1' }), AuthorUpn: 'someone.else@org365.example', AuthorName: 'Someone Else' };
    const createdBy = { user: { id: '62aa6ed1-425b-56f2-8ed7-3664e9fd7083', displayName: 'Ola Nesse' } };
    expect(toCheckIn({ id: '3', createdBy, fields }).author).toEqual({ id: '62aa6ed1-425b-56f2-8ed7-3664e9fd7083', displayName: 'Ola Nesse' });
    expect(toComment({ id: '4', createdBy, createdDateTime: '2026-05-01T10:00:00Z', fields: { CommentText: 'Hei', AuthorUpn: 'x@y' } })).toMatchObject({
      author: { id: '62aa6ed1-425b-56f2-8ed7-3664e9fd7083', displayName: 'Ola Nesse' },
      created: '2026-05-01T10:00:00Z',
    });
    // An item created by an app (no user) has no author.
    expect(toCheckIn({ id: '5', createdBy: { user: { displayName: 'SharePoint App' } }, fields }).author).toBeNull();
    // The app never writes authorship itself.
    expect(Object.keys(checkInFields({ planId: '1', goalId: '7', date: '2026-05-01', value: 3, comment: 'Møte', clientId: 'c1' }))).not.toContain('AuthorUpn');
    expect(Object.keys(commentFields({ planId: '1', goalId: '7', text: 'Hei', clientId: 'k' }))).not.toContain('AuthorUpn');
  });

  it('should map check-ins with their date only', () => {
    const fields = checkInFields({ planId: '1', goalId: '7', date: '2026-05-01', value: 3, comment: 'Møte', clientId: 'c1' });
    expect(toCheckIn({ id: '3', fields: { ...fields, CheckInDate: '2026-05-01T00:00:00Z' } })).toEqual({
      id: '3',
      planId: '1',
      goalId: '7',
      date: '2026-05-01',
      value: 3,
      comment: 'Møte',
      author: null,
      clientId: 'c1',
    });
  });
});

describe('Planner links', () => {
  const A = '9eac2ecf-d749-5b51-ab14-7dcdf3193713';
  const base = { title: 'Verve 125', dueDay: '2027-12-31', assigneeIds: [A], completed: false };

  it('should round-trip a plan’s Planner plan and buckets, and a goal’s tasks with their sync base', () => {
    const planner = { planId: 'xqQg5FS2LkCp935s-FIFm2QAFkHM', buckets: { '3': 'hsOf2dhOJkqyYYZEtdzDe2QAIUCR' } };
    const issues = new IssueCollector();
    expect(toPlan({ id: '1', fields: { Title: 'F', PeriodFrom: 2026, PeriodTo: 2027, ...planFields({ planner }) } }, issues).planner).toEqual(planner);
    const tasks = [
      { taskId: '01gzSlKkIUSUl6DF_EilrmQAKDhh', main: true, base },
      { taskId: '01gzSlKkIUSUl6DF_EilrmQAKDhi', main: false, base: null },
    ];
    expect(toGoal({ id: '7', fields: goalFields({ ...goal, tasks }) }, issues).tasks).toEqual(tasks);
    expect(issues.issues).toEqual([]);
    // Unlinking the last task clears the column; a goal without tasks has no `tasks` at all.
    expect(goalFields({ tasks: [] })).toEqual({ PlannerTasks: '' });
    expect('tasks' in toGoal({ id: '7', fields: goalFields(goal) }, issues)).toBe(false);
    expect(planFields({ planner: null })).toEqual({ PlannerPlanId: '', PlannerBuckets: '' });
  });

  it('should report unreadable Planner columns and skip entries that are not links', () => {
    const issues = new IssueCollector();
    expect(toGoal({ id: '7', fields: { ...goalFields(goal), PlannerTasks: '{broken' } }, issues).tasks).toBeUndefined();
    const mixed = JSON.stringify([{ taskId: 'ok_1', main: true, base: { title: 1 } }, { taskId: 'bad id with spaces' }, 'x', null]);
    expect(toGoal({ id: '8', fields: { ...goalFields(goal), PlannerTasks: mixed } }, issues).tasks).toEqual([{ taskId: 'ok_1', main: true, base: null }]);
    expect(toPlan({ id: '1', fields: { PeriodFrom: 2026, PlannerPlanId: 'bad id', PlannerBuckets: '{}' } }, issues).planner).toBeNull();
    expect(toPlan({ id: '2', fields: { PeriodFrom: 2026, PlannerPlanId: 'p_1', PlannerBuckets: '[1]' } }, issues).planner).toEqual({ planId: 'p_1', buckets: {} });
    expect(issues.issues.map((i) => [i.list, i.itemId, i.field])).toEqual([
      ['goals', '7', 'PlannerTasks'],
      ['plans', '1', 'PlannerPlanId'],
      ['plans', '2', 'PlannerBuckets'],
    ]);
  });

  it('should keep who did it in Planner on a check-in, apart from its author', () => {
    const fields = checkInFields({
      planId: '1',
      goalId: '7',
      date: '2026-05-01',
      value: 1,
      comment: 'Fullført i Planner',
      clientId: 'c1',
      via: { taskId: 't1', actor: { id: A, displayName: 'Kari Eide' } },
    });
    expect(fields).toMatchObject({ PlannerTaskId: 't1', ActorId: A, ActorName: 'Kari Eide' });
    const createdBy = { user: { id: '62aa6ed1-425b-56f2-8ed7-3664e9fd7083', displayName: 'Ola Nesse' } };
    expect(toCheckIn({ id: '3', createdBy, fields })).toMatchObject({ author: createdBy.user, via: { taskId: 't1', actor: { id: A, displayName: 'Kari Eide' } } });
    expect(toCheckIn({ id: '4', fields: { ...fields, ActorId: '' } }).via).toEqual({ taskId: 't1', actor: null });
  });
});

describe('plan import state and client keys', () => {
  const plan = { union: 'Fagforbundet Alver', periodFrom: 2026, periodTo: 2027, adoptedDate: null, language: 'nn' as const };

  it('should read an empty ImportState as a complete plan and a pending one as pending', () => {
    const fields = planFields(plan);
    expect(fields).not.toHaveProperty('ImportState');
    expect(toPlan({ id: '1', fields }, new IssueCollector()).importState).toBeNull();
    expect(toPlan({ id: '1', fields: { ...fields, ImportState: '' } }, new IssueCollector()).importState).toBeNull();
    expect(isPending({ id: '1', fields: { ...fields, ImportState: '' } })).toBe(false);
    const pending = { ...fields, ...planFields({ importState: 'pending:abc12345' }) };
    expect(pending.ImportState).toBe('pending:abc12345');
    expect(toPlan({ id: '2', fields: pending }, new IssueCollector()).importState).toBe('pending:abc12345');
    expect(isPending({ id: '2', fields: pending })).toBe(true);
    expect(planFields({ importState: null })).toEqual({ ImportState: '' });
  });

  it('should map ClientId on areas, goals and situation rows, and leave it out when there is none', () => {
    const area = { planId: '1', number: 1, title: 'Organisering', nationalGoals: [], strategies: [] };
    expect(toArea({ id: '4', fields: { ...areaFields(area), ClientId: 'imp:area:1' } }).clientId).toBe('imp:area:1');
    expect(toArea({ id: '4', fields: areaFields(area) })).not.toHaveProperty('clientId');
    expect(toGoal({ id: '5', fields: { ...goalFields(goal), ClientId: 'imp:goal:1.1' } }, new IssueCollector()).clientId).toBe('imp:goal:1.1');
    const row = { planId: '1', area: 'Lønn', now: '', shortTerm: '', longTerm: '', sortOrder: 10 };
    expect(toSituationRow({ id: '6', fields: { ...situationFields(row), ClientId: 'imp:situation:1' } }).clientId).toBe('imp:situation:1');
    expect(toSituationRow({ id: '6', fields: situationFields(row) })).not.toHaveProperty('clientId');
  });
});

describe('date-only columns', () => {
  it('should read the day SharePoint means whatever the site time zone', () => {
    expect(dateOnly('2026-05-01T00:00:00Z')).toBe('2026-05-01');
    expect(dateOnly('2026-04-30T22:00:00Z')).toBe('2026-05-01'); // Oslo summer time
    expect(dateOnly('2026-01-31T23:00:00Z')).toBe('2026-02-01'); // Oslo winter time
    expect(dateOnly('2026-05-01')).toBe('2026-05-01');
    expect(dateOnly('')).toBeNull();
  });
});

describe('list schema', () => {
  it('should give every list a versioned marker and ASCII internal column names', () => {
    for (const spec of Object.values(LISTS)) {
      expect(parseMarker(spec.description)).toEqual({ key: spec.key, version: spec.version });
      for (const column of spec.columns) expect(column.name).toMatch(/^[A-Za-z][A-Za-z0-9]{0,31}$/);
    }
  });

  it('should write Graph column definitions with one type facet', () => {
    expect(toColumnDefinition({ name: 'GoalStatus', displayName: 'Status', type: { kind: 'choice', choices: ['A'] } })).toMatchObject({
      name: 'GoalStatus',
      choice: { choices: ['A'] },
    });
  });

  it('should find lists by marker even when renamed, else by display name', () => {
    const found = matchLists([
      { id: 'a', displayName: 'Våre mål', description: 'x [handlingsplan:goals:v1]' },
      { id: 'b', displayName: 'Handlingsplan', description: '' },
    ]);
    expect(found.get('goals')).toEqual({ id: 'a', displayName: 'Våre mål', version: 1 });
    expect(found.get('plans')).toEqual({ id: 'b', displayName: 'Handlingsplan', version: 0 });
    expect(found.has('areas')).toBe(false);
  });
});

describe('schema version from columns', () => {
  it('is the current version with every column, else the version before the earliest missing addition', async () => {
    const { LISTS, versionOf } = await import('../../src/adapters/sharepoint/schema');
    const names = (key: keyof typeof LISTS, without: string[] = []) => new Set(LISTS[key].columns.map((c) => c.name).filter((n) => !without.includes(n)));
    expect(versionOf(LISTS.plans, names('plans'))).toBe(6);
    expect(versionOf(LISTS.plans, names('plans', ['RosterImport']))).toBe(5);
    expect(versionOf(LISTS.plans, names('plans', ['ReminderSettings']))).toBe(4);
    expect(versionOf(LISTS.goals, names('goals'))).toBe(6);
    expect(versionOf(LISTS.goals, names('goals', ['StartDate']))).toBe(5);
    expect(versionOf(LISTS.goals, names('goals', ['RolloutMeasure']))).toBe(4);
    expect(versionOf(LISTS.plans, names('plans', ['PlannerBuckets']))).toBe(3);
    expect(versionOf(LISTS.reminders, names('reminders'))).toBe(1);
    expect(versionOf(LISTS.plans, names('plans', ['ImportState']))).toBe(2);
    expect(versionOf(LISTS.goals, names('goals', ['PlannerTasks']))).toBe(3);
    expect(versionOf(LISTS.checkIns, names('checkIns'))).toBe(3);
    expect(versionOf(LISTS.checkIns, names('checkIns', ['ActorName']))).toBe(2);
    expect(versionOf(LISTS.plans, names('plans', ['ImportState', 'ClientId']))).toBe(1);
    expect(versionOf(LISTS.goals, names('goals', ['ClientId']))).toBe(1);
    expect(versionOf(LISTS.goals, names('goals', ['Target']))).toBe(0);
    expect(versionOf(LISTS.comments, names('comments'))).toBe(1);
    expect(versionOf(LISTS.comments, names('comments', ['ClientId']))).toBe(0);
  });
});
