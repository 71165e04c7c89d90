/**
 * Every feature's part of the catalogue. Add a part by importing it here and listing it in PARTS;
 * its keys become MessageKeys, and the i18n test checks all three languages.
 */
import type { CataloguePart } from '../define-part';
import { navigation } from './navigation';
import { importPart } from './import';
import { overview } from './overview';
import { goalDetail } from './goal-detail';
import { planEditing } from './plan-editing';
import { situation } from './situation';
import { settings } from './settings';
import { config } from './config';
import { checkIns } from './check-ins';
import { planner } from './planner';
import { plannerAssign } from './planner-assign';
import { plannerSync } from './planner-sync';
import { reminders } from './reminders';
import { reminderWebhook } from './reminder-webhook';
import { rollout } from './rollout';
import { rolloutImport } from './rollout-import';
import { statusPart } from './status';
import { planTable } from './plan-table';
import { reportsPart } from './reports';
import { charts } from './charts';

export const PARTS = [navigation, overview, goalDetail, planEditing, situation, settings, config, checkIns, importPart, planner, plannerAssign, plannerSync, reminders, reminderWebhook, rollout, rolloutImport, statusPart, planTable, charts, reportsPart] as const;

type KeysOf<P> = P extends CataloguePart<infer K> ? K : never;
export type PartKey = KeysOf<(typeof PARTS)[number]>;
