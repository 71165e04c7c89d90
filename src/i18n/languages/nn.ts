/**
 * Nynorsk: the whole catalogue of one language in one module. The tab loads only its user's
 * language (load.ts); the runners, reports and cards use every language (catalogue.ts). A test
 * checks that this is the same catalogue as CATALOGUES.nn.
 */
import type { Messages } from '../catalogue';
import { nn as core } from '../messages/nn';
import { nn as navigationPart } from '../parts/navigation/nn';
import { nn as importPart } from '../parts/import/nn';
import { nn as overviewPart } from '../parts/overview/nn';
import { nn as goalDetailPart } from '../parts/goal-detail/nn';
import { nn as planEditingPart } from '../parts/plan-editing/nn';
import { nn as situationPart } from '../parts/situation/nn';
import { nn as settingsPart } from '../parts/settings/nn';
import { nn as configPart } from '../parts/config/nn';
import { nn as checkInsPart } from '../parts/check-ins/nn';
import { nn as plannerPart } from '../parts/planner/nn';
import { nn as plannerAssignPart } from '../parts/planner-assign/nn';
import { nn as plannerSyncPart } from '../parts/planner-sync/nn';
import { nn as remindersPart } from '../parts/reminders/nn';
import { nn as reminderWebhookPart } from '../parts/reminder-webhook/nn';
import { nn as rolloutPart } from '../parts/rollout/nn';
import { nn as rolloutImportPart } from '../parts/rollout-import/nn';
import { nn as statusPart } from '../parts/status/nn';
import { nn as planTablePart } from '../parts/plan-table/nn';
import { nn as reportsPart } from '../parts/reports/nn';
import { nn as chartsPart } from '../parts/charts/nn';

export const messages = Object.assign({}, core, navigationPart, importPart, overviewPart, goalDetailPart, planEditingPart, situationPart, settingsPart, configPart, checkInsPart, plannerPart, plannerAssignPart, plannerSyncPart, remindersPart, reminderWebhookPart, rolloutPart, rolloutImportPart, statusPart, planTablePart, reportsPart, chartsPart) as Messages;
