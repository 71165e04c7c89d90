/**
 * Synthetic local unions for benchmarks of national scale (`npm run bench`'s `remindNational`): N
 * teams besides the demo teams, each set up as a demo team is (seed/build-tenant.ts puts both
 * through the same code): a General and a 'Påminnelser' channel, the board and stewards of one of
 * the demo teams (so every owner and member is a demo person), the group's site, the Handlingsplan
 * app installed with a Workflows webhook for the reminder channel, and the app's Sites.Selected
 * grant on the site. No plans: a bench seeds them (seed/synthetic-plans.ts `seedPlan`).
 *
 * Ids are stable (derived from the tenant and the union's number), so the same count gives the
 * same tenant on every start. `startEmulator({ syntheticUnions: N })` adds them to a freshly built
 * tenant.
 */
import { stableGuid, stableHex32 } from '../state/stable-id.ts';
import { DEMO_REMINDER_CHANNEL_NAME, DEMO_SHAREPOINT_HOST, DEMO_TEAMS, DEMO_TENANT_ID, type UnionTeam } from './demo-tenant.ts';

/** The most synthetic unions a tenant takes (Fagforbundet has about 400 local unions). */
export const MAX_SYNTHETIC_UNIONS = 2000;

const thread = (n: number, channel: string): string => `19:${stableHex32(DEMO_TENANT_ID, 'synthetic-union', n, channel)}@thread.tacv2`;

/** The n-th synthetic union (1-based): 'Fagforbundet Lokallag 007' and its team. */
export function syntheticUnion(n: number): UnionTeam {
  if (!Number.isInteger(n) || n < 1 || n > MAX_SYNTHETIC_UNIONS) throw new Error(`A synthetic union's number is 1 to ${MAX_SYNTHETIC_UNIONS}, not ${n}`);
  const number = String(n).padStart(3, '0');
  const displayName = `Fagforbundet Lokallag ${number}`;
  const mailNickname = `FagforbundetLokallag${number}`;
  const general = thread(n, 'general');
  const reminders = thread(n, 'reminders');
  // The board and stewards of a demo team, in turn.
  const people = DEMO_TEAMS[(n - 1) % DEMO_TEAMS.length] as (typeof DEMO_TEAMS)[number];
  return {
    planKey: `lokallag-${number}`,
    id: stableGuid(DEMO_TENANT_ID, 'synthetic-union', n, 'team'),
    displayName,
    description: `Styret og tillitsvalgte i ${displayName}`,
    mailNickname,
    internalId: general,
    channels: [
      { id: general, displayName: 'General', description: `${displayName}: felles kanal for styret og tillitsvalgte` },
      { id: reminders, displayName: DEMO_REMINDER_CHANNEL_NAME, description: 'Påminnelser fra handlingsplanen' },
    ],
    siteId: `${DEMO_SHAREPOINT_HOST},${stableGuid(DEMO_TENANT_ID, 'synthetic-union', n, 'site collection')},${stableGuid(DEMO_TENANT_ID, 'synthetic-union', n, 'web')}`,
    siteName: mailNickname,
    owners: [...people.owners],
    members: [...people.members],
    reminderChannelId: reminders,
    workflowWebhookId: stableHex32(DEMO_TENANT_ID, 'synthetic-union', n, 'workflows webhook'),
  };
}

/** Synthetic unions 1 to `count` (none for 0). */
export function syntheticUnions(count: number): UnionTeam[] {
  if (!Number.isInteger(count) || count < 0 || count > MAX_SYNTHETIC_UNIONS) throw new Error(`syntheticUnions is a whole number from 0 to ${MAX_SYNTHETIC_UNIONS}, not ${count}`);
  return Array.from({ length: count }, (_, i) => syntheticUnion(i + 1));
}
