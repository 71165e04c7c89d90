import type { TabViewProps } from '../../lib/navigation';
import { SituationPage } from './components/situation-page';

/** The Situation view: the plan's current situation and challenges. */
export default function SituationView({ teamId, role }: TabViewProps) {
  return <SituationPage teamId={teamId} role={role} />;
}
