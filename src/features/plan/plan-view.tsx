import type { TabViewProps } from '../../lib/navigation';
import { PlanPage } from './components/plan-page';

/** The Plan view of the channel tab. */
export default function PlanView({ teamId, teamName, role }: TabViewProps) {
  return <PlanPage teamId={teamId} teamName={teamName} role={role} />;
}
