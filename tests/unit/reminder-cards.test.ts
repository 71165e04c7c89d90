import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as AC from 'adaptivecards';
import { makeGoal } from '../support/factories';
import type { LocalGoal } from '../../src/domain/plan';
import { groupByGoal, reminderMarker, type Reminder, type ReminderPost, type ReminderReason } from '../../src/domain/reminders';
import {
  buildReminderCards,
  CARD_TARGETS,
  cardProblems,
  ENVELOPE_BYTES,
  MAX_TASK_LINES,
  mentionName,
  planText,
  type CardTarget,
  type ReminderCardContext,
} from '../../src/cards/reminder-cards';

const kari = { id: '11111111-1111-1111-1111-111111111111', displayName: 'Kari Nordmann' };
const ola = { id: '22222222-2222-2222-2222-222222222222', displayName: 'Ola Nesse' };

const members = makeGoal('1', {
  kind: 'measured',
  text: 'Øke medlemstallet med 125',
  measure: { unit: 'medlemmer', baseline: null, target: 125, current: null },
  due: '2026-06-30',
  owners: [kari, ola],
});

function ctx(goals: readonly LocalGoal[], over: Partial<ReminderCardContext> = {}): ReminderCardContext {
  return {
    plan: { id: 'p', language: 'nb', periodFrom: 2026, periodTo: 2027 },
    goals,
    areas: [{ id: 'a1', title: 'Organisasjon og medlemmer' }],
    checkIns: [{ id: 'c1', planId: 'p', goalId: '1', date: '2026-03-01', value: 40, comment: '', author: null }],
    today: '2026-06-16',
    goalLink: (id) => `https://teams.microsoft.com/l/entity/app/handlingsplan?context=${encodeURIComponent(JSON.stringify({ subEntityId: `goal:${id}` }))}`,
    reportLink: (id) => `https://teams.microsoft.com/l/entity/app/handlingsplan?context=${encodeURIComponent(JSON.stringify({ subEntityId: `checkin:${id}` }))}`,
    ...over,
  };
}

const reminder = (goalId: string, reason: ReminderReason, key = `${goalId}:${reason.kind}`): Reminder => ({
  key,
  series: `${goalId}:s`,
  goalId,
  rule: reason.kind.startsWith('task') ? 'task' : reason.kind.startsWith('occurrence') ? 'recurring' : reason.kind === 'noCheckIn' ? 'nudge' : 'deadline',
  day: '2026-06-16',
  reason,
});

const goalPost = (r: Reminder[]): ReminderPost => ({ kind: 'goal', goal: { goalId: r[0]!.goalId, reminders: r } });

/** Every string in a card's JSON under the given element types. */
function textsOf(node: unknown, types: readonly string[], inside = false, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) textsOf(n, types, inside, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    const here = inside || types.includes(String(o.type));
    if (here && typeof o.text === 'string') out.push(o.text);
    for (const [k, v] of Object.entries(o)) if (k !== 'msteams') textsOf(v, types, here, out);
  }
  return out;
}

describe('a goal reminder card', () => {
  const soon = reminder('1', { kind: 'dueSoon', due: '2026-06-30', leadDays: 14 });

  it('should show the headline, the goal, its owners as mentions, status, progress, deadline, area and both actions', () => {
    const [card, ...rest] = buildReminderCards(goalPost([soon]), ctx([members]), 'graph');
    expect(rest).toEqual([]);
    expect(card!.card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    const blocks = textsOf(card!.card.body, ['TextBlock']);
    expect(blocks[0]).toBe('Frist om 14 dager (30. juni 2026)');
    expect(blocks).toContain('**Ansvarlig:** <at>Kari Nordmann</at>, <at>Ola Nesse</at>');
    const runs = textsOf(card!.card.body, ['RichTextBlock']).join('|');
    expect(runs).toContain('Øke medlemstallet med 125');
    expect(runs).toContain('Status:| Forsinket · ');
    expect(runs).toContain(' 40 av 125 medlemmer');
    expect(runs).toContain('Område:| Organisasjon og medlemmer');
    expect(card!.card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Åpne i planen', url: ctx([]).goalLink('1') },
      { type: 'Action.OpenUrl', title: 'Rapporter fremdrift', url: ctx([]).reportLink('1') },
    ]);
    expect(card!.card.msteams).toEqual({
      width: 'Full',
      entities: [
        { type: 'mention', text: '<at>Kari Nordmann</at>', mentioned: { id: kari.id, name: 'Kari Nordmann' } },
        { type: 'mention', text: '<at>Ola Nesse</at>', mentioned: { id: ola.id, name: 'Ola Nesse' } },
      ],
    });
    expect(card!.mentions).toEqual([{ id: kari.id, name: 'Kari Nordmann' }, { id: ola.id, name: 'Ola Nesse' }]);
    expect(card!.keys).toEqual(['1:dueSoon']);
    expect(card!.summary).toBe('Påminnelse: Øke medlemstallet med 125');
    expect(card!.bytes).toBe(new TextEncoder().encode(JSON.stringify(card!.card)).length);
    expect(cardProblems(card!.card, AC.Versions.v1_5)).toEqual([]);
  });

  it('should write in the plan language, nynorsk and English too', () => {
    const head = (language: 'nb' | 'nn' | 'en', r: Reminder) => textsOf(buildReminderCards(goalPost([r]), ctx([members], { language }), 'graph')[0]!.card.body, ['TextBlock'])[0];
    expect(head('nn', soon)).toBe('Frist om 14 dagar (30. juni 2026)');
    expect(head('en', soon)).toBe('Due in 14 days (30 Jun 2026)');
    const late = reminder('1', { kind: 'overdue', due: '2026-06-15', round: 1 });
    expect(head('nb', late)).toBe('1 dag over fristen (frist 15. juni 2026)');
    expect(head('en', reminder('1', { kind: 'dueToday', due: '2026-06-16' }))).toBe('Due today (16 Jun 2026)');
    // A reminder moved to the working day before its day speaks of the days really left.
    expect(head('nb', reminder('1', { kind: 'dueToday', due: '2026-06-17' }))).toBe('Frist i morgen (17. juni 2026)');
  });

  it('should speak of recurring activities, silence and Planner tasks', () => {
    const meetings = makeGoal('2', { kind: 'recurring', text: 'Fire medlemsmøter i året', recurrence: { count: 4, per: 'year' } });
    const at = (r: Reminder, goal: LocalGoal = meetings, today = '2026-06-23') =>
      textsOf(buildReminderCards(goalPost([r]), ctx([goal], { today, checkIns: [] }), 'graph')[0]!.card.body, ['TextBlock', 'RichTextBlock']);
    expect(at(reminder('2', { kind: 'occurrenceSoon', occurrence: 2, required: 4, done: 1, by: '2026-06-30', periodStart: '2026-01-01' }))[0]).toBe('1 av 4 gjennomført i 2026; neste innen 30. juni 2026');
    expect(at(reminder('2', { kind: 'occurrenceMissed', occurrence: 1, required: 4, done: 0, by: '2026-03-31', periodStart: '2026-01-01' }))[0]).toBe(
      'Nr. 1 av 4 i 2026 skulle vært gjennomført innen 31. mars 2026; 0 gjennomført',
    );
    const monthly = { ...meetings, recurrence: { count: 1, per: 'month' as const } };
    expect(at(reminder('2', { kind: 'occurrenceMissed', occurrence: 1, required: 1, done: 0, by: '2026-05-31', periodStart: '2026-05-01' }), monthly)[0]).toContain('i mai 2026');
    expect(at(reminder('2', { kind: 'noCheckIn', since: '2026-01-01', weeks: 6, round: 1 }), meetings, '2026-02-12')[0]).toBe('Ingen fremdrift rapportert ennå (6 uker)');
    expect(at(reminder('2', { kind: 'noCheckIn', since: '2026-03-02', weeks: 6, round: 1 }), meetings, '2026-04-13')[0]).toBe('Ingen fremdrift rapportert siden 2. mars 2026');
    const task = at(reminder('2', { kind: 'taskLate', taskId: 't', title: 'Bestill lokale', due: '2026-06-10' }));
    expect(task).toContain('Oppgave i Planner over fristen (frist 10. juni 2026):');
    expect(task).toContain(' Bestill lokale');
  });

  it('should list at most the set number of tasks and count the rest', () => {
    const tasks = Array.from({ length: MAX_TASK_LINES + 3 }, (_, i) => reminder('1', { kind: 'taskDue', taskId: `t${i}`, title: `Oppgave ${i}`, due: '2026-06-19' }, `k${i}`));
    const [card] = buildReminderCards(goalPost(tasks), ctx([members]), 'graph');
    const texts = textsOf(card!.card.body, ['TextBlock', 'RichTextBlock']);
    expect(texts.filter((t) => t.startsWith(' Oppgave '))).toHaveLength(MAX_TASK_LINES);
    expect(texts).toContain('og 3 oppgaver til');
    expect(card!.keys).toHaveLength(MAX_TASK_LINES + 3);
    // Every reminder's marker is in the card, the counted ones too.
    const json = JSON.stringify(card!.card);
    for (const key of card!.keys) expect(json).toContain(`"id":"${reminderMarker('p', key)}"`);
  });

  it('should say that nobody is responsible, without mentions', () => {
    const [card] = buildReminderCards(goalPost([soon]), ctx([{ ...members, owners: [] }]), 'graph');
    expect(textsOf(card!.card.body, ['TextBlock'])).toContain('Ingen er ansvarlig ennå');
    expect(card!.card.msteams).toEqual({ width: 'Full', entities: [] });
  });

  it('should give no card for a goal that is gone, and leave out actions without links', () => {
    expect(buildReminderCards(goalPost([reminder('9', { kind: 'dueToday', due: '2026-06-16' })]), ctx([members]), 'graph')).toEqual([]);
    const [card] = buildReminderCards(goalPost([soon]), ctx([members], { goalLink: () => null, reportLink: () => null }), 'graph');
    expect(card!.card.actions).toBeUndefined();
  });

  it('should use version 1.4 for Workflows and pass the parser there', () => {
    const [card] = buildReminderCards(goalPost([soon]), ctx([members]), 'workflow');
    expect(card!.card.version).toBe('1.4');
    expect(cardProblems(card!.card, AC.Versions.v1_4)).toEqual([]);
  });
});

describe('escaping text from the plan', () => {
  const hostile = '**Fet** _kursiv_ [klikk](https://evil.example) <at>Kari Nordmann</at> # Overskrift\n- punkt\u0007 ![x](https://evil.example/x.png)';

  it('should keep Markdown, links and mention markup in a goal as literal text', () => {
    const goal = { ...members, text: hostile, owners: [{ id: kari.id, displayName: 'Kari *Boss* <at>Nordmann</at>' }] };
    const [card] = buildReminderCards(goalPost([reminder('1', { kind: 'dueSoon', due: '2026-06-30', leadDays: 14 })]), ctx([goal], { areas: [{ id: 'a1', title: '[Område](https://evil.example)' }] }), 'graph');
    const json = card!.card;
    // Plan text only ever in TextRuns, which Adaptive Cards never read as Markdown.
    const blocks = textsOf(json.body, ['TextBlock']);
    for (const t of blocks) {
      expect(t).not.toContain('evil');
      expect(t).not.toContain('Fet');
    }
    const runs = textsOf(json.body, ['RichTextBlock']);
    expect(runs).toContain('**Fet** _kursiv_ [klikk](https://evil.example) <\u200Bat>Kari Nordmann<\u200B/at> # Overskrift\n- punkt ![x](https://evil.example/x.png)');
    expect(runs).toContain(' [Område](https://evil.example)');
    // The owner's name loses what could change the markup; its mention still matches.
    expect(blocks).toContain('**Ansvarlig:** <at>Kari Boss atNordmann/at</at>');
    expect(json.msteams).toEqual({ width: 'Full', entities: [{ type: 'mention', text: '<at>Kari Boss atNordmann/at</at>', mentioned: { id: kari.id, name: 'Kari Boss atNordmann/at' } }] });
    expect(cardProblems(json, AC.Versions.v1_5)).toEqual([]);
  });

  it('should cap long text and drop control characters', () => {
    expect(planText('a\u0000b\u001Fc\td\ne')).toBe('abc\td\ne');
    expect(planText('x'.repeat(20), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(planText('x'.repeat(10), 10)).toBe('x'.repeat(10));
    expect(planText('</AT> <At')).toBe('<\u200B/AT> <\u200BAt');
    expect(mentionName('  [Kari]  (Nordmann) ')).toBe('Kari Nordmann');
    expect(mentionName('<>')).toBe('?');
  });
});

describe('digests', () => {
  const many = Array.from({ length: 120 }, (_, i) =>
    makeGoal(String(i + 1), { text: `Mål ${i + 1}: ${'verve flere medlemmer på arbeidsplassene '.repeat(8)}`, due: '2026-06-30', owners: [i % 2 ? kari : ola], sortOrder: i }),
  );
  const reminders = many.map((g) => reminder(g.id, { kind: 'overdue', due: '2026-06-30', round: 1 }, `${g.id}:late1`));

  it('should split a digest into numbered cards under the size limit, never cutting a goal', () => {
    for (const target of ['graph', 'workflow', 'bot'] as const) {
      const cards = buildReminderCards({ kind: 'digest', goals: groupByGoal(reminders), cause: 'cadence' }, ctx(many, { today: '2026-07-06' }), target);
      const limit = CARD_TARGETS[target].maxBytes - ENVELOPE_BYTES;
      if (target !== 'bot') expect(cards.length).toBeGreaterThan(1);
      expect(cards.flatMap((c) => c.keys)).toEqual(reminders.map((r) => r.key));
      cards.forEach((c, i) => {
        expect(c.bytes).toBeLessThanOrEqual(limit);
        const title = textsOf(c.card.body, ['TextBlock'])[0];
        expect(title).toBe(cards.length > 1 ? `120 mål å følge opp (del ${i + 1} av ${cards.length})` : '120 mål å følge opp');
        expect(cardProblems(c.card, CARD_TARGETS[target].version)).toEqual([]);
        expect(c.summary).toBe('Påminnelser: 120 mål å følge opp');
      });
      // Each part is as full as it can be: the next goal would not have fitted.
      if (cards.length > 1) expect(cards[0]!.bytes).toBeGreaterThan(limit * 0.9);
    }
  });

  it('should explain a digest made because many came due at once, and mention each owner once', () => {
    const [card] = buildReminderCards({ kind: 'digest', goals: groupByGoal(reminders.slice(0, 4)), cause: 'many' }, ctx(many, { today: '2026-07-06' }), 'graph');
    expect(textsOf(card!.card.body, ['TextBlock'])[1]).toBe('Flere påminnelser kom samtidig og er samlet her.');
    expect(card!.mentions).toEqual([{ id: ola.id, name: 'Ola Nesse' }, { id: kari.id, name: 'Kari Nordmann' }]);
    expect((card!.card.msteams as { entities: unknown[] }).entities).toHaveLength(2);
    // Each goal carries its own actions in the digest.
    expect(JSON.stringify(card!.card)).toContain('"type":"ActionSet"');
  });
});

describe('every card the code can produce', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'å', ' ', '*', '_', '[', ']', '(', ')', '<', '>', '#', '\n', '\\', '@', 'at', '/', '\u0001', '😀'), maxLength: 400 });
  const reason: fc.Arbitrary<ReminderReason> = fc.oneof(
    fc.record({ kind: fc.constant('dueSoon' as const), due: fc.constantFrom('2026-06-30', '2026-07-01'), leadDays: fc.integer({ min: 1, max: 30 }) }),
    fc.record({ kind: fc.constant('overdue' as const), due: fc.constantFrom('2026-05-01', '2026-06-15'), round: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ kind: fc.constant('occurrenceSoon' as const), occurrence: fc.integer({ min: 1, max: 12 }), required: fc.integer({ min: 1, max: 12 }), done: fc.integer({ min: 0, max: 12 }), by: fc.constant('2026-06-30'), periodStart: fc.constant('2026-01-01') }),
    fc.record({ kind: fc.constant('noCheckIn' as const), since: fc.constantFrom('2026-01-01', '2026-04-01'), weeks: fc.integer({ min: 1, max: 26 }), round: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ kind: fc.constantFrom('taskDue' as const, 'taskLate' as const), taskId: fc.uuid(), title: text, due: fc.constant('2026-06-20') }),
  );

  it('should pass the adaptivecards parser without warnings and fit its path, in every language', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ text, owner: fc.option(text, { nil: null }), reasons: fc.array(reason, { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom<CardTarget>('graph', 'bot', 'workflow'),
        fc.constantFrom('nb' as const, 'nn' as const, 'en' as const),
        fc.boolean(),
        (specs, target, language, digest) => {
          const goals = specs.map((s, i) => makeGoal(String(i + 1), { text: s.text, owners: s.owner === null ? [] : [{ id: `0000000${i}-0000-0000-0000-000000000000`, displayName: s.owner }], due: '2026-06-30' }));
          const entries = specs.map((s, i) => ({ goalId: String(i + 1), reminders: s.reasons.map((r, j) => reminder(String(i + 1), r, `${i}:${j}`)) }));
          const posts: ReminderPost[] = digest ? [{ kind: 'digest', goals: entries, cause: 'many' }] : entries.map((goal) => ({ kind: 'goal', goal }));
          const context = ctx(goals, { language, areas: [{ id: 'a1', title: specs[0]!.text }] });
          for (const post of posts) {
            for (const card of buildReminderCards(post, context, target)) {
              expect(cardProblems(card.card, CARD_TARGETS[target].version)).toEqual([]);
              expect(card.bytes).toBeLessThanOrEqual(CARD_TARGETS[target].maxBytes - ENVELOPE_BYTES);
              // Mention markup appears only for the goal's owners, once per entity.
              const entities = (card.card.msteams as { entities: Array<{ text: string }> }).entities;
              const blocks = textsOf(card.card.body, ['TextBlock']).join('\n');
              const ats = blocks.match(/<at>/g)?.length ?? 0;
              expect(ats).toBeGreaterThanOrEqual(entities.length);
              for (const e of entities) expect(blocks).toContain(e.text);
              const runs = textsOf(card.card.body, ['RichTextBlock']).join('\n');
              expect(runs).not.toMatch(/<\/?at/i);
              const json = JSON.stringify(card.card);
              for (const key of card.keys) expect(json).toContain(`"id":"${reminderMarker('p', key)}"`);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
