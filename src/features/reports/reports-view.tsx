import type { TabViewProps } from '../../lib/navigation';
import { ReportsPage } from './components/reports-page';

/** The board's Reports view (board only): the meeting report, the annual report, and what changed since the last meeting. */
export default function ReportsView({ teamId, role }: TabViewProps) {
  return <ReportsPage teamId={teamId} role={role} />;
}
