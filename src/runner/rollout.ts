/**
 * The Org365 rollout's unattended refresh (issue 13), run by `npm run remind` for each team before
 * reminders are composed: what the tenant says about the representatives is read and stored (Entra
 * ids found, the days account and team steps were first seen), and the plan's goals measured by a
 * rollout step are brought to the share the roster says, so that reminders, reports and the tab show
 * it without anyone opening the rollout view.
 *
 * On the app's own identity the directory search needs the application permission User.Read.All
 * (docs/deployment.md §9); without it the accounts stay as last found and only membership of the
 * team (resource-specific TeamMember.Read.Group) is refreshed.
 */
import type { PlanSnapshot } from '../domain/plan';
import { measuredGoalUpdates } from '../domain/roster';
import type { Runner } from './composition-root';

export interface RolloutRefresh {
  /** Representatives whose stored account or first-seen days were brought up to date. */
  readonly representatives: number;
  /** Goals measured by a rollout step whose value changed. */
  readonly goals: number;
  /** Why the rollout could not be refreshed, in words for an administrator; null when it was. */
  readonly problem: string | null;
}

/** Refreshes the team's roster and measured goals; `write: false` (a dry run) reads only. Never throws. */
export async function refreshRollout(runner: Runner, teamId: string, snapshot: PlanSnapshot, today: string, write: boolean): Promise<{ report: RolloutRefresh | null; snapshot: PlanSnapshot }> {
  try {
    const roster = await runner.roster(teamId).refresh(today, { write });
    if (roster.reps.length === 0) return { report: null, snapshot };
    if (!roster.facts) return { report: { representatives: 0, goals: 0, problem: 'The directory could not be read.' }, snapshot };
    const updates = measuredGoalUpdates(snapshot.goals, roster.reps, roster.steps, roster.facts);
    if (!write || updates.length === 0) return { report: { representatives: roster.updated, goals: write ? 0 : updates.length, problem: null }, snapshot };
    const results = await runner.repository(teamId).updateGoals(updates);
    const written = new Map(results.flatMap((r) => (r.ok ? [[r.id, r.goal] as const] : [])));
    const failed = results.length - written.size;
    return {
      report: { representatives: roster.updated, goals: written.size, problem: failed ? `${failed} measured goal(s) changed meanwhile; they follow on the next run.` : null },
      snapshot: { ...snapshot, goals: snapshot.goals.map((g) => written.get(g.id) ?? g) },
    };
  } catch (error) {
    return { report: { representatives: 0, goals: 0, problem: error instanceof Error ? error.message : String(error) }, snapshot };
  }
}
