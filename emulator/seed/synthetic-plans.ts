/**
 * Plans of a given size for `npm run bench` and the browser tests of large plans, written through the app's own importer (the same
 * `$batch` creates as a board's import), so that seeding 5,000 goals is itself the bulk-write
 * benchmark. Goals vary in kind, owner, deadline and wording, so that a search narrows the list.
 * Any union's team takes one: a demo team, or a synthetic union (synthetic-unions.ts).
 */
import { graphClientAs, type EmulatorEndpoint } from '../app-client';
import { demoPerson, type UnionTeam } from './demo-tenant';
import { SharePointPlanImporter } from '../../src/adapters/sharepoint/plan-import';
import type { ImportedArea } from '../../src/domain/plan-import';

const TOPICS = [
  'verve nye medlemmer på arbeidsplassen',
  'holde medlemsmøter i avdelingen',
  'skolere tillitsvalgte i KL*AR',
  'besøke arbeidsplasser i kommunen',
  'gi alle tillitsvalgte Org365-konto og Teams-opplæring',
  'følge opp lokale lønnsforhandlinger',
  'styrke samarbeidet med verneombudene',
] as const;

/** The plan's team: its board and stewards own the goals, its first owner imports the plan. */
export type PlanTeam = Pick<UnionTeam, 'id' | 'displayName' | 'owners' | 'members'>;

/** Every fourth goal (0, 4, 8, …) has a deadline: by June of the period's second year. */
const defaultDue = (n: number): string | null => (n % 4 === 0 ? '2027-06' : null);

/**
 * Six areas, `goals` goals spread over them, each area with two national goals. `due` gives goal
 * number n (0-based, in plan order) its deadline (YYYY-MM or YYYY-MM-DD) or none.
 */
export function syntheticAreas(team: Pick<PlanTeam, 'owners' | 'members'>, goals: number, due: (n: number) => string | null = defaultDue): ImportedArea[] {
  const people = [...team.owners, ...team.members];
  const perArea = Math.ceil(goals / 6);
  return Array.from({ length: 6 }, (_, a) => ({
    area: { number: a + 1, title: `Område ${a + 1}`, nationalGoals: [`Nasjonalt mål ${a + 1}.1`, `Nasjonalt mål ${a + 1}.2`], strategies: [] },
    goals: Array.from({ length: Math.max(0, Math.min(perArea, goals - a * perArea)) }, (_, g) => {
      const n = a * perArea + g;
      const kind = (['measured', 'recurring', 'milestone'] as const)[n % 3] ?? 'milestone';
      const person = demoPerson(people[n % people.length] as string);
      return {
        nationalGoal: `Nasjonalt mål ${a + 1}.${(g % 2) + 1}`,
        text: `Mål ${n + 1}: ${TOPICS[n % TOPICS.length]} (${['Alver', 'Asker', 'Bø', 'Dale', 'Eid'][n % 5]})`,
        kind,
        owners: [{ id: person.id, displayName: person.displayName, email: person.mail }],
        due: due(n),
        status: null,
        measure: kind === 'measured' ? { unit: 'medlemmer', baseline: 0, target: 50 + (n % 50), current: null } : null,
        recurrence: kind === 'recurring' ? { count: 4, per: 'year' as const } : null,
        tariffArea: null,
        sortOrder: g * 10,
      };
    }),
  }));
}

export interface SyntheticPlanOptions {
  /** The first year of the plan's two (default 2026). */
  readonly periodFrom?: number;
  /** The day the annual meeting adopted it (default 19 February of its first year). */
  readonly adoptedDate?: string;
  /** Goal n's deadline (default: every fourth goal by June 2027). */
  readonly due?: (n: number) => string | null;
  /**
   * The channel reminders go to, written with the plan (as the board picks it in Settings; its
   * reminder settings stay the defaults). Default: none.
   */
  readonly reminderChannel?: { readonly id: string; readonly name: string };
}

/** Replaces the team's plan with a synthetic one of `goals` goals, as its first owner. */
export async function seedPlan(emulator: EmulatorEndpoint, team: PlanTeam, goals: number, options: SyntheticPlanOptions = {}): Promise<void> {
  const importer = new SharePointPlanImporter(graphClientAs(emulator, team.owners[0] as string), team.id);
  const periodFrom = options.periodFrom ?? 2026;
  const channel = options.reminderChannel;
  await importer.importPlan({
    importId: `synthetic-${goals}-goals`,
    mode: 'replace',
    plan: {
      union: team.displayName,
      periodFrom,
      periodTo: periodFrom + 1,
      adoptedDate: options.adoptedDate ?? `${periodFrom}-02-19`,
      language: 'nb',
      ...(channel ? { reminderChannelId: channel.id, reminderChannelName: channel.name } : {}),
    },
    areas: syntheticAreas(team, goals, options.due),
    situation: [],
  });
}
