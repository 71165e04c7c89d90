/**
 * Focus back where it was when a dialog closes. Fluent's Dialog puts the focus back by itself only
 * when a DialogTrigger opened it; the Plan screen's dialogs are opened from state (the goal's Edit
 * and Delete buttons, an area's Add, the Planner action), so each remembers the control that had
 * the focus as it opened and gives the focus back to it when it closes. A control that was drawn
 * anew meanwhile (a goal moved to another area) is found again by its `data-focus-key`. Nothing is
 * taken from a control that has the focus by then (e.g. the Undo bar after a delete).
 */
import { useEffect, useState } from 'react';

/** The attribute that finds an opener again once its goal is drawn anew: `data-focus-key="edit:<goal id>"`. */
export const FOCUS_KEY = 'data-focus-key';

export function useRestoreFocus(): void {
  // Read once, as the dialog first renders: Fluent moves the focus into the dialog only after that.
  const [opener] = useState(() => {
    const active = typeof document === 'undefined' ? null : document.activeElement;
    return active instanceof HTMLElement && active !== document.body ? { element: active, key: active.getAttribute(FOCUS_KEY) } : null;
  });
  useEffect(
    () => () => {
      if (!opener) return;
      // After the dialog is gone and the page has drawn what the dialog changed.
      setTimeout(() => {
        const now = document.activeElement;
        if (now && now !== document.body && now.isConnected) return;
        const target = opener.element.isConnected
          ? opener.element
          : opener.key
            ? document.querySelector<HTMLElement>(`[${FOCUS_KEY}="${CSS.escape(opener.key)}"]`)
            : null;
        target?.focus();
      }, 0);
    },
    [opener],
  );
}
