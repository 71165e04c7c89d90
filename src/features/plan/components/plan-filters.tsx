import {
  Button,
  DrawerBody,
  DrawerFooter,
  DrawerHeader,
  DrawerHeaderTitle,
  Field,
  OverlayDrawer,
  SearchBox,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Dismiss20Regular, Filter20Regular } from '@fluentui/react-icons';
import { memo, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { GOAL_STATUSES, TARIFF_AREAS, type Area, type GoalStatus, type PersonRef, type TariffArea } from '../../../domain/plan';
import { useI18n } from '../../../i18n';
import { EMPTY_FILTER, NONE, activeFilterCount, isFilterActive, type GoalFilter } from '../plan-filter';

/** From this width the filters show as fields; below it (a phone, a narrow Teams pane) they fold into one button. */
export const FILTERS_WIDE_QUERY = '(min-width: 720px)';

/** Whether the filters have room to show (hooks/use-media-query.ts's way, wide where the browser cannot tell). */
function useWide(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      if (typeof window.matchMedia !== 'function') return () => undefined;
      const list = window.matchMedia(FILTERS_WIDE_QUERY);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => (typeof window.matchMedia === 'function' ? window.matchMedia(FILTERS_WIDE_QUERY).matches : true),
    () => true,
  );
}

const useStyles = makeStyles({
  region: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  fields: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, '& > *': { flex: '1 1 150px', minWidth: 0 } },
  search: { flex: '2 1 240px' },
  // A native select is as wide as its longest option (long area and national-goal texts): keep it in its column.
  select: { width: '100%', minWidth: 0, maxWidth: '100%' },
  selectControl: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
  footer: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center', justifyContent: 'space-between' },
  // Folded: the button and the count on one line.
  folded: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  drawer: { height: 'auto', maxHeight: '90vh' },
  drawerFields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingBlockEnd: tokens.spacingVerticalS },
  drawerFooter: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between' },
});

/**
 * The Plan screen's filters: labelled native selects and a search box, all keyboard-operable. At
 * 720 px and wider they show as fields; narrower, they fold into one 'Filters (n)' button (n: how
 * many are set) that opens them in a drawer from the bottom, so the goals start on the first screen.
 */
export const PlanFilters = memo(function PlanFilters({
  filter,
  onChange,
  areas,
  owners,
  shown,
  total,
}: {
  filter: GoalFilter;
  onChange: (filter: GoalFilter) => void;
  areas: readonly Area[];
  owners: readonly PersonRef[];
  shown: number;
  total: number;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const set = <K extends keyof GoalFilter>(key: K, value: GoalFilter[K]) => onChange({ ...filter, [key]: value });
  const wide = useWide();
  const [open, setOpen] = useState(false);
  const titleId = useId();
  // Closing the drawer (Escape, the close button, 'Show n goals') puts the focus back on its button.
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !open) buttonRef.current?.focus();
    wasOpen.current = open;
  }, [open]);
  const fieldsClass = wide ? styles.fields : styles.drawerFields;
  const count = (
    <Text role="status" aria-live="polite" data-testid="goal-count">
      {t('planEdit.count', { shown, total })}
    </Text>
  );
  const clear = (
    <Button appearance="secondary" icon={<Dismiss20Regular />} disabledFocusable={!isFilterActive(filter)} onClick={() => onChange(EMPTY_FILTER)}>
      {t('planEdit.clear')}
    </Button>
  );
  const fields = (
    <div className={fieldsClass}>
      <Field label={t('planEdit.search')} className={wide ? styles.search : undefined}>
        <SearchBox
          value={filter.query}
          placeholder={t('planEdit.searchPlaceholder')}
          onChange={(_, d) => set('query', d.value)}
          // Fluent names its clear button 'clear', in English, whatever the language.
          dismiss={{ 'aria-label': t('planEdit.clearSearch'), title: t('planEdit.clearSearch') }}
        />
      </Field>
      <Field label={t('planEdit.owner')}>
        <Select className={styles.select} select={{ className: styles.selectControl }} value={filter.owner} onChange={(_, d) => set('owner', d.value)}>
          <option value="">{t('planEdit.all')}</option>
          <option value={NONE}>{t('planEdit.noOwner')}</option>
          {owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.displayName || o.email || o.id}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('planEdit.status')}>
        <Select className={styles.select} select={{ className: styles.selectControl }} value={filter.status} onChange={(_, d) => set('status', d.value as GoalStatus | '')}>
          <option value="">{t('planEdit.all')}</option>
          {GOAL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('planEdit.area')}>
        <Select className={styles.select} select={{ className: styles.selectControl }} value={filter.areaId} onChange={(_, d) => set('areaId', d.value)}>
          <option value="">{t('planEdit.all')}</option>
          {areas.map((a) => (
            <option key={a.id} value={a.id}>
              {`${a.number}. ${a.title}`}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('planEdit.tariffArea')}>
        <Select className={styles.select} select={{ className: styles.selectControl }} value={filter.tariffArea} onChange={(_, d) => set('tariffArea', d.value as TariffArea | typeof NONE | '')}>
          <option value="">{t('planEdit.all')}</option>
          <option value={NONE}>{t('planEdit.noTariffArea')}</option>
          {TARIFF_AREAS.map((a) => (
            <option key={a} value={a}>
              {t(`tariff.${a}`)}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
  if (!wide) {
    return (
      <section role="search" aria-label={t('planEdit.filters')} className={styles.region}>
        <div className={styles.folded}>
          <Button ref={buttonRef} icon={<Filter20Regular />} aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(true)} data-testid="filters-button">
            {t('planTable.filters.button', { count: activeFilterCount(filter) })}
          </Button>
          {count}
        </div>
        <OverlayDrawer open={open} onOpenChange={(_, data) => setOpen(data.open)} position="bottom" className={styles.drawer} aria-labelledby={titleId}>
          <DrawerHeader>
            <DrawerHeaderTitle
              heading={{ id: titleId }}
              action={<Button appearance="subtle" icon={<Dismiss20Regular />} aria-label={t('planTable.filters.close')} onClick={() => setOpen(false)} />}
            >
              {t('planTable.filters.title')}
            </DrawerHeaderTitle>
          </DrawerHeader>
          <DrawerBody>{fields}</DrawerBody>
          <DrawerFooter className={styles.drawerFooter}>
            {clear}
            <Button appearance="primary" onClick={() => setOpen(false)}>
              {t('planTable.filters.show', { count: shown })}
            </Button>
          </DrawerFooter>
        </OverlayDrawer>
      </section>
    );
  }
  return (
    <section role="search" aria-label={t('planEdit.filters')} className={styles.region}>
      {fields}
      <div className={styles.footer}>
        {count}
        {clear}
      </div>
    </section>
  );
});
