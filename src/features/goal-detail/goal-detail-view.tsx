import type { TabViewProps } from '../../lib/navigation';
import { GoalDetailPage } from './components/goal-detail-page';

/** The Goal view of the channel tab (reached from a goal link or a `goal:<id>` deep link). */
export default function GoalDetailView({ teamId, view, role }: TabViewProps) {
  const goalId = view.name === 'goal' ? view.goalId : '';
  return <GoalDetailPage key={goalId} teamId={teamId} goalId={goalId} role={role} />;
}
