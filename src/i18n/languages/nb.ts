/**
 * Bokmål: the whole catalogue of one language in one module. The tab loads only its user's
 * language (load.ts); the runners, reports and cards use every language (catalogue.ts). A test
 * checks that this is the same catalogue as CATALOGUES.nb.
 */
import type { Messages } from '../catalogue';
import { nb as core } from '../messages/nb';
import { nb as navigationPart } from '../parts/navigation';
import { nb as importPart } from '../parts/import';
import { nb as overviewPart } from '../parts/overview';
import { nb as goalDetailPart } from '../parts/goal-detail';
import { nb as planEditingPart } from '../parts/plan-editing';
import { nb as situationPart } from '../parts/situation';
import { nb as settingsPart } from '../parts/settings';
import { nb as configPart } from '../parts/config';
import { nb as checkInsPart } from '../parts/check-ins';
import { nb as plannerPart } from '../parts/planner';
import { nb as plannerAssignPart } from '../parts/planner-assign';
import { nb as plannerSyncPart } from '../parts/planner-sync';
import { nb as remindersPart } from '../parts/reminders';
import { nb as reminderWebhookPart } from '../parts/reminder-webhook';
import { nb as rolloutPart } from '../parts/rollout';
import { nb as rolloutImportPart } from '../parts/rollout-import';
import { nb as statusPart } from '../parts/status';
import { nb as planTablePart } from '../parts/plan-table';
import { nb as reportsPart } from '../parts/reports';
import { nb as chartsPart } from '../parts/charts';

export const messages = Object.assign({}, core, navigationPart, importPart, overviewPart, goalDetailPart, planEditingPart, situationPart, settingsPart, configPart, checkInsPart, plannerPart, plannerAssignPart, plannerSyncPart, remindersPart, reminderWebhookPart, rolloutPart, rolloutImportPart, statusPart, planTablePart, reportsPart, chartsPart) as Messages;
