/**
 * English: the whole catalogue of one language in one module. The tab loads only its user's
 * language (load.ts); the runners, reports and cards use every language (catalogue.ts). A test
 * checks that this is the same catalogue as CATALOGUES.en.
 */
import type { Messages } from '../catalogue';
import { en as core } from '../messages/en';
import { en as navigationPart } from '../parts/navigation/en';
import { en as importPart } from '../parts/import/en';
import { en as overviewPart } from '../parts/overview/en';
import { en as goalDetailPart } from '../parts/goal-detail/en';
import { en as planEditingPart } from '../parts/plan-editing/en';
import { en as situationPart } from '../parts/situation/en';
import { en as settingsPart } from '../parts/settings/en';
import { en as configPart } from '../parts/config/en';
import { en as checkInsPart } from '../parts/check-ins/en';
import { en as plannerPart } from '../parts/planner/en';
import { en as plannerAssignPart } from '../parts/planner-assign/en';
import { en as plannerSyncPart } from '../parts/planner-sync/en';
import { en as remindersPart } from '../parts/reminders/en';
import { en as reminderWebhookPart } from '../parts/reminder-webhook/en';
import { en as rolloutPart } from '../parts/rollout/en';
import { en as rolloutImportPart } from '../parts/rollout-import/en';
import { en as statusPart } from '../parts/status/en';
import { en as planTablePart } from '../parts/plan-table/en';
import { en as reportsPart } from '../parts/reports/en';
import { en as chartsPart } from '../parts/charts/en';

export const messages = Object.assign({}, core, navigationPart, importPart, overviewPart, goalDetailPart, planEditingPart, situationPart, settingsPart, configPart, checkInsPart, plannerPart, plannerAssignPart, plannerSyncPart, remindersPart, reminderWebhookPart, rolloutPart, rolloutImportPart, statusPart, planTablePart, reportsPart, chartsPart) as Messages;
