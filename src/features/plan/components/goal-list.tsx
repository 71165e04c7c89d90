import { defaultRangeExtractor, useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { LocalGoal } from '../../../domain/plan';

/**
 * Where a goal sits in a windowed list: the row is absolutely placed at `top` (px from the list's
 * start), measured through `measure` once painted, and tells assistive technology its place among
 * all the list's goals, rendered or not.
 */
export interface GoalRow {
  readonly index: number;
  readonly top: number;
  readonly setSize: number;
  readonly measure: (element: Element | null) => void;
}

/** Plans with more goals than this render their goal lists windowed (issue 16: 5,000 goals). */
export const WINDOWED_ABOVE = 200;

/** A goal card's height before it is measured (one line of text, progress bar, owner line). */
const ESTIMATED_ROW_PX = 132;
/** The space between cards: the list's flex gap in full mode (tokens.spacingVerticalS, 8 px). */
const ROW_GAP_PX = 8;
/** Cards rendered beyond each edge of the viewport, so that Tab always has a next card to reach. */
const OVERSCAN = 6;

export interface GoalListProps {
  goals: readonly LocalGoal[];
  className: string;
  /** Renders the windowed list (only the cards near the viewport) instead of every card. */
  windowed: boolean;
  renderGoal: (goal: LocalGoal, row: GoalRow | null) => ReactNode;
}

/** A national goal's list of goal cards: all of them, or, for large plans, those near the viewport. */
export function GoalList({ goals, className, windowed, renderGoal }: GoalListProps) {
  if (!windowed) return <ul className={className}>{goals.map((goal) => renderGoal(goal, null))}</ul>;
  return <WindowedGoalList goals={goals} className={className} renderGoal={renderGoal} />;
}

/**
 * Whether an element lies within `margin` px of the viewport, kept up to date by an
 * IntersectionObserver on the tab's own document (an explicit root: in a cross-origin frame, as a
 * tab in Teams is, the implicit root ignores rootMargin). Measured once before the first paint, so
 * a list that mounts in view shows its cards in the same frame.
 */
function useNearViewport(ref: RefObject<Element | null>, margin: number): boolean {
  const [near, setNear] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    if (typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const box = element.getBoundingClientRect();
    setNear(box.bottom > -margin && box.top < window.innerHeight + margin);
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1];
        if (entry) setNear(entry.isIntersecting);
      },
      { root: document, rootMargin: `${margin}px 0px` },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, margin]);
  return near;
}

/**
 * The tab's document scrolls (in Teams, on the web and on a phone alike), so each list is windowed
 * against the window, offset by where the list starts on the page. That offset moves whenever
 * something above it changes height (an earlier list measuring its cards, a message appearing),
 * so it is measured again whenever the page's size changes.
 */
function WindowedGoalList({ goals, className, renderGoal }: Omit<GoalListProps, 'windowed'>) {
  const listRef = useRef<HTMLUListElement>(null);
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const measure = () => setOffset(Math.round(list.getBoundingClientRect().top + window.scrollY));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);
  // A plan has a list per national goal (a dozen or more). A list far from the viewport renders no
  // card: the virtualizer alone would still render its first (or last) cards as overscan, so most
  // cards on the page would be off-screen ones, each mounted again on every search keystroke.
  const near = useNearViewport(listRef, OVERSCAN * ESTIMATED_ROW_PX);
  const virtualizer = useWindowVirtualizer({
    count: goals.length,
    estimateSize: () => ESTIMATED_ROW_PX,
    gap: ROW_GAP_PX,
    overscan: OVERSCAN,
    scrollMargin: offset,
    getItemKey: (index) => goals[index]?.id ?? index,
    rangeExtractor: (range) => (near ? defaultRangeExtractor(range) : []),
  });
  return (
    <ul ref={listRef} className={className} style={{ display: 'block', position: 'relative', height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => {
        const goal = goals[item.index];
        return goal
          ? renderGoal(goal, { index: item.index, top: item.start - offset, setSize: goals.length, measure: virtualizer.measureElement })
          : null;
      })}
    </ul>
  );
}
