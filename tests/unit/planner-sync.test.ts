import { describe, expect, it } from 'vitest';
import { goalFields, plannerCheckInKey, plannerCheckIns, syncGoal, type ObservedTask, type TaskLink } from '../../src/domain/planner-sync';
import { makeGoal } from '../support/factories';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const person = (id: string) => ({ id, displayName: id.slice(-1) });
const today = '2026-12-02';

function task(id: string, overrides: Partial<ObservedTask> = {}): ObservedTask {
  return { id, title: 'Verve 125 nye medlemmer', dueDay: '2027-06-30', assigneeIds: [A], percentComplete: 0, completedAt: null, completedBy: null, checklist: [], ...overrides };
}

const goal = makeGoal('7', { text: 'Verve 125 nye medlemmer', due: '2027-06', owners: [person(A)], kind: 'measured' });
const base = goalFields(goal);
const link = (taskId: string, main = true, b = base): TaskLink => ({ taskId, main, base: b });
const tasks = (...list: ObservedTask[]) => new Map(list.map((t) => [t.id, t]));

describe('check-ins from Planner', () => {
  it('records a ticked item of a recurring goal as one occurrence, dated and authored as Planner says', () => {
    const recurring = makeGoal('3', { kind: 'recurring', recurrence: { count: 4, per: 'year' } });
    const t = task('t1', {
      checklist: [
        { key: 'k1', title: 'Møte 1 av 4', isChecked: true, modifiedAt: '2026-03-10T09:00:00Z', modifiedBy: B },
        { key: 'k2', title: 'Møte 2 av 4', isChecked: false, modifiedAt: null, modifiedBy: null },
      ],
    });
    const out = plannerCheckIns(recurring, [t], [], today);
    expect(out).toEqual([
      {
        clientId: plannerCheckInKey('t1', 'item:k1'),
        goalId: '3',
        taskId: 't1',
        date: '2026-03-10',
        value: 1,
        actorId: B,
        event: { kind: 'checked', taskTitle: t.title, itemTitle: 'Møte 1 av 4' },
      },
    ]);
  });

  it('makes each event a check-in once, whatever is stored already or how often it is read', () => {
    const t = task('t1', { percentComplete: 100, completedAt: '2026-11-30T14:00:00Z', completedBy: C });
    const first = plannerCheckIns(goal, [t], [], today);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ date: '2026-11-30', actorId: C, value: null, event: { kind: 'completed' } });
    expect(plannerCheckIns(goal, [t], [{ clientId: first[0]?.clientId }], today)).toEqual([]);
    // Reopened and completed again later: a new event.
    const again = plannerCheckIns(goal, [{ ...t, completedAt: '2026-12-01T08:00:00Z' }], [{ clientId: first[0]?.clientId }], today);
    expect(again.map((c) => c.date)).toEqual(['2026-12-01']);
  });

  it('counts a milestone reached only when all its tasks are complete', () => {
    const milestone = makeGoal('5', { kind: 'milestone' });
    const done = task('t1', { percentComplete: 100, completedAt: '2026-10-01T10:00:00Z' });
    expect(plannerCheckIns(milestone, [done, task('t2')], [], today).map((c) => c.value)).toEqual([null]);
    expect(plannerCheckIns(milestone, [done, task('t2', { percentComplete: 100, completedAt: '2026-10-02T10:00:00Z' })], [], today).map((c) => c.value)).toEqual([1, 1]);
  });

  it('counts a completed recurring task without items as one occurrence, with items not again', () => {
    const recurring = makeGoal('3', { kind: 'recurring', recurrence: { count: 4, per: 'year' } });
    const plain = task('t1', { percentComplete: 100, completedAt: '2026-05-01T10:00:00Z' });
    expect(plannerCheckIns(recurring, [plain], [], today).map((c) => c.value)).toEqual([1]);
    const withItems = { ...plain, checklist: [{ key: 'k', title: 'Møte 1', isChecked: true, modifiedAt: '2026-04-01T10:00:00Z', modifiedBy: null }] };
    expect(plannerCheckIns(recurring, [withItems], [], today).map((c) => [c.event.kind, c.value])).toEqual([
      ['checked', 1],
      ['completed', null],
    ]);
  });

  it('records a changed percentage on the day of the sync, without an author', () => {
    const out = plannerCheckIns(goal, [task('t1', { percentComplete: 50 })], [], today);
    expect(out).toEqual([expect.objectContaining({ date: today, actorId: null, event: { kind: 'progress', taskTitle: 'Verve 125 nye medlemmer', percent: 50 } })]);
    expect(plannerCheckIns(goal, [task('t1')], [], today)).toEqual([]);
  });
});

describe('one goal’s sync', () => {
  it('sends the goal’s changed text, due day and owners to its own task, not to its activities', () => {
    const changed = { ...goal, text: 'Verve 150 nye medlemmer', due: '2027-09-15', owners: [person(A), person(B)] };
    const plan = syncGoal(changed, [link('t1'), link('t2', false)], tasks(task('t1'), task('t2', { title: 'Stand' })), [], today);
    expect(plan.taskChanges).toEqual([{ taskId: 't1', change: { title: 'Verve 150 nye medlemmer', dueDay: '2027-09-15', assigneeIds: [A, B] } }]);
    expect(plan.goalChange).toBeNull();
    expect(plan.conflicts).toEqual([]);
    expect(plan.links[0]?.base).toEqual(goalFields(changed));
    expect(plan.linksChanged).toBe(true);
  });

  it('brings a due day or assignees changed only in Planner back to the goal', () => {
    const plan = syncGoal(goal, [link('t1')], tasks(task('t1', { dueDay: '2027-08-31', assigneeIds: [B] })), [], today);
    expect(plan.goalChange).toEqual({ due: '2027-08-31', ownerIds: [B] });
    expect(plan.taskChanges).toEqual([]);
    expect(plan.links[0]?.base).toMatchObject({ dueDay: '2027-08-31', assigneeIds: [B] });
  });

  it('reports a field both sides changed differently and writes neither, until it is settled', () => {
    const changed = { ...goal, due: '2027-03' };
    const plan = syncGoal(changed, [link('t1')], tasks(task('t1', { dueDay: '2027-08-31' })), [], today);
    expect(plan.conflicts).toEqual([{ taskId: 't1', field: 'dueDay', goalValue: '2027-03-31', taskValue: '2027-08-31' }]);
    expect(plan.taskChanges).toEqual([]);
    expect(plan.goalChange).toBeNull();
    expect(plan.links[0]?.base?.dueDay).toBe(base.dueDay);
    // Reported again on the next sync.
    expect(syncGoal(changed, plan.links, tasks(task('t1', { dueDay: '2027-08-31' })), [], today).conflicts).toHaveLength(1);
  });

  it('settles a field both sides changed to the same value', () => {
    const changed = { ...goal, due: '2027-08-31' };
    const plan = syncGoal(changed, [link('t1')], tasks(task('t1', { dueDay: '2027-08-31' })), [], today);
    expect(plan.conflicts).toEqual([]);
    expect(plan.taskChanges).toEqual([]);
    expect(plan.links[0]?.base?.dueDay).toBe('2027-08-31');
  });

  it('does not take a Planner title back into a goal whose text was cut for the title', () => {
    const long = makeGoal('8', { text: `${'lang tekst '.repeat(40)}slutt`, owners: [person(A)] });
    const b = goalFields(long);
    const plan = syncGoal(long, [link('t1', true, b)], tasks(task('t1', { title: 'Kortere', dueDay: null })), [], today);
    expect(plan.goalChange).toBeNull();
    expect(plan.conflicts.map((c) => c.field)).toEqual(['title']);
  });

  it('does not take more than six assignees back into the goal', () => {
    const many = ['1', '2', '3', '4', '5', '6', '7'].map((n) => `00000000-0000-4000-8000-00000000000${n}`);
    const plan = syncGoal(goal, [link('t1')], tasks(task('t1', { assigneeIds: many })), [], today);
    expect(plan.goalChange).toBeNull();
    expect(plan.conflicts.map((c) => c.field)).toEqual(['assigneeIds']);
  });

  it('completes the task when the goal became done, and never reopens one completed in Planner', () => {
    const done = { ...goal, status: 'done' as const };
    expect(syncGoal(done, [link('t1')], tasks(task('t1')), [], today).taskChanges).toEqual([{ taskId: 't1', change: { completed: true } }]);
    const completedThere = task('t1', { percentComplete: 100, completedAt: '2026-11-01T10:00:00Z' });
    const plan = syncGoal(goal, [link('t1')], tasks(completedThere), [], today);
    expect(plan.taskChanges).toEqual([]);
    expect(plan.goalChange).toBeNull();
    expect(plan.checkIns.map((c) => c.event.kind)).toEqual(['completed']);
    // And the next sync does not reopen it either.
    expect(syncGoal(goal, plan.links, tasks(completedThere), [{ clientId: plan.checkIns[0]?.clientId }], today).taskChanges).toEqual([]);
  });

  it('unlinks a task deleted in Planner', () => {
    const plan = syncGoal(goal, [link('t1'), link('gone', false)], tasks(task('t1')), [], today);
    expect(plan.unlinked).toEqual(['gone']);
    expect(plan.links.map((l) => l.taskId)).toEqual(['t1']);
    expect(plan.linksChanged).toBe(true);
  });

  it('changes nothing when both sides hold what they held', () => {
    const plan = syncGoal(goal, [link('t1')], tasks(task('t1')), [], today);
    expect(plan).toMatchObject({ checkIns: [], taskChanges: [], goalChange: null, conflicts: [], unlinked: [], linksChanged: false });
  });

  it('takes the goal as the base of a task never synced', () => {
    const plan = syncGoal(goal, [{ taskId: 't1', main: true, base: null }], tasks(task('t1', { dueDay: '2027-01-31' })), [], today);
    expect(plan.goalChange).toEqual({ due: '2027-01-31' });
    expect(plan.linksChanged).toBe(true);
  });
});
