/**
 * Nynorsk: the whole catalogue of one language in one module. The tab loads only its user's
 * language (load.ts); the runners, reports and cards use every language (catalogue.ts). A test
 * checks that this is the same catalogue as CATALOGUES.nn.
 */
import type { Messages } from '../catalogue';
import { nn as core } from '../messages/nn';
import { nn as navigationPart } from '../parts/navigation';
import { nn as importPart } from '../parts/import';
import { nn as overviewPart } from '../parts/overview';
import { nn as goalDetailPart } from '../parts/goal-detail';
import { nn as planEditingPart } from '../parts/plan-editing';
import { nn as situationPart } from '../parts/situation';
import { nn as settingsPart } from '../parts/settings';
import { nn as configPart } from '../parts/config';
import { nn as checkInsPart } from '../parts/check-ins';
import { nn as plannerPart } from '../parts/planner';
import { nn as plannerAssignPart } from '../parts/planner-assign';
import { nn as plannerSyncPart } from '../parts/planner-sync';
import { nn as remindersPart } from '../parts/reminders';
import { nn as reminderWebhookPart } from '../parts/reminder-webhook';
import { nn as rolloutPart } from '../parts/rollout';
import { nn as rolloutImportPart } from '../parts/rollout-import';
import { nn as statusPart } from '../parts/status';
import { nn as planTablePart } from '../parts/plan-table';
import { nn as reportsPart } from '../parts/reports';
import { nn as chartsPart } from '../parts/charts';

export const messages = Object.assign({}, core, navigationPart, importPart, overviewPart, goalDetailPart, planEditingPart, situationPart, settingsPart, configPart, checkInsPart, plannerPart, plannerAssignPart, plannerSyncPart, remindersPart, reminderWebhookPart, rolloutPart, rolloutImportPart, statusPart, planTablePart, reportsPart, chartsPart) as Messages;
