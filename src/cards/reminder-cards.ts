/**
 * Reminder posts as Adaptive Cards, built with the `adaptivecards` object model (Microsoft's own
 * typed card model and parser, the one the host page renders with) rather than by hand, in the
 * plan's language.
 *
 * - Version: the highest each delivery path accepts: 1.5 for Graph channel messages and the bot
 *   (facts §9: Teams renders 1.5 or earlier), 1.4 for Workflows webhooks (facts §8).
 * - Size: each card stays under its path's limit (facts §8–9: about 28 KB for a channel post and a
 *   Workflows webhook, 100 KB for a bot message; the budget keeps room for the envelope). A digest
 *   that would not fit is split into numbered cards, never cut.
 * - Escaping: text that comes from the plan (goal and area texts, units, task titles) goes into
 *   `TextRun`s, which Adaptive Cards never read as Markdown, and mention markup in it is broken with
 *   a zero-width space, so nothing in a goal's text can bold, link or mention. The only Markdown
 *   block is the owners' line, whose `<at>` mentions are built here from their Entra ids (facts §9).
 */
import * as AC from 'adaptivecards';
import type { Area, CheckIn, LocalGoal, Plan } from '../domain/plan';
import { goalProgress, planStart, type GoalProgress } from '../domain/progress';
import { reminderMarker, type GoalReminders, type Reminder, type ReminderPost } from '../domain/reminders';
import { createI18n, type I18n, type Language } from '../i18n/catalogue';

/** How a card reaches the channel. */
export type CardTarget = 'graph' | 'bot' | 'workflow';

export const CARD_TARGETS: Readonly<Record<CardTarget, { readonly version: AC.Version; readonly maxBytes: number }>> = {
  graph: { version: AC.Versions.v1_5, maxBytes: 28 * 1024 },
  bot: { version: AC.Versions.v1_5, maxBytes: 100 * 1024 },
  workflow: { version: AC.Versions.v1_4, maxBytes: 28 * 1024 },
};

/** Bytes kept free under the limit for the message around the card (ids, mentions, summary). */
export const ENVELOPE_BYTES = 2 * 1024;
/** A goal's text is shown whole up to this many characters; the card links to the goal for the rest. */
export const MAX_GOAL_TEXT = 3000;
/** Planner tasks listed per goal; the rest are counted. */
export const MAX_TASK_LINES = 8;

export interface CardMention {
  /** Entra object id. */
  readonly id: string;
  /** The display name, as it appears between `<at>` and `</at>`. */
  readonly name: string;
}

/** One card to post: its JSON, whom it mentions, a plain-text summary and the reminders it carries. */
export interface ReminderCard {
  readonly card: Readonly<Record<string, unknown>>;
  readonly mentions: readonly CardMention[];
  readonly summary: string;
  readonly keys: readonly string[];
  readonly bytes: number;
}

export interface ReminderCardContext {
  readonly plan: Pick<Plan, 'id' | 'language' | 'periodFrom' | 'periodTo'>;
  readonly goals: readonly LocalGoal[];
  readonly areas: readonly Pick<Area, 'id' | 'title'>[];
  readonly checkIns: readonly CheckIn[];
  /** The local day of the run. */
  readonly today: string;
  /** Deep links: the goal in the plan, and the check-in on 'My goals' (null when none can be made). */
  readonly goalLink: (goalId: string) => string | null;
  readonly reportLink: (goalId: string) => string | null;
  /** The run that claimed the reminders (their markers name it); '' for a preview. */
  readonly runId?: string;
  /** The language to write in; the plan's by default. */
  readonly language?: Language;
}

const ZERO_WIDTH_SPACE = '\u200B';

/** Plan text made safe for a TextRun: mention markup broken, control characters dropped, length capped. */
export function planText(text: string, max = MAX_GOAL_TEXT): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const clean = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').replace(/<(\/?)(at)/gi, `<${ZERO_WIDTH_SPACE}$1$2`);
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}

/** A display name as mention text: no Markdown or markup characters, so it matches its entity as written. */
export function mentionName(name: string): string {
  const clean = name.replace(/[<>*_[\]()`~#\\|]/g, '').replace(/\s+/g, ' ').trim();
  return clean || '?';
}

function textBlock(text: string, options: { bold?: boolean; size?: AC.TextSize; subtle?: boolean } = {}): AC.TextBlock {
  const block = new AC.TextBlock(text);
  block.wrap = true;
  if (options.bold) block.weight = AC.TextWeight.Bolder;
  if (options.size !== undefined) block.size = options.size;
  if (options.subtle) block.isSubtle = true;
  return block;
}

/** A line of literal text runs: each part is [text, bold]. */
function runs(parts: ReadonlyArray<readonly [string, boolean]>): AC.RichTextBlock {
  const block = new AC.RichTextBlock();
  parts.forEach(([text, bold], i) => {
    const run = new AC.TextRun(i > 0 && !text.startsWith(' ') ? ` ${text}` : text);
    if (bold) run.weight = AC.TextWeight.Bolder;
    block.addInline(run);
  });
  return block;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function periodLabel(i18n: I18n, periodStart: string, per: 'year' | 'month'): string {
  return per === 'year' ? periodStart.slice(0, 4) : i18n.formatDate(periodStart.slice(0, 7));
}

/** The headline of one reminder, in our own words (no plan text). */
export function reminderHeadline(i18n: I18n, reminder: Reminder, today: string, goal: Pick<LocalGoal, 'recurrence'>, startDay: string): string {
  const r = reminder.reason;
  switch (r.kind) {
    case 'dueSoon':
    case 'dueToday':
    case 'overdue': {
      const days = daysBetween(today, r.due);
      if (days > 0) return i18n.t('reminders.card.dueIn', { days, date: i18n.formatDate(r.due) });
      if (days === 0) return i18n.t('reminders.card.dueToday', { date: i18n.formatDate(r.due) });
      return i18n.t('reminders.card.overdue', { days: -days, date: i18n.formatDate(r.due) });
    }
    case 'occurrenceSoon':
    case 'occurrenceMissed': {
      const period = periodLabel(i18n, r.periodStart, goal.recurrence?.per ?? 'year');
      const params = { done: i18n.formatNumber(r.done), required: r.required, occurrence: r.occurrence, period, date: i18n.formatDate(r.by) };
      return i18n.t(r.kind === 'occurrenceSoon' ? 'reminders.card.occurrenceSoon' : 'reminders.card.occurrenceMissed', params);
    }
    case 'noCheckIn': {
      // 'since' is the plan's first day when nobody has reported yet.
      const weeks = Math.floor(daysBetween(r.since, today) / 7);
      return r.since === startDay ? i18n.t('reminders.card.noCheckInYet', { weeks }) : i18n.t('reminders.card.noCheckIn', { date: i18n.formatDate(r.since) });
    }
    case 'taskDue':
      return i18n.t('reminders.card.taskDue', { date: i18n.formatDate(r.due) });
    case 'taskLate':
      return i18n.t('reminders.card.taskLate', { date: i18n.formatDate(r.due) });
  }
}

interface GoalSection {
  readonly elements: AC.CardElement[];
  readonly mentions: CardMention[];
  readonly goal: LocalGoal;
}

function progressLine(i18n: I18n, goal: LocalGoal, progress: GoalProgress): string {
  if (goal.kind === 'measured' && progress.target !== null) {
    return i18n.t('reminders.card.measure', { current: i18n.formatNumber(progress.current ?? goal.measure?.baseline ?? 0), target: i18n.formatNumber(progress.target), unit: planText(goal.measure?.unit ?? '', 100) }).trim();
  }
  if (progress.recurring) return i18n.t('reminders.card.recurringCount', { done: i18n.formatNumber(progress.recurring.done), required: progress.recurring.required });
  return i18n.formatPercent(progress.fraction);
}

function goalSection(i18n: I18n, entry: GoalReminders, ctx: ReminderCardContext, withActions: boolean): GoalSection | null {
  const goal = ctx.goals.find((g) => g.id === entry.goalId);
  if (!goal) return null;
  const progress = goalProgress(goal, ctx.checkIns, ctx.plan, ctx.today);
  const elements: AC.CardElement[] = [];
  const headlines = entry.reminders.filter((r) => r.rule !== 'task');
  // Each reminder's own element carries its marker as id, so a post can be found again (reminderMarker).
  for (const r of headlines) {
    const block = textBlock(reminderHeadline(i18n, r, ctx.today, goal, planStart(ctx.plan)), { bold: true });
    block.id = reminderMarker(ctx.plan.id, r.key, ctx.runId ?? '');
    elements.push(block);
  }
  elements.push(runs([[planText(goal.text), false]]));
  const tasks = entry.reminders.filter((r) => r.reason.kind === 'taskDue' || r.reason.kind === 'taskLate');
  tasks.forEach((r, i) => {
    if (r.reason.kind !== 'taskDue' && r.reason.kind !== 'taskLate') return;
    // Tasks past the listed ones are counted, and their markers ride on empty containers.
    const element: AC.CardElement = i < MAX_TASK_LINES ? runs([[reminderHeadline(i18n, r, ctx.today, goal, planStart(ctx.plan)), true], [planText(r.reason.title, 255), false]]) : new AC.Container();
    element.id = reminderMarker(ctx.plan.id, r.key, ctx.runId ?? '');
    elements.push(element);
  });
  if (tasks.length > MAX_TASK_LINES) elements.push(textBlock(i18n.t('reminders.card.moreTasks', { count: tasks.length - MAX_TASK_LINES }), { subtle: true }));
  const mentions = goal.owners.map((o) => ({ id: o.id, name: mentionName(o.displayName) }));
  elements.push(
    mentions.length > 0
      ? textBlock(`**${i18n.t('reminders.card.owners')}** ${mentions.map((m) => `<at>${m.name}</at>`).join(', ')}`)
      : textBlock(i18n.t('reminders.card.noOwner'), { subtle: true }),
  );
  const facts: Array<readonly [string, boolean]> = [
    [i18n.t('reminders.card.status'), true],
    [`${i18n.t(`status.${progress.status}`)} · `, false],
    [i18n.t('reminders.card.progress'), true],
    [progressLine(i18n, goal, progress), false],
  ];
  if (goal.due) facts.push([` · ${i18n.t('reminders.card.due')}`, true], [i18n.formatDate(goal.due), false]);
  elements.push(runs(facts));
  const area = ctx.areas.find((a) => a.id === goal.areaId);
  if (area) elements.push(runs([[i18n.t('reminders.card.area'), true], [planText(area.title, 255), false]]));
  if (withActions) {
    const actions = goalActions(i18n, goal.id, ctx);
    if (actions.length > 0) {
      const set = new AC.ActionSet();
      for (const a of actions) set.addAction(a);
      elements.push(set);
    }
  }
  return { elements, mentions, goal };
}

function goalActions(i18n: I18n, goalId: string, ctx: ReminderCardContext): AC.OpenUrlAction[] {
  const out: AC.OpenUrlAction[] = [];
  const open = ctx.goalLink(goalId);
  if (open) {
    const a = new AC.OpenUrlAction();
    a.title = i18n.t('reminders.card.open');
    a.url = open;
    out.push(a);
  }
  const report = ctx.reportLink(goalId);
  if (report) {
    const a = new AC.OpenUrlAction();
    a.title = i18n.t('reminders.card.report');
    a.url = report;
    out.push(a);
  }
  return out;
}

const encoder = new TextEncoder();

/** A card's JSON with the Teams extras: full width and the mention entities (facts §9). */
function finish(card: AC.AdaptiveCard, mentions: readonly CardMention[]): { json: Record<string, unknown>; bytes: number } {
  const json = card.toJSON() as Record<string, unknown>;
  const unique = [...new Map(mentions.map((m) => [m.id, m])).values()];
  json.msteams = {
    width: 'Full',
    entities: unique.map((m) => ({ type: 'mention', text: `<at>${m.name}</at>`, mentioned: { id: m.id, name: m.name } })),
  };
  return { json, bytes: encoder.encode(JSON.stringify(json)).length };
}

function newCard(target: CardTarget): AC.AdaptiveCard {
  const card = new AC.AdaptiveCard();
  card.version = CARD_TARGETS[target].version;
  return card;
}

function keysOf(entries: readonly GoalReminders[]): string[] {
  return entries.flatMap((e) => e.reminders.map((r) => r.key));
}

function truncateSummary(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 120 ? `${one.slice(0, 119)}…` : one;
}

/** Thrown when one goal alone does not fit a card of the path (it cannot happen within MAX_GOAL_TEXT and MAX_TASK_LINES). */
export class CardTooLargeError extends Error {
  constructor(readonly goalId: string, readonly bytes: number) {
    super(`The reminder for goal ${goalId} needs ${bytes} bytes`);
    this.name = 'CardTooLargeError';
  }
}

/**
 * The cards of one post: one card for a goal's reminders, or a digest split into as many cards as
 * its path's size limit needs, in order, each naming the reminders it carries.
 */
export function buildReminderCards(post: ReminderPost, ctx: ReminderCardContext, target: CardTarget): ReminderCard[] {
  const i18n = createI18n(ctx.language ?? ctx.plan.language);
  const budget = CARD_TARGETS[target].maxBytes - ENVELOPE_BYTES;
  if (post.kind === 'goal') {
    const section = goalSection(i18n, post.goal, ctx, false);
    if (!section) return [];
    const card = newCard(target);
    for (const e of section.elements) card.addItem(e);
    for (const a of goalActions(i18n, section.goal.id, ctx)) card.addAction(a);
    const { json, bytes } = finish(card, section.mentions);
    if (bytes > budget) throw new CardTooLargeError(section.goal.id, bytes);
    return [{ card: json, mentions: dedupe(section.mentions), summary: truncateSummary(i18n.t('reminders.card.summary', { goal: planText(section.goal.text, 200) })), keys: keysOf([post.goal]), bytes }];
  }
  // A digest: goals in order, as many per card as fit.
  const parts: GoalReminders[][] = [];
  let current: GoalReminders[] = [];
  const sized = (entries: readonly GoalReminders[], n: number, total: number) => digestCard(i18n, entries, ctx, target, post.goals.length, n, total, post.cause);
  for (const entry of post.goals) {
    const trial = [...current, entry];
    // Sized as part 99 of 99, the longest heading a part can have.
    if (current.length > 0 && sized(trial, 99, 99).bytes > budget) {
      parts.push(current);
      current = [entry];
    } else {
      current = trial;
    }
    if (current.length === 1 && sized(current, 99, 99).bytes > budget) throw new CardTooLargeError(entry.goalId, sized(current, 99, 99).bytes);
  }
  if (current.length > 0) parts.push(current);
  return parts.map((entries, i) => {
    const built = sized(entries, i + 1, parts.length);
    return {
      card: built.json,
      mentions: built.mentions,
      summary: truncateSummary(i18n.t('reminders.card.digestSummary', { count: post.goals.length })),
      keys: keysOf(entries),
      bytes: built.bytes,
    };
  });
}

function dedupe(mentions: readonly CardMention[]): CardMention[] {
  return [...new Map(mentions.map((m) => [m.id, m])).values()];
}

function digestCard(
  i18n: I18n,
  entries: readonly GoalReminders[],
  ctx: ReminderCardContext,
  target: CardTarget,
  totalGoals: number,
  part: number,
  parts: number,
  cause: 'cadence' | 'many',
): { json: Record<string, unknown>; bytes: number; mentions: CardMention[] } {
  const card = newCard(target);
  const title = i18n.t('reminders.card.digestTitle', { count: totalGoals });
  card.addItem(textBlock(parts > 1 ? `${title} (${i18n.t('reminders.card.digestPart', { n: part, total: parts })})` : title, { bold: true, size: AC.TextSize.Medium }));
  if (cause === 'many' && part === 1) card.addItem(textBlock(i18n.t('reminders.card.many'), { subtle: true }));
  const mentions: CardMention[] = [];
  for (const entry of entries) {
    const section = goalSection(i18n, entry, ctx, true);
    if (!section) continue;
    const container = new AC.Container();
    container.separator = true;
    container.spacing = AC.Spacing.Medium;
    for (const e of section.elements) container.addItem(e);
    card.addItem(container);
    mentions.push(...section.mentions);
  }
  const { json, bytes } = finish(card, mentions);
  return { json, bytes, mentions: dedupe(mentions) };
}

/**
 * Problems the `adaptivecards` parser reports for a card at a version (unknown elements or
 * properties, elements newer than the version, bad values). Empty for every card this module builds.
 */
export function cardProblems(card: Readonly<Record<string, unknown>>, version: AC.Version): string[] {
  const context = new AC.SerializationContext(version);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const out: string[] = [];
  for (let i = 0; i < context.eventCount; i++) out.push(context.getEventAt(i).message);
  for (const e of parsed.validateProperties().validationEvents) out.push(e.message);
  return out;
}
