import { Button, Caption1, Field, MessageBar, MessageBarBody, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import type { GoalComment, LocalGoal, PlanSnapshot } from '../../../domain/plan';
import { planQueryKey } from '../../../hooks/use-plan';
import { useI18n } from '../../../i18n';
import { useServices } from '../../../lib/services';
import { localDay, useSectionStyles } from './styles';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  field: { alignSelf: 'stretch' },
  text: { whiteSpace: 'pre-wrap' },
});

/** Adds a comment to the cached plan so that it shows at once (a comment is never lost or doubled: see clientId). */
function withComment(snapshot: PlanSnapshot | null | undefined, comment: GoalComment): PlanSnapshot | null | undefined {
  if (!snapshot || snapshot.comments.some((c) => c.id === comment.id)) return snapshot;
  return { ...snapshot, comments: [...snapshot.comments, comment] };
}

/** The goal's comments and a form to add one; board members and stewards may both comment. */
export function Comments({ teamId, goal, comments }: { teamId: string; goal: LocalGoal; comments: readonly GoalComment[] }) {
  const styles = useStyles();
  const shared = useSectionStyles();
  const { t, formatDate } = useI18n();
  const { planRepository } = useServices();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const [added, setAdded] = useState(false);
  // One key per comment being written: a retry after a failure is stored once, not twice.
  const clientId = useRef<string | null>(null);
  const add = useMutation({
    mutationFn: (body: string) => {
      clientId.current ??= crypto.randomUUID();
      return planRepository(teamId).addComment({ planId: goal.planId, goalId: goal.id, text: body, clientId: clientId.current });
    },
    onSuccess: (comment) => {
      queryClient.setQueryData<PlanSnapshot | null>(planQueryKey(teamId), (old) => withComment(old, comment));
      clientId.current = null;
      setText('');
      setAdded(true);
    },
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = text.trim();
    setAdded(false);
    setMissing(body === '');
    if (body) add.mutate(body);
  };

  const sorted = [...comments].sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id, 'en', { numeric: true }));
  return (
    <>
      {sorted.length === 0 ? (
        <Caption1 className={shared.muted}>{t('goalDetail.comments.empty')}</Caption1>
      ) : (
        <ul className={shared.list}>
          {sorted.map((c) => (
            <li key={c.id} className={shared.item} data-comment-id={c.id}>
              <Caption1>
                {c.author?.displayName ?? t('goalDetail.unknownPerson')} · {formatDate(localDay(c.created))}
              </Caption1>
              <span className={styles.text}>{c.text}</span>
            </li>
          ))}
        </ul>
      )}
      <form className={styles.form} onSubmit={onSubmit} noValidate>
        <Field className={styles.field} label={t('goalDetail.comments.label')} validationMessage={missing ? t('goalDetail.comments.required') : undefined}>
          <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" rows={3} />
        </Field>
        <Button type="submit" appearance="primary" disabled={add.isPending}>
          {add.isPending ? t('goalDetail.comments.adding') : t('goalDetail.comments.add')}
        </Button>
        <div aria-live="polite" className={styles.field}>
          {added && (
            <MessageBar intent="success">
              <MessageBarBody>{t('goalDetail.comments.added')}</MessageBarBody>
            </MessageBar>
          )}
          {add.isError && (
            <MessageBar intent="error">
              <MessageBarBody>{t('goalDetail.comments.failed')}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      </form>
    </>
  );
}
