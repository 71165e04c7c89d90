/**
 * The reminder tests' common ground on the emulator (the tab's Send now, `npm run remind`, the
 * Functions timer): a team's plan with three goals due around Tuesday 9 March 2027 and the reminder
 * channel set, the ledger emptied between tests, and a fetch that trusts the emulator's CA.
 */
import { dispatcherFor } from '../../emulator/app-client';
import type { DemoTeam } from '../../emulator/seed/demo-tenant';
import type { RunningEmulator } from '../../emulator/server';
import { SharePointReminderLedger } from '../../src/adapters/sharepoint/reminder-ledger';
import type { PlanSnapshot } from '../../src/domain/plan';
import type { ReminderSettings } from '../../src/domain/reminders';
import { repoAs } from './support';

/** Tuesday 9 March 2027, 09:00 in Oslo: a working day, inside the delivery window. */
export const REMINDER_DAY = new Date('2027-03-09T08:00:00Z');

const boardOf = (team: DemoTeam) => team.owners[0] as string;

export async function loadPlan(emu: RunningEmulator, team: DemoTeam): Promise<PlanSnapshot> {
  return (await repoAs(emu, boardOf(team), team.id).repo.load()) as PlanSnapshot;
}

/**
 * The plan's first three goals due on 12 March (in three days), 9 March (the day) and 5 March
 * (overdue), as milestones with no status set; the rest without deadlines; the team's reminder
 * channel chosen, nudges off and the given settings.
 */
export async function arrangeDueGoals(emu: RunningEmulator, team: DemoTeam, settings: Partial<ReminderSettings> = {}): Promise<PlanSnapshot> {
  const { repo } = repoAs(emu, boardOf(team), team.id);
  const snapshot = (await repo.load()) as PlanSnapshot;
  const goals = [...snapshot.goals].sort((a, b) => a.sortOrder - b.sortOrder);
  for (const [i, goal] of goals.entries()) {
    const due = i === 0 ? '2027-03-12' : i === 1 ? '2027-03-09' : i === 2 ? '2027-03-05' : null;
    if (goal.due !== due || goal.kind === 'recurring' || goal.status !== null) {
      await repo.updateGoal(goal.id, { due, kind: goal.kind === 'recurring' ? 'milestone' : goal.kind, recurrence: null, status: null }, { ifMatch: goal.etag ?? null });
    }
  }
  await repo.updatePlan(
    snapshot.plan.id,
    { reminderChannelId: team.reminderChannelId, reminderChannelName: 'Påminnelser', reminderSettings: { nudges: false, ...settings } },
    { ifMatch: snapshot.plan.etag ?? null },
  );
  return loadPlan(emu, team);
}

/** Empties the plan's reminder ledger, as the board could in Microsoft Lists. */
export async function clearReminderLedger(emu: RunningEmulator, team: DemoTeam): Promise<void> {
  const { graph } = repoAs(emu, boardOf(team), team.id);
  const ledger = new SharePointReminderLedger(graph, team.id);
  for (const entry of await ledger.entries((await loadPlan(emu, team)).plan.id)) await ledger.release(entry);
}

/** fetch trusting the emulator's local certificate authority, for tokens, the Bot Connector and webhooks. */
export function fetchTrusting(emu: RunningEmulator): typeof fetch {
  const dispatcher = dispatcherFor(emu.ca);
  return ((input: string | URL | Request, init?: RequestInit) => fetch(input, { ...init, dispatcher } as RequestInit)) as typeof fetch;
}
