/**
 * A report's content in words: the board meeting report and the annual report (domain/report.ts)
 * turned into a language-neutral list of blocks (headings, paragraphs, lists, tables) in the
 * document's language, with dates and numbers in its locale. The .docx builder (docx.ts) and the
 * tab's printable view render the same blocks, so what is printed is what is downloaded or saved.
 * No React, no I/O: shared by the tab and the Node runner.
 */
import type { AttentionReason } from '../domain/overview';
import { GOAL_STATUSES, type CheckIn, type GoalStatus, type LocalGoal } from '../domain/plan';
import type { ProgressSummary } from '../domain/progress';
import {
  ACHIEVEMENTS,
  PARTLY_SHARE,
  safeFileName,
  type AchievementCounts,
  type AnnualFigures,
  type AnnualGoal,
  type AnnualReport,
  type AreaChanges,
  type BoardAreaReport,
  type BoardReport,
} from '../domain/report';
import type { PlanChanges } from '../domain/changes';
import { createI18n, LOCALES, type I18n, type Language } from '../i18n/catalogue';
import { ownerNames, personName } from '../components/owner-names';
import { statusReasonText } from '../components/progress-text';

/** The media type of a Word document (.docx). */
export const DOCX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export type ReportBlock =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'heading'; readonly level: 1 | 2; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string; readonly emphasis?: 'strong' | 'muted' }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | {
      readonly kind: 'table';
      /** What the table holds, for screen readers (the .docx table's description, the HTML caption). */
      readonly caption: string;
      readonly header: readonly string[];
      readonly rows: readonly (readonly string[])[];
      /** Relative column widths (they sum to 100). */
      readonly widths: readonly number[];
    };

export interface ReportContent {
  readonly kind: 'board' | 'annual';
  readonly language: Language;
  /** BCP 47 tag of the document's language (nb-NO, nn-NO, en-GB). */
  readonly locale: string;
  readonly title: string;
  readonly subject: string;
  readonly creator: string;
  /** A safe file name with its `.docx` extension, e.g. 'Styrerapport 2026-12-03.docx'. */
  readonly fileName: string;
  readonly blocks: readonly ReportBlock[];
}

/** The file name prefixes of board reports in every language (to find the last one in a folder). */
export function boardReportPrefixes(): string[] {
  return [...new Set((['nb', 'nn', 'en'] as const).map((l) => createI18n(l).t('reports.file.boardPrefix')))];
}

const period = (i18n: I18n, from: number, to: number) => i18n.t('reports.doc.period', { from: String(from), to: String(to) });

function progressLine(summary: ProgressSummary, i18n: I18n): string {
  if (summary.fraction === null) return i18n.t('reports.doc.progressNone', { total: summary.total });
  return i18n.t('reports.doc.progress', { percent: i18n.formatPercent(summary.fraction), counted: summary.counted, total: summary.total });
}

function statusCounts(summary: ProgressSummary, i18n: I18n): string {
  const parts = GOAL_STATUSES.filter((s) => summary.byStatus[s] > 0).map((s) => i18n.t('reports.doc.statusCount', { status: i18n.t(`status.${s}`), count: summary.byStatus[s] }));
  return i18n.t('reports.doc.statusCounts', { counts: parts.length > 0 ? parts.join(', ') : '0' });
}

const status = (s: GoalStatus, i18n: I18n) => i18n.t(`status.${s}`);
const deadlineText = (goal: LocalGoal, i18n: I18n) => (goal.due ? i18n.formatDate(goal.due) : i18n.t('reports.doc.noDeadline'));
const areaHeading = (area: BoardAreaReport['area'], i18n: I18n) => (area ? i18n.t('reports.doc.area', { number: String(area.number), title: area.title }) : i18n.t('reports.doc.noArea'));

/** What a check-in said, in short: its value and its comment and who made it. */
export function checkInDetails(checkIn: CheckIn, goal: LocalGoal, i18n: I18n): string {
  const parts: string[] = [];
  if (checkIn.value !== null) {
    if (goal.kind === 'recurring') parts.push(checkIn.value === 1 ? i18n.t('reports.doc.occurrence') : i18n.t('reports.doc.occurrences', { value: i18n.formatNumber(checkIn.value) }));
    else if (goal.kind === 'milestone') parts.push(checkIn.value >= 1 ? i18n.t('reports.doc.reportedDone') : '');
    else {
      const unit = goal.measure?.unit ?? '';
      parts.push(i18n.t('reports.doc.value', { value: `${i18n.formatNumber(checkIn.value)}${unit ? ` ${unit}` : ''}` }));
    }
  }
  if (checkIn.comment.trim()) parts.push(i18n.t('reports.doc.quoted', { text: checkIn.comment.trim() }));
  const author = checkIn.via?.actor ?? checkIn.author;
  if (author) parts.push(i18n.t('reports.doc.changes.by', { name: personName(author, i18n.t) }));
  const text = parts.filter((p) => p !== '').join(' – ');
  return text ? ` – ${text}` : '';
}

function changeItems(changes: AreaChanges, i18n: I18n): string[] {
  const items: string[] = [];
  for (const move of changes.completed) items.push(i18n.t('reports.doc.changes.completed', { goal: move.goal.text }));
  for (const move of changes.slipped) items.push(i18n.t('reports.doc.changes.slipped', { goal: move.goal.text, before: status(move.before, i18n), after: status(move.after, i18n) }));
  for (const move of changes.improved) items.push(i18n.t('reports.doc.changes.improved', { goal: move.goal.text, before: status(move.before, i18n), after: status(move.after, i18n) }));
  for (const goal of changes.newGoals) items.push(i18n.t('reports.doc.changes.newGoal', { goal: goal.text }));
  for (const { checkIn, goal } of changes.checkIns) {
    items.push(i18n.t('reports.doc.changes.checkIn', { date: i18n.formatDate(checkIn.date), goal: goal.text, details: checkInDetails(checkIn, goal, i18n) }));
  }
  return items;
}

const RISK_KEYS: Readonly<Record<AttentionReason, 'reports.doc.risk.overdue' | 'reports.doc.risk.behind' | 'reports.doc.risk.atRisk'>> = {
  overdue: 'reports.doc.risk.overdue',
  behind: 'reports.doc.risk.behind',
  atRisk: 'reports.doc.risk.atRisk',
};

/** The counts of 'since the last meeting' in one sentence (the document's summary). */
export function changeCounts(changes: PlanChanges, i18n: I18n): string {
  return i18n.t('reports.doc.sinceCounts', {
    since: i18n.formatDate(changes.since),
    checkIns: i18n.t('reports.changes.checkIns', { count: changes.checkIns.length }),
    moves: i18n.t('reports.changes.statusChanges', { count: changes.completed.length + changes.slipped.length + changes.improved.length }),
    slipped: i18n.t('reports.changes.slipped', { count: changes.slipped.length }),
    newGoals: i18n.t('reports.changes.newGoals', { count: changes.newGoals.length }),
  });
}

function boardArea(section: BoardAreaReport, report: BoardReport, i18n: I18n): ReportBlock[] {
  const { t, formatDate } = i18n;
  const heading = areaHeading(section.area, i18n);
  const blocks: ReportBlock[] = [{ kind: 'heading', level: 1, text: heading }];
  if (section.goals.length === 0) return [...blocks, { kind: 'paragraph', text: t('reports.doc.noGoals'), emphasis: 'muted' }];
  blocks.push({ kind: 'paragraph', text: `${progressLine(section.summary, i18n)}. ${statusCounts(section.summary, i18n)}.` });
  blocks.push({ kind: 'heading', level: 2, text: t('reports.doc.goals') });
  blocks.push({
    kind: 'table',
    caption: t('reports.doc.goalsCaption', { area: heading }),
    header: [t('reports.doc.col.goal'), t('reports.doc.col.owners'), t('reports.doc.col.status'), t('reports.doc.col.why'), t('reports.doc.col.deadline')],
    rows: section.goals.map(({ goal, progress }) => [goal.text, ownerNames(goal.owners, i18n), status(progress.status, i18n), statusReasonText(progress, i18n, goal.recurrence?.per ?? 'year'), deadlineText(goal, i18n)]),
    widths: [34, 16, 12, 26, 12],
  });

  const since = formatDate(report.since);
  blocks.push({ kind: 'heading', level: 2, text: t('reports.doc.changes', { since }) });
  const changes = changeItems(section.changes, i18n);
  blocks.push(changes.length > 0 ? { kind: 'list', items: changes } : { kind: 'paragraph', text: t('reports.doc.changes.none', { since }), emphasis: 'muted' });

  blocks.push({ kind: 'heading', level: 2, text: t('reports.doc.risks') });
  blocks.push(
    section.atRisk.length > 0
      ? { kind: 'list', items: section.atRisk.map((r) => t('reports.doc.risk', { goal: r.goal.text, reason: t(RISK_KEYS[r.reason]), why: statusReasonText(r.progress, i18n, r.goal.recurrence?.per ?? 'year') })) }
      : { kind: 'paragraph', text: t('reports.doc.risks.none'), emphasis: 'muted' },
  );

  const days = report.windowDays;
  blocks.push({ kind: 'heading', level: 2, text: t('reports.doc.deadlines', { days }) });
  blocks.push(
    section.deadlines.length > 0
      ? { kind: 'list', items: section.deadlines.map((d) => t('reports.doc.deadline', { date: formatDate(d.deadline), days: d.daysLeft, goal: d.goal.text, status: status(d.progress.status, i18n) })) }
      : { kind: 'paragraph', text: t('reports.doc.deadlines.none', { days }), emphasis: 'muted' },
  );

  if (section.goals.some((g) => g.goal.kind === 'recurring')) {
    blocks.push({ kind: 'heading', level: 2, text: t('reports.doc.occurrencesDue', { days }) });
    blocks.push(
      section.occurrences.length > 0
        ? { kind: 'list', items: section.occurrences.map((o) => t('reports.doc.occurrenceDue', { date: formatDate(o.due), goal: o.goal.text })) }
        : { kind: 'paragraph', text: t('reports.doc.occurrencesDue.none', { days }), emphasis: 'muted' },
    );
  }
  return blocks;
}

/** The board meeting report in the given language. */
export function boardReportContent(report: BoardReport, language: Language): ReportContent {
  const i18n = createI18n(language);
  const { t, formatDate } = i18n;
  const { plan } = report;
  const title = t('reports.doc.board.title', { union: plan.union });
  const blocks: ReportBlock[] = [
    { kind: 'title', text: title },
    { kind: 'paragraph', text: t('reports.doc.board.subtitle', { from: String(plan.periodFrom), to: String(plan.periodTo), today: formatDate(report.today), since: formatDate(report.since) }), emphasis: 'muted' },
    { kind: 'heading', level: 1, text: t('reports.doc.summary') },
    { kind: 'paragraph', text: `${progressLine(report.summary, i18n)}. ${statusCounts(report.summary, i18n)}.` },
    { kind: 'paragraph', text: changeCounts(report.changes, i18n) },
    ...report.areas.flatMap((section) => boardArea(section, report, i18n)),
  ];
  return {
    kind: 'board',
    language,
    locale: LOCALES[language],
    title,
    subject: t('reports.options.kind.board'),
    creator: t('reports.doc.creator'),
    fileName: safeFileName(`${t('reports.file.boardPrefix')} ${report.today}.docx`),
    blocks,
  };
}

// ---------------------------------------------------------------------------------------------

const OUTCOME_KEYS = {
  achieved: 'reports.outcome.achieved',
  partly: 'reports.outcome.partly',
  notAchieved: 'reports.outcome.notAchieved',
  notDue: 'reports.outcome.notDue',
  noTarget: 'reports.outcome.noTarget',
} as const;

function outcomeCounts(counts: AchievementCounts, i18n: I18n): string {
  const parts = ACHIEVEMENTS.filter((a) => counts[a] > 0).map((a) => i18n.t('reports.doc.outcomeCount', { outcome: i18n.t(OUTCOME_KEYS[a]), count: counts[a] }));
  return i18n.t('reports.doc.outcomeCounts', { counts: parts.length > 0 ? parts.join(', ') : '0' });
}

/** The figures that explain a goal's result, in words ('120 av 200 nye medlemmer; 100 skulle være nådd innen 31. des. 2026'). */
export function figuresText(figures: AnnualFigures, judged: string, i18n: I18n): string {
  const { t, formatNumber, formatDate } = i18n;
  switch (figures.kind) {
    case 'measured': {
      const unit = figures.unit;
      if (figures.target === null) {
        return (figures.value === null ? t('reports.figures.noTargetNone') : t('reports.figures.noTarget', { value: formatNumber(figures.value), unit })).replace(/ {2,}/g, ' ').replace(/ ;/g, ';');
      }
      const base =
        figures.value === null
          ? t('reports.figures.measuredNone', { target: formatNumber(figures.target), unit })
          : t('reports.figures.measured', { value: formatNumber(figures.value), target: formatNumber(figures.target), unit });
      const text = !figures.dueIsTarget && figures.dueValue !== null ? t('reports.figures.measuredDue', { figures: base.trim(), due: formatNumber(Math.round(figures.dueValue * 10) / 10), date: formatDate(judged) }) : base;
      return text.replace(/ {2,}/g, ' ').replace(/ ;/g, ';').trim();
    }
    case 'recurring': {
      // A year with nothing due and nothing held (the current one, early on) says nothing.
      const years = figures.years.filter((y) => y.required > 0 || y.held > 0);
      return (years.length > 0 ? years : figures.years.slice(0, 1)).map((y) => t('reports.figures.year', { year: String(y.year), held: formatNumber(y.held), required: formatNumber(y.required) })).join('; ');
    }
    case 'milestone': {
      if (figures.done) return figures.doneOn ? t('reports.figures.milestoneDone', { date: formatDate(figures.doneOn) }) : t('reports.figures.milestoneDoneUndated');
      const stage = t(figures.underWay ? 'reports.figures.milestoneUnderWay' : 'reports.figures.milestoneNotStarted');
      return figures.deadline ? t('reports.figures.milestoneDeadline', { stage, date: formatDate(figures.deadline) }) : stage;
    }
  }
}

export function outcomeText(goal: AnnualGoal, i18n: I18n): string {
  const outcome = i18n.t(OUTCOME_KEYS[goal.outcome]);
  return goal.boardDone ? i18n.t('reports.outcome.boardDone', { outcome }) : outcome;
}

function commentText(checkIn: CheckIn, i18n: I18n): string {
  const author = checkIn.via?.actor ?? checkIn.author;
  const params = { date: i18n.formatDate(checkIn.date), comment: checkIn.comment.trim() };
  return author ? i18n.t('reports.doc.commentBy', { ...params, name: personName(author, i18n.t) }) : i18n.t('reports.doc.comment', params);
}

/** The rule the annual report judges by, as the report states it. */
export function annualRuleBlocks(report: AnnualReport, i18n: I18n): ReportBlock[] {
  const { t } = i18n;
  return [
    { kind: 'heading', level: 1, text: t('reports.doc.rule.title') },
    { kind: 'paragraph', text: t('reports.doc.rule.intro', { judged: i18n.formatDate(report.window.judged) }) },
    {
      kind: 'list',
      items: [t('reports.doc.rule.measured'), t('reports.doc.rule.recurring'), t('reports.doc.rule.milestone'), t('reports.doc.rule.grades', { percent: i18n.formatPercent(PARTLY_SHARE) })],
    },
  ];
}

/** The annual report in the given language. */
export function annualReportContent(report: AnnualReport, language: Language): ReportContent {
  const i18n = createI18n(language);
  const { t, formatDate } = i18n;
  const { plan } = report;
  const periodText = report.scope === 'period' ? period(i18n, plan.periodFrom, plan.periodTo) : String(report.scope);
  const title = t('reports.doc.annual.title', { period: periodText, union: plan.union });
  const blocks: ReportBlock[] = [
    { kind: 'title', text: title },
    {
      kind: 'paragraph',
      text: t('reports.doc.annual.subtitle', { from: String(plan.periodFrom), to: String(plan.periodTo), judged: formatDate(report.window.judged), today: formatDate(report.today) }),
      emphasis: 'muted',
    },
    ...annualRuleBlocks(report, i18n),
    { kind: 'heading', level: 1, text: t('reports.doc.summary') },
    { kind: 'paragraph', text: `${outcomeCounts(report.counts, i18n)}.` },
  ];
  for (const section of report.areas) {
    const heading = areaHeading(section.area, i18n);
    blocks.push({ kind: 'heading', level: 1, text: heading });
    if (section.goals.length === 0) {
      blocks.push({ kind: 'paragraph', text: t('reports.doc.noGoals'), emphasis: 'muted' });
      continue;
    }
    blocks.push({ kind: 'paragraph', text: `${outcomeCounts(section.counts, i18n)}.` });
    blocks.push({
      kind: 'table',
      caption: t('reports.doc.goalsCaption', { area: heading }),
      header: [t('reports.doc.col.goal'), t('reports.doc.col.owners'), t('reports.doc.col.outcome'), t('reports.doc.col.figures'), t('reports.doc.col.deadline')],
      rows: section.goals.map((g) => [g.goal.text, ownerNames(g.goal.owners, i18n), outcomeText(g, i18n), figuresText(g.figures, report.window.judged, i18n), deadlineText(g.goal, i18n)]),
      widths: [34, 16, 14, 24, 12],
    });
    blocks.push({ kind: 'heading', level: 2, text: t('reports.doc.comments') });
    const commented = section.goals.filter((g) => g.comments.length > 0);
    if (commented.length === 0) blocks.push({ kind: 'paragraph', text: t('reports.doc.comments.none'), emphasis: 'muted' });
    for (const g of commented) {
      blocks.push({ kind: 'paragraph', text: g.goal.text, emphasis: 'strong' });
      blocks.push({ kind: 'list', items: g.comments.map((c) => commentText(c, i18n)) });
    }
  }
  const prefix = t('reports.file.annualPrefix');
  return {
    kind: 'annual',
    language,
    locale: LOCALES[language],
    title,
    subject: t('reports.options.kind.annual'),
    creator: t('reports.doc.creator'),
    fileName: safeFileName(`${prefix} ${report.scope === 'period' ? `${plan.periodFrom}-${plan.periodTo}` : report.scope}.docx`),
    blocks,
  };
}
