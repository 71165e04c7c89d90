import type { TabViewProps } from '../../lib/navigation';
import { MyGoalsPage } from './my-goals-page';

/** 'My goals' inside a team's tab: the signed-in person's goals in this team's plan. */
export default function TeamMyGoalsView({ teamId, teamName }: TabViewProps) {
  return <MyGoalsPage team={{ id: teamId, displayName: teamName, description: '' }} />;
}
