/**
 * The board's roster import and export on the rollout view (issue 13). Import: an .xlsx or .csv is
 * read in the browser (the spreadsheet module is loaded only then), checked row by row against the
 * roster and shown as a preview (roster-import-dialog.tsx) before anything is saved. Export: the
 * roster and its steps as an .xlsx download, in the user's language, that the import reads back.
 * The caller shows these to the board only.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular, ArrowUpload20Regular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { stepDone } from '../../../domain/roster';
import type { RosterSnapshot } from '../../../domain/roster-port';
import { useI18n } from '../../../i18n';
import type { RosterImportPlan, RosterSheet } from '../../../import/roster';
import { RosterImportDialog } from './roster-import-dialog';
import { exportFileName, exportLabels, fileErrorMessage, importLabels, type Message } from './roster-import-model';
import { downloadBytes, readRosterPlan, rosterWorkbook } from './roster-file';

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
});

/** What the file input accepts: workbooks and delimited text, by extension and by type. */
export const ROSTER_ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

interface Preview {
  /** Each file read is a new preview, with its own save attempts. */
  readonly id: number;
  readonly fileName: string;
  readonly sheet: RosterSheet;
  readonly plan: RosterImportPlan;
}

export function RosterImportButton({ teamId, snapshot, onImported }: { teamId: string; snapshot: RosterSnapshot; onImported: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [reading, setReading] = useState<string | null>(null);
  const [error, setError] = useState<Message | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const reads = useRef(0);

  const onFile = async (file: File) => {
    setError(null);
    setReading(file.name);
    try {
      const result = await readRosterPlan(file, snapshot.reps, importLabels());
      if (result.ok) setPreview({ id: (reads.current += 1), fileName: file.name, sheet: result.sheet, plan: result.plan });
      else setError(result.code ? fileErrorMessage(result.code, result.params) : { key: 'rosterImport.fileError.unexpected' });
    } finally {
      setReading(null);
    }
  };

  return (
    <div className={styles.wrap}>
      {reading ? (
        <Spinner size="tiny" label={t('rosterImport.reading', { name: reading })} />
      ) : (
        <Button icon={<ArrowUpload20Regular />} onClick={() => input.current?.click()}>
          {t('rosterImport.button')}
        </Button>
      )}
      <input
        ref={input}
        type="file"
        hidden
        accept={ROSTER_ACCEPT}
        aria-label={t('rosterImport.fileInput')}
        data-testid="roster-import-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void onFile(file);
        }}
      />
      <div role="alert">
        {error && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('rosterImport.fileError.title')}</MessageBarTitle>
              {t(error.key, error.params)}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {preview && (
        <RosterImportDialog
          key={preview.id}
          teamId={teamId}
          fileName={preview.fileName}
          sheet={preview.sheet}
          initialPlan={preview.plan}
          onClose={() => setPreview(null)}
          onImported={onImported}
        />
      )}
    </div>
  );
}

export function RosterExportButton({ snapshot, teamName }: { snapshot: RosterSnapshot; teamName: string }) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const onExport = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const bytes = await rosterWorkbook({
        reps: snapshot.reps,
        steps: snapshot.steps,
        stepDone: (rep, step) => stepDone(rep, step, snapshot.facts),
        labels: exportLabels(language),
      });
      downloadBytes(bytes, exportFileName(teamName, t));
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.wrap}>
      <Button icon={<ArrowDownload20Regular />} disabled={busy} onClick={() => void onExport()}>
        {busy ? t('rosterExport.working') : t('rosterExport.button')}
      </Button>
      <div role="alert">
        {failed && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{t('rosterExport.failed')}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </div>
  );
}
