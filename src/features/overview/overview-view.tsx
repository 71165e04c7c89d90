import type { TabViewProps } from '../../lib/navigation';
import { OverviewPage } from './components/overview-page';

/** The Overview view of the channel tab: the plan at a glance (the tab's default view). */
export default function OverviewView({ teamId, role }: TabViewProps) {
  return <OverviewPage teamId={teamId} role={role} />;
}
