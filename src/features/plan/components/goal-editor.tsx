import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Tag,
  TagPicker,
  TagPickerControl,
  TagPickerGroup,
  TagPickerInput,
  TagPickerList,
  TagPickerOption,
  Textarea,
  makeStyles,
  tokens,
  type TagPickerProps,
} from '@fluentui/react-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  GOAL_KINDS,
  dueProblem,
  GOAL_STATUSES,
  MAX_GOAL_OWNERS,
  REP_ROLES,
  TARIFF_AREAS,
  type GoalKind,
  type GoalStatus,
  type Area,
  type LocalGoal,
  type LocalGoalPatch,
  type Period,
  type PersonRef,
  type PlanSnapshot,
  type RepRole,
  type RolloutMeasure,
  type TariffArea,
} from '../../../domain/plan';
import { BUILT_IN_STEPS, type RolloutStep } from '../../../domain/roster';
import { rolloutStepName } from '../../../components/progress-text';
import { useStoredRoster } from '../../../hooks/use-stored-roster';
import { useI18n, type I18n } from '../../../i18n';
import { personName } from '../../../components/owner-names';
import { useServices } from '../../../lib/services';
import { teamMembersQuery } from '../../../hooks/use-team-role';
import { planQueryKey } from '../../../hooks/use-plan';
import { replaceGoal, useFetchGoal, useUpdateGoal } from '../../../hooks/use-update-goal';
import { ConflictDialog } from '../../../components/conflict-dialog';
import { saveErrorOutcome } from '../../../lib/save-outcome';
import { lastDayOf, parseDueInput, type DueInputProblem } from '../../../lib/due-input';
import { formatLocaleNumber, parseLocaleNumber, type NumberLanguage } from '../../../lib/locale-number';
import { nationalGoalChoices, nextSortOrder } from '../plan-filter';
import { useCreateGoal } from '../use-plan-mutations';
import { DateField } from './date-field';
import { useRestoreFocus } from './use-restore-focus';

const useStyles = makeStyles({
  // Nothing in the dialog is wider than the dialog: its grid's items may shrink below their content.
  body: { minWidth: 0 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  // Fields side by side in columns of one width (labels above), one under the other on a narrow screen.
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 9rem), 1fr))',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    alignItems: 'start',
    '& > *': { minWidth: 0 },
  },
  surface: { maxWidth: '640px', width: 'calc(100vw - 32px)', boxSizing: 'border-box' },
  input: { width: '100%', minWidth: 0 },
  // A native select is as wide as its longest option (long area and national-goal texts): keep it in its column.
  select: { width: '100%', minWidth: 0, maxWidth: '100%' },
  selectControl: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
  optionEmail: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  roles: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
  checks: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** The value of the list's only entry when no one can be chosen: never an owner. */
const NO_CHOICE = '__no-choice__';

/** The form's state: every field as the user typed it. */
export interface GoalForm {
  areaId: string;
  /** The national goal as the area writes it; '' for none. */
  nationalGoal: string;
  text: string;
  kind: GoalKind;
  /** The owners' Entra ids, in the order chosen. */
  ownerIds: string[];
  /** The deadline as typed or picked: a day or a month in any form lib/due-input.ts reads. */
  due: string;
  /** The day work starts, as typed or picked; '' for none. */
  start: string;
  /** Whether the goal was stored with a start (clearing it then writes null). */
  hadStart: boolean;
  status: GoalStatus | '';
  unit: string;
  baseline: string;
  target: string;
  current: string;
  count: string;
  per: Period;
  tariffArea: TariffArea | '';
  /** The rollout step that measures the goal; '' for none. */
  rolloutStep: string;
  /** The roles it counts (none: everyone). */
  rolloutRoles: RepRole[];
  /** Whether the goal was stored with a rollout measure (clearing it then writes null). */
  hadRollout: boolean;
}

/** How the form shows stored values: dates and numbers in the user's language. */
export type FormDisplay = Pick<I18n, 'formatDate'> & { readonly language: NumberLanguage };

/** Stored values as they are (ISO dates, numbers with a decimal comma): what the pure tests use. */
const PLAIN: FormDisplay = { language: 'nb', formatDate: (iso) => iso };

export function formFromGoal(goal: LocalGoal, display: FormDisplay = PLAIN): GoalForm {
  // A stored date that is not one (edited by hand in Microsoft Lists) is shown as it is, never rolled over by formatting.
  const dateText = (value: string | null | undefined) => (!value ? '' : dueProblem(value) === null ? display.formatDate(value) : value);
  const numText = (n: number | null | undefined) => (n === null || n === undefined ? '' : formatLocaleNumber(n, display.language));
  return {
    areaId: goal.areaId,
    nationalGoal: goal.nationalGoal ?? '',
    text: goal.text,
    kind: goal.kind,
    ownerIds: goal.owners.map((o) => o.id),
    due: dateText(goal.due),
    start: dateText(goal.start),
    hadStart: Boolean(goal.start),
    status: goal.status ?? '',
    unit: goal.measure?.unit ?? '',
    baseline: numText(goal.measure?.baseline),
    target: numText(goal.measure?.target),
    current: numText(goal.measure?.current),
    count: numText(goal.recurrence?.count),
    per: goal.recurrence?.per ?? 'year',
    tariffArea: goal.tariffArea ?? '',
    rolloutStep: goal.rollout?.stepId ?? '',
    rolloutRoles: [...(goal.rollout?.roles ?? [])],
    hadRollout: Boolean(goal.rollout),
  };
}

/** An empty form for a new goal under an area (and, when given, a national goal). */
export function emptyForm(areaId: string, nationalGoal: string | null): GoalForm {
  return {
    areaId,
    nationalGoal: nationalGoal ?? '',
    text: '',
    kind: 'milestone',
    ownerIds: [],
    due: '',
    start: '',
    hadStart: false,
    status: '',
    unit: '',
    baseline: '',
    target: '',
    current: '',
    count: '',
    per: 'year',
    tariffArea: '',
    rolloutStep: '',
    rolloutRoles: [],
    hadRollout: false,
  };
}

/**
 * The board chooses the rollout step that measures the goal ('' clears it): the goal becomes
 * measured in %, from 0 to 100; a baseline and target already given in % are kept.
 */
export function chooseRolloutStep(form: GoalForm, stepId: string): GoalForm {
  if (!stepId) return { ...form, rolloutStep: '' };
  const inPercent = form.kind === 'measured' && form.unit.trim() === '%';
  return {
    ...form,
    rolloutStep: stepId,
    kind: 'measured',
    unit: '%',
    baseline: inPercent && form.baseline.trim() ? form.baseline : '0',
    target: inPercent && form.target.trim() ? form.target : '100',
  };
}

/** Ticks or unticks a role the rollout measure counts, keeping the roles in their usual order. */
export function toggleRolloutRole(form: GoalForm, role: RepRole, on: boolean): GoalForm {
  const roles = new Set(form.rolloutRoles);
  if (on) roles.add(role);
  else roles.delete(role);
  return { ...form, rolloutRoles: REP_ROLES.filter((r) => roles.has(r)) };
}

/** The steps a goal can be measured by: those not retired, and the goal's own step even when it is. */
export function rolloutStepChoices(steps: readonly RolloutStep[], current: string): RolloutStep[] {
  const shown = steps.filter((s) => !s.retired || s.id === current);
  if (current && !shown.some((s) => s.id === current)) shown.push({ id: current, label: null, kind: 'manual', retired: true });
  return shown;
}

export type FormErrors = Partial<
  Record<
    keyof GoalForm,
    | 'goal.validation.text'
    | 'goal.validation.due'
    | 'goal.validation.dueNoSuchDay'
    | 'planEdit.date.noSuchMonth'
    | 'planEdit.date.needsYear'
    | 'planEdit.start.format'
    | 'planEdit.start.afterDue'
    | 'goal.validation.number'
    | 'goal.validation.count'
    | 'planEdit.validation.owners'
  >
>;

/** The message for a date that cannot be read; `format` names the forms the field takes. */
function dateMessage(problem: DueInputProblem, format: 'goal.validation.due' | 'planEdit.start.format'): NonNullable<FormErrors['due']> {
  if (problem === 'noSuchDay') return 'goal.validation.dueNoSuchDay';
  if (problem === 'noSuchMonth') return 'planEdit.date.noSuchMonth';
  if (problem === 'needsYear') return 'planEdit.date.needsYear';
  return format;
}

/** A person the owner picker offers: a team member, or an owner the goal had who is no longer in the team. */
export interface OwnerChoice extends PersonRef {
  readonly inTeam: boolean;
}

const sortName = (p: PersonRef) => p.displayName.trim() || p.email?.trim() || '';

/**
 * The people who can own a goal: the team's members, and the goal's stored owners who are no
 * longer members (kept with their stored name, so they stay visible and can be removed), sorted by
 * name. A member's current name and e-mail win over what a goal stored.
 */
export function ownerChoices(members: readonly PersonRef[], stored: readonly PersonRef[], locale?: string): OwnerChoice[] {
  const byId = new Map<string, OwnerChoice>();
  for (const m of members) if (!byId.has(m.id)) byId.set(m.id, { id: m.id, displayName: m.displayName, email: m.email ?? null, inTeam: true });
  for (const o of stored) if (!byId.has(o.id)) byId.set(o.id, { id: o.id, displayName: o.displayName, email: o.email ?? null, inTeam: false });
  return [...byId.values()].sort((a, b) => sortName(a).localeCompare(sortName(b), locale));
}

/** A number field: null when empty, undefined when it holds something that is not a number. */
const parseNumber = (s: string, language: NumberLanguage): number | null | undefined => (s.trim() === '' ? null : (parseLocaleNumber(s, language) ?? undefined));

/**
 * Validates the form and turns it into a patch; pure, unit-tested. Numbers are read as `language`
 * writes them ('2,5' in Norwegian, '2.5' in English); dates in any form lib/due-input.ts reads.
 */
export function patchFromForm(form: GoalForm, people: readonly PersonRef[], language: NumberLanguage = 'nb'): { patch: LocalGoalPatch; errors: FormErrors } {
  const errors: FormErrors = {};
  if (!form.text.trim()) errors.text = 'goal.validation.text';
  const dueInput = parseDueInput(form.due);
  let due: string | null = null;
  if (dueInput.kind === 'invalid') errors.due = dateMessage(dueInput.problem, 'goal.validation.due');
  else if (dueInput.kind !== 'empty') due = dueInput.value;
  const startInput = parseDueInput(form.start);
  let start: string | null = null;
  if (startInput.kind === 'invalid') errors.start = dateMessage(startInput.problem, 'planEdit.start.format');
  else if (startInput.kind === 'month') errors.start = 'planEdit.start.format';
  else if (startInput.kind === 'day') start = startInput.value;
  // The start is a day; a deadline that is a month lasts to its last day.
  if (start && due && start > lastDayOf(due)) errors.start = 'planEdit.start.afterDue';
  const baseline = parseNumber(form.baseline, language);
  const target = parseNumber(form.target, language);
  const current = parseNumber(form.current, language);
  const count = parseNumber(form.count, language);
  if (form.kind === 'measured' || form.rolloutStep) {
    if (baseline === undefined) errors.baseline = 'goal.validation.number';
    if (target === undefined) errors.target = 'goal.validation.number';
    if (current === undefined) errors.current = 'goal.validation.number';
  }
  if (form.kind === 'recurring' && (count === undefined || count === null || !Number.isInteger(count) || count < 1)) {
    errors.count = 'goal.validation.count';
  }
  const ownerIds = [...new Set(form.ownerIds)];
  if (ownerIds.length > MAX_GOAL_OWNERS) errors.ownerIds = 'planEdit.validation.owners';
  const owners = ownerIds.map((id): PersonRef => {
    const person = people.find((p) => p.id === id);
    return { id, displayName: person?.displayName ?? '', email: person?.email ?? null };
  });
  const rollout: RolloutMeasure | null = form.rolloutStep ? { stepId: form.rolloutStep, roles: REP_ROLES.filter((r) => form.rolloutRoles.includes(r)) } : null;
  // A goal measured by the rollout is a share in %, whatever the kind and unit fields say.
  const kind: GoalKind = rollout ? 'measured' : form.kind;
  const unit = rollout ? '%' : form.unit.trim();
  const patch: LocalGoalPatch = {
    areaId: form.areaId,
    nationalGoal: form.nationalGoal || null,
    text: form.text.trim(),
    kind,
    owners,
    due,
    // Written only when the goal has or had a start: other goals' stored items stay as they are.
    ...(start || form.hadStart ? { start } : {}),
    status: form.status || null,
    measure: kind === 'measured' || unit ? { unit, baseline: baseline ?? null, target: target ?? null, current: current ?? null } : null,
    recurrence: kind === 'recurring' && typeof count === 'number' ? { count, per: form.per } : null,
    tariffArea: form.tariffArea || null,
    // Written only when the goal is or was measured by the rollout: other goals' stored items stay as they are.
    ...(rollout || form.hadRollout ? { rollout } : {}),
  };
  return { patch, errors };
}


export type EditorMode =
  | { readonly kind: 'edit'; readonly goal: LocalGoal }
  | { readonly kind: 'create'; readonly areaId: string; readonly nationalGoal: string | null };

export type EditorResult = 'saved' | 'created' | null;

/**
 * The goal form in a dialog: edits a goal (with eTag conflict handling) or, for the board, adds
 * one. Area and national goal are fields too, so a goal can be moved to another area.
 */
export function GoalEditor({
  teamId,
  planId,
  mode,
  areas,
  goals,
  onClose,
}: {
  teamId: string;
  planId: string;
  mode: EditorMode;
  areas: readonly Area[];
  /** Every goal of the plan (for the place a new or moved goal takes). */
  goals: readonly LocalGoal[];
  onClose: (result: EditorResult) => void;
}) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, locale, language, formatDate } = i18n;
  const { directory, session } = useServices();
  useRestoreFocus();
  const queryClient = useQueryClient();
  const members = useQuery(teamMembersQuery(directory, teamId));
  const update = useUpdateGoal(teamId);
  const createGoal = useCreateGoal(teamId);
  const fetchGoal = useFetchGoal(teamId);
  const goal = mode.kind === 'edit' ? mode.goal : null;
  const [form, setForm] = useState<GoalForm>(() => (goal ? formFromGoal(goal, i18n) : emptyForm(mode.kind === 'create' ? mode.areaId : '', mode.kind === 'create' ? mode.nationalGoal : null)));
  const [etag, setEtag] = useState<string | null>(goal?.etag ?? null);
  const [errors, setErrors] = useState<FormErrors>({});
  const [failure, setFailure] = useState<'goal.saveFailed' | 'goal.deleted' | 'planEdit.createFailed' | 'save.denied' | null>(null);
  const [conflict, setConflict] = useState<LocalGoal | null>(null);
  const [creating, setCreating] = useState(false);
  /** Owners the goal has had while the editor is open (its own, and those of a version reloaded after a conflict). */
  const [storedOwners, setStoredOwners] = useState<readonly PersonRef[]>(goal?.owners ?? []);
  const [ownerQuery, setOwnerQuery] = useState('');
  const busy = update.isPending || creating;
  const [ownersOpen, setOwnersOpen] = useState(false);
  const [createKey] = useState(() => crypto.randomUUID());
  // The roster (and with it the board's own steps) is read only once the rollout field is used, or
  // when the goal is measured by a step of the board's own; until then the built-in steps are offered.
  const [stepsWanted, setStepsWanted] = useState(() => Boolean(goal?.rollout && !BUILT_IN_STEPS.some((s) => s.id === goal.rollout?.stepId)));
  const rosterQuery = useStoredRoster(teamId, { enabled: stepsWanted });
  const steps = rosterQuery.data?.steps ?? BUILT_IN_STEPS;

  const people = ownerChoices(members.data ?? [], storedOwners, locale);
  const personById = new Map(people.map((p) => [p.id, p]));
  const area = areas.find((a) => a.id === form.areaId);
  const nationalGoals = nationalGoalChoices(area, goal && goal.areaId === form.areaId ? goal.nationalGoal : null);

  const set = <K extends keyof GoalForm>(key: K, value: GoalForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setArea = (areaId: string) =>
    setForm((f) => {
      const next = areas.find((a) => a.id === areaId);
      const keep = next?.nationalGoals.includes(f.nationalGoal) || (goal?.areaId === areaId && goal.nationalGoal === f.nationalGoal);
      return { ...f, areaId, nationalGoal: keep ? f.nationalGoal : '' };
    });

  async function save(ifMatch: string | null) {
    const { patch, errors: found } = patchFromForm(form, people, language);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setFailure(null);
    if (!goal) {
      setCreating(true);
      try {
        await createGoal({
          // One key per dialog: saving again after a failure stores the goal once, not twice.
          clientId: createKey,
          planId,
          areaId: form.areaId,
          nationalGoal: patch.nationalGoal ?? null,
          text: patch.text ?? '',
          kind: patch.kind ?? 'milestone',
          owners: patch.owners ?? [],
          due: patch.due ?? null,
          ...(patch.start ? { start: patch.start } : {}),
          status: patch.status ?? null,
          measure: patch.measure ?? null,
          recurrence: patch.recurrence ?? null,
          tariffArea: patch.tariffArea ?? null,
          sortOrder: nextSortOrder(goals),
          ...(patch.rollout ? { rollout: patch.rollout } : {}),
        });
        onClose('created');
      } catch {
        setFailure('planEdit.createFailed');
      } finally {
        setCreating(false);
      }
      return;
    }
    // A goal moved to another area or national goal goes last there.
    const moved = patch.areaId !== goal.areaId || patch.nationalGoal !== goal.nationalGoal;
    const full: LocalGoalPatch = moved ? { ...patch, sortOrder: nextSortOrder(goals) } : patch;
    try {
      await update.mutateAsync({ id: goal.id, patch: full, ifMatch });
      onClose('saved');
    } catch (err) {
      const outcome = await saveErrorOutcome(err, () => fetchGoal(goal.id));
      if (outcome.kind === 'conflict') setConflict(outcome.latest);
      else setFailure(outcome.kind === 'gone' ? 'goal.deleted' : outcome.kind === 'denied' ? 'save.denied' : 'goal.saveFailed');
    }
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save(etag);
  };

  const reloadTheirs = (latest: LocalGoal) => {
    setStoredOwners((known) => [...latest.owners, ...known]);
    setForm(formFromGoal(latest, i18n));
    setEtag(latest.etag ?? null);
    setConflict(null);
    queryClient.setQueryData<PlanSnapshot | null>(planQueryKey(teamId), (old) => replaceGoal(old, latest));
  };

  const overwrite = (latest: LocalGoal) => {
    setEtag(latest.etag ?? null);
    setConflict(null);
    void save(latest.etag ?? null);
  };

  const dueInput = parseDueInput(form.due);
  const dueShown = dueInput.kind === 'day' || dueInput.kind === 'month' ? formatDate(dueInput.value) : form.due;
  const errorText = (key: keyof GoalForm) => (errors[key] ? t(errors[key], { max: MAX_GOAL_OWNERS, due: dueShown }) : undefined);
  const today = session.today();

  const onOwnerSelect: TagPickerProps['onOptionSelect'] = (_, data) => {
    if (data.value === NO_CHOICE) return;
    const ownerIds = data.selectedOptions.filter((id) => id !== NO_CHOICE);
    setForm((f) => ({ ...f, ownerIds }));
    // A too-long list that is short enough again no longer needs its message.
    if (ownerIds.length <= MAX_GOAL_OWNERS) setErrors((e) => (e.ownerIds ? { ...e, ownerIds: undefined } : e));
    setOwnerQuery('');
  };
  const query = ownerQuery.trim().toLocaleLowerCase(locale);
  const ownerOptions = people.filter(
    (p) =>
      !form.ownerIds.includes(p.id) &&
      (!query || p.displayName.toLocaleLowerCase(locale).includes(query) || (p.email ?? '').toLocaleLowerCase(locale).includes(query)),
  );
  const noChoiceText = t(members.isLoading ? 'planEdit.peopleLoading' : members.error ? 'planEdit.peopleFailed' : 'planEdit.noPeopleMatch');

  return (
    <>
      <Dialog open={!conflict} modalType="modal" onOpenChange={(_, data) => !data.open && onClose(null)}>
        <DialogSurface className={styles.surface}>
          <form onSubmit={onSubmit} noValidate>
            <DialogBody className={styles.body}>
              <DialogTitle>{t(goal ? 'goal.editTitle' : 'planEdit.addTitle')}</DialogTitle>
              <DialogContent className={styles.form}>
                {failure && (
                  <MessageBar intent="error" role="alert">
                    <MessageBarBody>{t(failure)}</MessageBarBody>
                  </MessageBar>
                )}
                <Field label={t('goal.text')} required validationMessage={errorText('text')}>
                  <Textarea className={styles.input} value={form.text} onChange={(_, d) => set('text', d.value)} resize="vertical" rows={3} />
                </Field>
                <div className={styles.row}>
                  <Field label={t('planEdit.area')}>
                    <Select className={styles.select} select={{ className: styles.selectControl }} value={form.areaId} onChange={(_, d) => setArea(d.value)}>
                      {!area && <option value={form.areaId}>{t('plan.notPlaced')}</option>}
                      {areas.map((a) => (
                        <option key={a.id} value={a.id}>
                          {`${a.number}. ${a.title}`}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label={t('planEdit.nationalGoal')}>
                    <Select className={styles.select} select={{ className: styles.selectControl }} value={form.nationalGoal} onChange={(_, d) => set('nationalGoal', d.value)}>
                      <option value="">{t('planEdit.noNationalGoal')}</option>
                      {nationalGoals.map((ng) => (
                        <option key={ng} value={ng}>
                          {ng}
                        </option>
                      ))}
                    </Select>
                  </Field>
                </div>
                <Field label={t('planEdit.owners')} hint={t('planEdit.ownersHint', { max: MAX_GOAL_OWNERS })} validationMessage={errorText('ownerIds')}>
                  <TagPicker selectedOptions={form.ownerIds} onOptionSelect={onOwnerSelect} open={ownersOpen} onOpenChange={(_, data) => setOwnersOpen(data.open)}>
                    <TagPickerControl>
                      <TagPickerGroup aria-label={t('planEdit.selectedOwners')}>
                        {form.ownerIds.map((id) => {
                          const person = personById.get(id);
                          const name = person ? personName(person, t) : t('goal.unnamedPerson');
                          return (
                            <Tag key={id} value={id} shape="rounded" aria-label={t('planEdit.removeOwner', { name })} title={person?.email ?? undefined}>
                              {name}
                            </Tag>
                          );
                        })}
                      </TagPickerGroup>
                      <TagPickerInput
                        value={ownerQuery}
                        onChange={(e) => {
                          setOwnerQuery(e.target.value);
                          // Typing a name shows the matching people at once.
                          setOwnersOpen(true);
                        }}
                        placeholder={form.ownerIds.length === 0 ? t('planEdit.ownersPlaceholder') : undefined}
                      />
                    </TagPickerControl>
                    <TagPickerList>
                      {ownerOptions.length > 0 ? (
                        ownerOptions.map((p) => {
                          const name = personName(p, t);
                          const detail = [p.email && p.email !== name ? p.email : null, p.inTeam ? null : t('planEdit.notInTeam')].filter(Boolean).join(' · ');
                          return (
                            <TagPickerOption key={p.id} value={p.id} text={name} secondaryContent={detail ? <span className={styles.optionEmail}>{detail}</span> : undefined}>
                              {name}
                            </TagPickerOption>
                          );
                        })
                      ) : (
                        <TagPickerOption value={NO_CHOICE} text={noChoiceText} aria-disabled>
                          {noChoiceText}
                        </TagPickerOption>
                      )}
                    </TagPickerList>
                  </TagPicker>
                </Field>
                <div className={styles.row}>
                  <Field label={t('goal.due')} validationMessage={errorText('due')} hint={t('planEdit.dueHint')}>
                    <DateField value={form.due} onChange={(v) => set('due', v)} months today={today} />
                  </Field>
                  <Field label={t('planEdit.start')} validationMessage={errorText('start')} hint={t('planEdit.startHint')}>
                    <DateField value={form.start} onChange={(v) => set('start', v)} months={false} today={today} />
                  </Field>
                </div>
                <div className={styles.row}>
                  <Field label={t('goal.status')}>
                    <Select className={styles.select} select={{ className: styles.selectControl }} value={form.status} onChange={(_, d) => set('status', d.value as GoalStatus | '')}>
                      <option value="">{t('goal.statusAuto')}</option>
                      {GOAL_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {t(`status.${s}`)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label={t('goal.kind')}>
                    <Select
                      className={styles.select}
                      select={{ className: styles.selectControl }}
                      value={form.kind}
                      disabled={Boolean(form.rolloutStep)}
                      onChange={(_, d) => set('kind', d.value as GoalKind)}
                    >
                      {GOAL_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {t(`kind.${k}`)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label={t('goal.tariffArea')}>
                    <Select className={styles.select} select={{ className: styles.selectControl }} value={form.tariffArea} onChange={(_, d) => set('tariffArea', d.value as TariffArea | '')}>
                      <option value="">{t('goal.none')}</option>
                      {TARIFF_AREAS.map((a) => (
                        <option key={a} value={a}>
                          {t(`tariff.${a}`)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                </div>
                <Field label={t('planEdit.rollout.label')} hint={form.rolloutStep ? t('planEdit.rollout.hint') : undefined}>
                  <Select
                    className={styles.select}
                    select={{ className: styles.selectControl }}
                    value={form.rolloutStep}
                    onFocus={() => setStepsWanted(true)}
                    onPointerDown={() => setStepsWanted(true)}
                    onChange={(_, d) => setForm((f) => chooseRolloutStep(f, d.value))}
                  >
                    <option value="">{t('planEdit.rollout.none')}</option>
                    {rolloutStepChoices(steps, form.rolloutStep).map((s) => (
                      <option key={s.id} value={s.id}>
                        {rolloutStepName(s.id, t, steps)}
                      </option>
                    ))}
                  </Select>
                </Field>
                {form.rolloutStep && (
                  <fieldset className={styles.roles}>
                    <legend className={styles.legend}>{t('planEdit.rollout.roles')}</legend>
                    <div className={styles.checks}>
                      {REP_ROLES.map((role) => (
                        <Checkbox
                          key={role}
                          label={t(`rolloutNames.role.${role}`)}
                          checked={form.rolloutRoles.includes(role)}
                          onChange={(_, d) => setForm((f) => toggleRolloutRole(f, role, d.checked === true))}
                        />
                      ))}
                    </div>
                    <span className={styles.hint}>{t('planEdit.rollout.rolesHint')}</span>
                  </fieldset>
                )}
                {form.kind === 'measured' && (
                  <div className={styles.row}>
                    <Field label={t('goal.unit')}>
                      <Input className={styles.input} value={form.rolloutStep ? '%' : form.unit} readOnly={Boolean(form.rolloutStep)} onChange={(_, d) => set('unit', d.value)} />
                    </Field>
                    <Field label={t('goal.baseline')} validationMessage={errorText('baseline')}>
                      <Input className={styles.input} inputMode="decimal" value={form.baseline} onChange={(_, d) => set('baseline', d.value)} />
                    </Field>
                    <Field label={t('goal.target')} validationMessage={errorText('target')}>
                      <Input className={styles.input} inputMode="decimal" value={form.target} onChange={(_, d) => set('target', d.value)} />
                    </Field>
                    <Field label={t('goal.current')} validationMessage={errorText('current')} hint={form.rolloutStep ? t('planEdit.rollout.current') : undefined}>
                      <Input className={styles.input} inputMode="decimal" value={form.current} onChange={(_, d) => set('current', d.value)} />
                    </Field>
                  </div>
                )}
                {form.kind === 'recurring' && (
                  <div className={styles.row}>
                    <Field label={t('goal.recurrenceCount')} validationMessage={errorText('count')}>
                      <Input className={styles.input} inputMode="numeric" value={form.count} onChange={(_, d) => set('count', d.value)} />
                    </Field>
                    <Field label={t('goal.recurrencePer')}>
                      <Select className={styles.select} select={{ className: styles.selectControl }} value={form.per} onChange={(_, d) => set('per', d.value as Period)}>
                        <option value="year">{t('per.year')}</option>
                        <option value="month">{t('per.month')}</option>
                      </Select>
                    </Field>
                  </div>
                )}
              </DialogContent>
              <DialogActions>
                <Button appearance="secondary" onClick={() => onClose(null)} disabled={busy}>
                  {t('goal.cancel')}
                </Button>
                <Button appearance="primary" type="submit" disabled={busy}>
                  {busy ? t('goal.saving') : t('goal.save')}
                </Button>
              </DialogActions>
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>
      {conflict && (
        <ConflictDialog
          title={t('conflict.title')}
          body={t('conflict.body', { name: conflict.modifiedBy ?? t('conflict.someone') })}
          onReload={() => reloadTheirs(conflict)}
          onOverwrite={() => overwrite(conflict)}
        />
      )}
    </>
  );
}
