/** Why the importer was unsure of an item, in words (not only colour). */
import { Badge } from '@fluentui/react-components';
import type { DraftReview } from '../../../import/draft';
import { useI18n } from '../../../i18n';

export function ReviewBadge({ review }: { review: DraftReview | null }) {
  const { t } = useI18n();
  if (review === null) return null;
  return (
    <Badge appearance="tint" color="warning" shape="rounded" data-review={review}>
      {t(`import.review.${review}`)}
    </Badge>
  );
}
