/** The Plan screen's choice between today's cards and the table: a small Fluent TabList controlling the goals' panel. */
import { Tab, TabList } from '@fluentui/react-components';
import { Grid20Regular, Table20Regular } from '@fluentui/react-icons';
import { useI18n } from '../../../i18n';
import type { PlanViewMode } from './table-model';

export const viewTabId = (mode: PlanViewMode) => `plan-view-tab-${mode}`;

export function ViewSwitch({ view, panelId, onChange }: { view: PlanViewMode; panelId: string; onChange: (view: PlanViewMode) => void }) {
  const { t } = useI18n();
  return (
    <TabList size="small" selectedValue={view} onTabSelect={(_, data) => onChange(data.value === 'table' ? 'table' : 'cards')} aria-label={t('planTable.view.label')}>
      <Tab value="cards" id={viewTabId('cards')} icon={<Grid20Regular />} aria-controls={view === 'cards' ? panelId : undefined}>
        {t('planTable.view.cards')}
      </Tab>
      <Tab value="table" id={viewTabId('table')} icon={<Table20Regular />} aria-controls={view === 'table' ? panelId : undefined}>
        {t('planTable.view.table')}
      </Tab>
    </TabList>
  );
}
