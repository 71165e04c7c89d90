/**
 * Bokmål: the whole catalogue of one language in one module. The tab loads only its user's
 * language (load.ts); the runners, reports and cards use every language (catalogue.ts). A test
 * checks that this is the same catalogue as CATALOGUES.nb.
 */
import type { Messages } from '../catalogue';
import { nb as core } from '../messages/nb';
import { nb as navigationPart } from '../parts/navigation/nb';
import { nb as importPart } from '../parts/import/nb';
import { nb as overviewPart } from '../parts/overview/nb';
import { nb as goalDetailPart } from '../parts/goal-detail/nb';
import { nb as planEditingPart } from '../parts/plan-editing/nb';
import { nb as situationPart } from '../parts/situation/nb';
import { nb as settingsPart } from '../parts/settings/nb';
import { nb as configPart } from '../parts/config/nb';
import { nb as checkInsPart } from '../parts/check-ins/nb';
import { nb as plannerPart } from '../parts/planner/nb';
import { nb as plannerAssignPart } from '../parts/planner-assign/nb';
import { nb as plannerSyncPart } from '../parts/planner-sync/nb';
import { nb as remindersPart } from '../parts/reminders/nb';
import { nb as reminderWebhookPart } from '../parts/reminder-webhook/nb';
import { nb as rolloutPart } from '../parts/rollout/nb';
import { nb as rolloutImportPart } from '../parts/rollout-import/nb';
import { nb as statusPart } from '../parts/status/nb';
import { nb as planTablePart } from '../parts/plan-table/nb';
import { nb as reportsPart } from '../parts/reports/nb';
import { nb as chartsPart } from '../parts/charts/nb';

export const messages = Object.assign({}, core, navigationPart, importPart, overviewPart, goalDetailPart, planEditingPart, situationPart, settingsPart, configPart, checkInsPart, plannerPart, plannerAssignPart, plannerSyncPart, remindersPart, reminderWebhookPart, rolloutPart, rolloutImportPart, statusPart, planTablePart, reportsPart, chartsPart) as Messages;
