/** Choosing the plan file: a button (keyboard) or drag and drop, and the national template as an alternative. */
import { Body1, Button, Field, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Spinner, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useRef, useState, type DragEvent } from 'react';
import { useI18n } from '../../../i18n';

const useStyles = makeStyles({
  zone: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'center',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingVerticalXXL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    textAlign: 'center',
  },
  over: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
});

export function UploadPanel({
  busyName,
  error,
  onFile,
  onTemplate,
}: {
  busyName: string | null;
  error: string | null;
  onFile: (file: File) => void;
  onTemplate: (language: 'nb' | 'nn') => void;
}) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [templateLanguage, setTemplateLanguage] = useState<'nb' | 'nn'>(language === 'nn' ? 'nn' : 'nb');

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !busyName) onFile(file);
  };

  return (
    <>
      <div
        className={mergeClasses(styles.zone, over && styles.over)}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="import-drop-zone"
      >
        {busyName ? (
          <Spinner label={t('import.reading', { name: busyName })} />
        ) : (
          <>
            <Body1>{t('import.drop')}</Body1>
            <Button appearance="primary" onClick={() => input.current?.click()}>
              {t('import.choose')}
            </Button>
          </>
        )}
        <input
          ref={input}
          type="file"
          hidden
          accept=".docx,.pdf,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/pdf,text/plain"
          aria-label={t('import.fileInput')}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) onFile(file);
          }}
        />
      </div>
      <div role="alert">
        {error && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('import.errorTitle')}</MessageBarTitle>
              {error}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      <section className={styles.section} aria-labelledby="import-template-heading">
        <Subtitle2 as="h2" id="import-template-heading">
          {t('import.template.heading')}
        </Subtitle2>
        <Body1>{t('import.template.body')}</Body1>
        <Field label={t('import.template.language')}>
          <RadioGroup layout="horizontal" value={templateLanguage} onChange={(_, d) => setTemplateLanguage(d.value === 'nn' ? 'nn' : 'nb')}>
            <Radio value="nb" label={t('import.template.nb')} />
            <Radio value="nn" label={t('import.template.nn')} />
          </RadioGroup>
        </Field>
        <Button disabled={busyName !== null} onClick={() => onTemplate(templateLanguage)}>
          {t('import.template.action')}
        </Button>
      </section>
    </>
  );
}
