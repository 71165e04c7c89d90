import { Router } from '../core/router.ts';
import { registerChannelMessagesRoutes } from './channel-messages.ts';
import { registerColumnsRoutes } from './columns.ts';
import { registerDrivesRoutes } from './drives.ts';
import { registerInstalledAppsRoutes } from './installed-apps.ts';
import { registerListItemsRoutes } from './list-items.ts';
import { registerListsRoutes } from './lists.ts';
import { registerMeRoutes } from './me.ts';
import { registerPlannerRoutes } from './planner.ts';
import { registerSitePermissionsRoutes } from './site-permissions.ts';
import { registerSitesRoutes } from './sites.ts';
import { registerTeamsRoutes } from './teams.ts';
import { registerUsersRoutes } from './users.ts';

/** One registration function per Graph area; add new areas (Planner, channel messages) here. */
export const GRAPH_AREAS: readonly ((router: Router) => void)[] = [
  // Users first: `/users/$count` must match before `/users/{userId}`.
  registerUsersRoutes,
  registerMeRoutes,
  registerTeamsRoutes,
  registerInstalledAppsRoutes,
  registerChannelMessagesRoutes,
  registerSitesRoutes,
  registerSitePermissionsRoutes,
  registerListsRoutes,
  registerColumnsRoutes,
  registerListItemsRoutes,
  registerPlannerRoutes,
  registerDrivesRoutes,
];

export function createGraphRouter(): Router {
  const router = new Router();
  for (const register of GRAPH_AREAS) register(router);
  return router;
}
