/**
 * The board's owners control in a table row: a button with the owners' names that opens the goal
 * editor's owner picker (the team's members, up to six, by Entra id; goal-editor.tsx ownerChoices)
 * in a popover, saved with 'Save owners'. Escape or 'Cancel' closes it without saving.
 */
import {
  Button,
  Field,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  Tag,
  TagPicker,
  TagPickerControl,
  TagPickerGroup,
  TagPickerInput,
  TagPickerList,
  TagPickerOption,
  makeStyles,
  tokens,
  typographyStyles,
  type TagPickerProps,
} from '@fluentui/react-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { MAX_GOAL_OWNERS, type LocalGoal, type PersonRef } from '../../../domain/plan';
import { ownerNames, personName } from '../../../components/owner-names';
import { teamMembersKey, teamMembersQuery } from '../../../hooks/use-team-role';
import { useI18n } from '../../../i18n';
import { useServices } from '../../../lib/services';
import { ownerChoices } from '../components/goal-editor';

/** The value of the list's only entry when no one can be chosen: never an owner. */
const NO_CHOICE = '__no-choice__';

const useStyles = makeStyles({
  trigger: { ...typographyStyles.body1, minWidth: 0, maxWidth: '100%', justifyContent: 'flex-start', textAlign: 'start', paddingInline: tokens.spacingHorizontalXS },
  triggerText: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  surface: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, width: 'min(360px, calc(100vw - 32px))', boxSizing: 'border-box' },
  title: { ...typographyStyles.subtitle2, margin: 0, overflowWrap: 'anywhere' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, justifyContent: 'flex-end' },
  optionEmail: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

/** The people a goal's owners are picked from, and the picker over them. */
function OwnerPicker({ teamId, goal, ownerIds, onChange, error }: { teamId: string; goal: LocalGoal; ownerIds: readonly string[]; onChange: (ids: string[]) => void; error?: string }) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const { directory } = useServices();
  const members = useQuery(teamMembersQuery(directory, teamId));
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const people = ownerChoices(members.data ?? [], goal.owners, locale);
  const byId = new Map(people.map((p) => [p.id, p]));
  const q = query.trim().toLocaleLowerCase(locale);
  const options = people.filter(
    (p) => !ownerIds.includes(p.id) && (!q || p.displayName.toLocaleLowerCase(locale).includes(q) || (p.email ?? '').toLocaleLowerCase(locale).includes(q)),
  );
  const noChoiceText = t(members.isLoading ? 'planEdit.peopleLoading' : members.error ? 'planEdit.peopleFailed' : 'planEdit.noPeopleMatch');
  const onSelect: TagPickerProps['onOptionSelect'] = (_, data) => {
    if (data.value === NO_CHOICE) return;
    onChange(data.selectedOptions.filter((id) => id !== NO_CHOICE));
    setQuery('');
  };
  return (
    <Field label={t('planEdit.owners')} hint={t('planEdit.ownersHint', { max: MAX_GOAL_OWNERS })} validationMessage={error}>
      <TagPicker selectedOptions={[...ownerIds]} onOptionSelect={onSelect} open={open} onOpenChange={(_, data) => setOpen(data.open)}>
        <TagPickerControl>
          <TagPickerGroup aria-label={t('planEdit.selectedOwners')}>
            {ownerIds.map((id) => {
              const person = byId.get(id);
              const name = person ? personName(person, t) : t('goal.unnamedPerson');
              return (
                <Tag key={id} value={id} shape="rounded" aria-label={t('planEdit.removeOwner', { name })} title={person?.email ?? undefined}>
                  {name}
                </Tag>
              );
            })}
          </TagPickerGroup>
          <TagPickerInput
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setOpen(true);
            }}
            placeholder={ownerIds.length === 0 ? t('planEdit.ownersPlaceholder') : undefined}
          />
        </TagPickerControl>
        <TagPickerList>
          {options.length > 0 ? (
            options.map((p) => {
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
  );
}

/** Owners as the picker's people know them (a member's current name wins); unknown ids keep what the goal stored. */
function ownersFor(ids: readonly string[], goal: LocalGoal, members: readonly PersonRef[]): PersonRef[] {
  return ids.map((id) => {
    const person = members.find((m) => m.id === id) ?? goal.owners.find((o) => o.id === id);
    return { id, displayName: person?.displayName ?? '', email: person?.email ?? null };
  });
}

export function OwnersButton({
  teamId,
  goal,
  goalText,
  focusKey,
  busy,
  onSave,
}: {
  teamId: string;
  goal: LocalGoal;
  /** The goal's text, short, naming the button for screen readers. */
  goalText: string;
  focusKey: string;
  busy: boolean;
  onSave: (owners: PersonRef[]) => void;
}) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [ids, setIds] = useState<string[]>(() => goal.owners.map((o) => o.id));
  const [tooMany, setTooMany] = useState(false);
  const titleId = useId();
  const names = ownerNames(goal.owners, i18n);

  const onOpenChange = (next: boolean) => {
    // Opening starts from what is stored.
    if (next) {
      setIds(goal.owners.map((o) => o.id));
      setTooMany(false);
    }
    setOpen(next);
  };
  const save = () => {
    const unique = [...new Set(ids)];
    if (unique.length > MAX_GOAL_OWNERS) {
      setTooMany(true);
      return;
    }
    setOpen(false);
    const same = unique.length === goal.owners.length && unique.every((id, i) => goal.owners[i]?.id === id);
    // The picker read the team's members into the query cache: their current names go with the ids.
    if (!same) onSave(ownersFor(unique, goal, queryClient.getQueryData<readonly PersonRef[]>(teamMembersKey(teamId)) ?? []));
  };

  return (
    <Popover open={open} onOpenChange={(_, data) => onOpenChange(data.open)} trapFocus positioning="below-start">
      <PopoverTrigger disableButtonEnhancement>
        <Button
          size="small"
          appearance="subtle"
          className={styles.trigger}
          aria-label={t('planTable.owners.edit', { goal: goalText, names })}
          aria-busy={busy || undefined}
          data-focus-key={focusKey}
        >
          <span className={styles.triggerText}>{names}</span>
        </Button>
      </PopoverTrigger>
      <PopoverSurface className={styles.surface} aria-labelledby={titleId}>
        <h2 id={titleId} className={styles.title}>
          {t('planTable.owners.title', { goal: goalText })}
        </h2>
        <OwnerPicker
          teamId={teamId}
          goal={goal}
          ownerIds={ids}
          onChange={(next) => {
            setIds(next);
            if (next.length <= MAX_GOAL_OWNERS) setTooMany(false);
          }}
          error={tooMany ? t('planEdit.validation.owners', { max: MAX_GOAL_OWNERS }) : undefined}
        />
        <div className={styles.actions}>
          <Button appearance="secondary" onClick={() => setOpen(false)}>
            {t('planTable.owners.cancel')}
          </Button>
          <Button appearance="primary" onClick={save}>
            {t('planTable.owners.save')}
          </Button>
        </div>
      </PopoverSurface>
    </Popover>
  );
}
