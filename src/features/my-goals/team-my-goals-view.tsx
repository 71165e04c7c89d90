import type { TabViewProps } from '../../lib/navigation';
import { TeamMyGoals } from './my-goals-page';
import { OwnChecklist } from './own-checklist';

/**
 * 'My goals' inside a team's tab: the signed-in person's goals in this team's plan, with check-ins;
 * above them, for a representative on the team's roster, their own rollout checklist.
 */
export default function TeamMyGoalsView({ teamId, teamName, view }: TabViewProps) {
  return (
    <TeamMyGoals
      team={{ id: teamId, displayName: teamName, description: '' }}
      before={<OwnChecklist teamId={teamId} />}
      {...(view.name === 'mine' && view.goalId ? { focusGoalId: view.goalId } : {})}
    />
  );
}
