import type { TabViewProps } from '../../lib/navigation';
import { RolloutPage, type BoardToolsContext } from './components/rollout-page';
import { RosterExportButton, RosterImportButton } from './import/roster-import';

/** The board's tools beside 'Add representative': the roster's import from Excel or .csv and its export to .xlsx. */
function boardTools({ teamId, teamName, snapshot, onImported }: BoardToolsContext) {
  return (
    <>
      <RosterImportButton teamId={teamId} snapshot={snapshot} onImported={onImported} />
      <RosterExportButton snapshot={snapshot} teamName={teamName} />
    </>
  );
}

/** The representatives and their Org365 rollout (issue 13): everyone reads it, the board edits it. */
export default function RolloutView({ teamId, teamName, role }: TabViewProps) {
  return <RolloutPage teamId={teamId} teamName={teamName} role={role} boardTools={boardTools} />;
}
