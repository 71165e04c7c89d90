import { Link } from '@fluentui/react-components';
import type { LocalGoal } from '../../../domain/plan';
import { tabViewHash } from '../../../lib/navigation';

/**
 * A goal's text as a real link to its Goal screen (an in-tab hash route), so it is reachable and
 * operable by keyboard and announced as a link.
 */
export function GoalLink({ goal, id }: { goal: LocalGoal; id?: string }) {
  return (
    <Link href={tabViewHash({ name: 'goal', goalId: goal.id })} id={id} data-goal-link={goal.id} inline>
      {goal.text}
    </Link>
  );
}
