/**
 * The services features use, as domain ports. The composition root (src/app) creates the Graph
 * adapters and provides them here; features never see the Graph client.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { Directory, PlanRepository, TeamMember, TeamRole } from '../domain/ports';
import type { PlannerPort } from '../domain/planner-port';
import type { PlanImporter } from '../domain/plan-import';
import type { ReminderPort } from '../domain/reminder-port';
import type { ChannelWebhooks } from '../domain/channel-webhooks';
import type { RosterPort } from '../domain/roster-port';
import type { TeamFilesPort } from '../domain/files-port';

/** Who signed in, as the host says: the sign-in name is for tokens and local storage only, never to match people. */
export interface SessionUser {
  /** Entra object id from the host's context, when it gives one (Directory.me() is authoritative). */
  readonly id?: string;
  readonly userPrincipalName: string;
  readonly displayName: string;
}

export interface Session {
  readonly user: SessionUser;
  /** The team whose plan the tab shows, or null in a personal context. */
  readonly team: { readonly id: string; readonly displayName: string } | null;
  /** The channel the tab is in, as the host says; null or absent outside a channel (the reports then use the team's General channel). */
  readonly channel?: { readonly id: string; readonly displayName: string } | null;
  /** The user's Microsoft Entra tenant, when the host says (links into Planner name it). */
  readonly tenantId?: string | null;
  /** Today's date (YYYY-MM-DD); a seam so that tests can pin it. */
  readonly today: () => string;
  /**
   * A Teams deep link that opens this tab on a sub-page (e.g. `goal:<id>`), or null when the app
   * id is not configured. Built with the host's deep-link rules (src/teams/deep-link.ts).
   */
  readonly deepLink: (subPageId: string, label: string) => string | null;
  /** Opens a deep link through the Teams host. */
  readonly openDeepLink: (url: string) => Promise<void>;
}

export interface Services {
  readonly session: Session;
  readonly directory: Directory;
  planRepository(teamId: string): PlanRepository;
  /** Writes an imported plan into the team's lists (all-or-nothing; see domain/plan-import.ts). */
  planImporter(teamId: string): PlanImporter;
  /**
   * The team's Planner board and its sync with the plan, for someone in this role (a steward's sync
   * brings Planner's work in as check-ins only); `members` give names to the people Planner names.
   */
  planner(teamId: string, context: { readonly role: TeamRole; readonly members: readonly TeamMember[] }): PlannerPort;
  /** The team's channel reminders: what would be posted now, and posting it once (the board's 'Send reminders now'). */
  reminders(teamId: string): ReminderPort;
  /**
   * The team's channels' Workflows webhook URLs (the board's secret: Settings → Reminders). Never
   * cache what it reads beyond the screen (lib/persisted-cache.ts keeps only the plan and the team).
   */
  channelWebhooks(teamId: string): ChannelWebhooks;
  /**
   * The team's representatives and their Org365 rollout (issue 13). Union membership data: never
   * put what it reads into the persisted cache (lib/persisted-cache.ts keeps only the plan and the team).
   */
  roster(teamId: string): RosterPort;
  /** The team's channels' Files folders, where the board's reports are saved (issue 14). */
  teamFiles(teamId: string): TeamFilesPort;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}
