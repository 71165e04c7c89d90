import type { TabViewProps } from '../../lib/navigation';
import { TeamMyGoals } from './my-goals-page';

/** 'My goals' inside a team's tab: the signed-in person's goals in this team's plan, with check-ins. */
export default function TeamMyGoalsView({ teamId, teamName, view }: TabViewProps) {
  return <TeamMyGoals team={{ id: teamId, displayName: teamName, description: '' }} {...(view.name === 'mine' && view.goalId ? { focusGoalId: view.goalId } : {})} />;
}
