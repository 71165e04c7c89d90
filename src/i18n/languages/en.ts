/**
 * English: the whole catalogue of one language in one module. The tab loads only its user's
 * language (load.ts); the runners, reports and cards use every language (catalogue.ts). A test
 * checks that this is the same catalogue as CATALOGUES.en.
 */
import type { Messages } from '../catalogue';
import { en as core } from '../messages/en';
import { en as navigationPart } from '../parts/navigation';
import { en as importPart } from '../parts/import';
import { en as overviewPart } from '../parts/overview';
import { en as goalDetailPart } from '../parts/goal-detail';
import { en as planEditingPart } from '../parts/plan-editing';
import { en as situationPart } from '../parts/situation';
import { en as settingsPart } from '../parts/settings';
import { en as configPart } from '../parts/config';
import { en as checkInsPart } from '../parts/check-ins';
import { en as plannerPart } from '../parts/planner';
import { en as plannerAssignPart } from '../parts/planner-assign';
import { en as plannerSyncPart } from '../parts/planner-sync';
import { en as remindersPart } from '../parts/reminders';
import { en as reminderWebhookPart } from '../parts/reminder-webhook';
import { en as rolloutPart } from '../parts/rollout';
import { en as rolloutImportPart } from '../parts/rollout-import';
import { en as statusPart } from '../parts/status';
import { en as planTablePart } from '../parts/plan-table';
import { en as reportsPart } from '../parts/reports';
import { en as chartsPart } from '../parts/charts';

export const messages = Object.assign({}, core, navigationPart, importPart, overviewPart, goalDetailPart, planEditingPart, situationPart, settingsPart, configPart, checkInsPart, plannerPart, plannerAssignPart, plannerSyncPart, remindersPart, reminderWebhookPart, rolloutPart, rolloutImportPart, statusPart, planTablePart, reportsPart, chartsPart) as Messages;
