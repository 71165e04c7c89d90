import type { TabViewProps } from '../../lib/navigation';
import { SettingsPage } from './components/settings-page';

/** The Settings view (board only; registered with boardOnly in the tab's view list). */
export default function SettingsView({ teamId }: TabViewProps) {
  return <SettingsPage teamId={teamId} />;
}
