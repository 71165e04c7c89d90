import { Button, Field, SearchBox, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import { memo } from 'react';
import { GOAL_STATUSES, TARIFF_AREAS, type Area, type GoalStatus, type PersonRef, type TariffArea } from '../../../domain/plan';
import { useI18n } from '../../../i18n';
import { NONE, isFilterActive, type GoalFilter } from '../plan-filter';

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
});

/** The Plan screen's filters: labelled native selects and a search box, all keyboard-operable. */
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
  return (
    <section role="search" aria-label={t('planEdit.filters')} className={styles.region}>
      <div className={styles.fields}>
        <Field label={t('planEdit.search')} className={styles.search}>
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
      <div className={styles.footer}>
        <Text role="status" aria-live="polite" data-testid="goal-count">
          {t('planEdit.count', { shown, total })}
        </Text>
        <Button
          appearance="secondary"
          icon={<Dismiss20Regular />}
          disabledFocusable={!isFilterActive(filter)}
          onClick={() => onChange({ owner: '', status: '', areaId: '', tariffArea: '', query: '' })}
        >
          {t('planEdit.clear')}
        </Button>
      </div>
    </section>
  );
});
