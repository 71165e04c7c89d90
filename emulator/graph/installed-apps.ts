/**
 * Apps installed in a team: `GET /teams/{id}/installedApps` and `GET /teams/{id}/installedApps/{id}`.
 *
 * Sources (Learn = https://learn.microsoft.com):
 * - Learn /graph/api/team-list-installedapps: `$filter`, `$select`, `$expand`; an installation's
 *   `id` differs from the teamsApp's; without `$expand` only `id` (example 1); `$expand=teamsAppDefinition`
 *   (example 2: `id`, `teamsAppId`, `azureADAppId`, `displayName`, `version`,
 *   `requiredResourceSpecificApplicationPermissions`, `publishingState`, `shortDescription`,
 *   `description`, `lastModifiedDateTime`, `createdBy`); `$expand=teamsApp,teamsAppDefinition&$filter=teamsApp/externalId eq '…'`
 *   (example 3: teamsApp `id`, `externalId`, `displayName`, `distributionMethod`); "The externalId
 *   value is empty for apps with a distributionMethod type of store". Permissions: app-permissions.ts
 *   `INSTALLED_APPS_READ`; delegated, the emulator's rule for team reads (owners and members).
 * - Learn /graph/api/team-get-installedapps for one installation.
 *
 * Emulator readings (not confirmed): the installation id is base64 of `<team id>##<catalog app id>`
 * (what the samples' ids decode to); the definition id base64 of `<catalog app id>##<version>`,
 * version '1.0.0'; catalog apps are `distributionMethod: "organization"`; `$expand` other than
 * teamsApp / teamsAppDefinition → 400; `$filter` works on teamsApp/id, teamsApp/externalId,
 * teamsApp/displayName, teamsApp/distributionMethod and teamsAppDefinition/… whether expanded or not.
 */
import { badRequest, notFound } from '../core/graph-error.ts';
import type { Router } from '../core/router.ts';
import { ok, type HandlerContext } from '../core/types.ts';
import { compileFilter } from '../odata/filter-eval.ts';
import { parseFilter } from '../odata/filter-parser.ts';
import { applySelect, parseExpand, parseSelect, queryOption } from '../odata/query-options.ts';
import type { TeamState, TeamsAppState } from '../state/tenant-state.ts';
import { requireTeam } from './access.ts';
import { INSTALLED_APPS_READ } from './app-permissions.ts';

const APP_VERSION = '1.0.0';
const EXPANDABLE = ['teamsApp', 'teamsAppDefinition'] as const;
type Expandable = (typeof EXPANDABLE)[number];

type Json = Record<string, unknown>;

export function installationId(team: TeamState, app: TeamsAppState): string {
  return Buffer.from(`${team.id}##${app.id}`, 'utf8').toString('base64');
}

function renderTeamsApp(app: TeamsAppState): Json {
  return { id: app.id, externalId: app.externalId ?? null, displayName: app.displayName, distributionMethod: 'organization' };
}

function renderDefinition(app: TeamsAppState): Json {
  return {
    id: Buffer.from(`${app.id}##${APP_VERSION}`, 'utf8').toString('base64'),
    teamsAppId: app.id,
    azureADAppId: app.azureADAppId ?? app.botId,
    displayName: app.displayName,
    version: APP_VERSION,
    requiredResourceSpecificApplicationPermissions: [],
    publishingState: 'published',
    shortDescription: app.displayName,
    description: app.displayName,
    lastModifiedDateTime: null,
    createdBy: null,
  };
}

function expansions(ctx: HandlerContext): Set<Expandable> {
  const out = new Set<Expandable>();
  for (const item of parseExpand(queryOption(ctx.req.query, 'expand'))) {
    const name = EXPANDABLE.find((e) => e.toLowerCase() === item.name.trim().toLowerCase());
    if (!name) throw badRequest(`Could not find a property named '${item.name}' on type 'microsoft.graph.teamsAppInstallation'.`, 'BadRequest');
    out.add(name);
  }
  return out;
}

function installedApps(ctx: HandlerContext, team: TeamState): TeamsAppState[] {
  const catalog = ctx.store.state.teamsApps ?? [];
  return (team.installedAppIds ?? []).flatMap((id) => catalog.filter((a) => a.id.toLowerCase() === id.toLowerCase()));
}

function render(team: TeamState, app: TeamsAppState, expand: ReadonlySet<Expandable>): Json {
  const out: Json = { id: installationId(team, app) };
  if (expand.has('teamsApp')) out.teamsApp = renderTeamsApp(app);
  if (expand.has('teamsAppDefinition')) out.teamsAppDefinition = renderDefinition(app);
  return out;
}

/** `teamsApp/externalId` and the like, on the full installation whether expanded or not. */
function resolvePath(entry: { team: TeamState; app: TeamsAppState }, path: string): unknown {
  const [head, prop] = path.split('/');
  if (head === 'id' && prop === undefined) return installationId(entry.team, entry.app);
  if (head === 'teamsApp' && prop !== undefined) return renderTeamsApp(entry.app)[prop];
  if (head === 'teamsAppDefinition' && prop !== undefined) return renderDefinition(entry.app)[prop];
  return undefined;
}

export function registerInstalledAppsRoutes(router: Router): void {
  router.add('GET', '/teams/{teamId}/installedApps', (ctx) => {
    const team = requireTeam(ctx, ctx.params.teamId ?? '', INSTALLED_APPS_READ);
    const expand = expansions(ctx);
    let entries = installedApps(ctx, team).map((app) => ({ team, app }));
    const filter = queryOption(ctx.req.query, 'filter');
    if (filter !== undefined) entries = entries.filter(compileFilter(parseFilter(filter), resolvePath));
    const select = parseSelect(queryOption(ctx.req.query, 'select'));
    const value = entries.map((e) => {
      const rendered = render(team, e.app, expand);
      return select ? applySelect(rendered, [...select, ...expand]) : rendered;
    });
    return ok({ '@odata.context': `${ctx.baseUrl}/$metadata#teams('${team.id}')/installedApps`, '@odata.count': value.length, value });
  });

  router.add('GET', '/teams/{teamId}/installedApps/{installationId}', (ctx) => {
    const team = requireTeam(ctx, ctx.params.teamId ?? '', INSTALLED_APPS_READ);
    const expand = expansions(ctx);
    const app = installedApps(ctx, team).find((a) => installationId(team, a) === ctx.params.installationId);
    if (!app) throw notFound('The requested app installation was not found in the team.', 'NotFound');
    return ok({ '@odata.context': `${ctx.baseUrl}/$metadata#teams('${team.id}')/installedApps/$entity`, ...render(team, app, expand) });
  });
}
