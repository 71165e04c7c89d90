/**
 * Context hints in the tab's URL: the tab's content URLs carry Teams' URL placeholders for the
 * user's locale, theme and sub-page, which Teams fills in before it loads the tab ("Get context by
 * inserting URL placeholder values", https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/access-teams-context).
 * The tab can then fetch the right language, theme and view before the host has answered its
 * handshake (main.tsx), instead of after it.
 *
 * Hints only: anyone can put anything in a URL. They choose what is downloaded first and nothing
 * else; the host's context decides what is shown (a wrong hint costs one download), and never who
 * the user is. The TeamsJS v1 names are used because Teams on Android and iOS fills in only those
 * (same page); desktop and web Teams fill them in too.
 */
import { toHostTheme, type HostTheme } from './host-theme';

/** The placeholders the tab's content URLs carry, as a query string (literal braces: Teams replaces them as written). */
export const CONTEXT_HINT_QUERY = 'locale={locale}&theme={theme}&page={subEntityId}';

/** A content URL of the tab at `entry` (e.g. https://host/index.html) and `route` (e.g. '#/tab'), with the hint placeholders. */
export function hintedContentUrl(entry: string, route: string): string {
  return `${entry}?${CONTEXT_HINT_QUERY}${route}`;
}

export interface ContextHints {
  readonly locale: string | null;
  readonly theme: HostTheme | null;
  readonly subPageId: string | null;
}

/** A placeholder Teams left as it was (an older client, or the page opened from the URL as written). */
const UNFILLED = /[{}]/;
const LOCALE = /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/;

/** The hints in a tab document's query; a hint that is missing, unfilled or malformed is null. */
export function readContextHints(search: string): ContextHints {
  const params = new URLSearchParams(search);
  const value = (name: string): string | null => {
    const v = params.get(name)?.trim() ?? '';
    return v && !UNFILLED.test(v) ? v : null;
  };
  const locale = value('locale');
  const theme = value('theme');
  return {
    locale: locale && LOCALE.test(locale) ? locale : null,
    theme: theme === null ? null : toHostTheme(theme),
    subPageId: value('page'),
  };
}

/** What a host fills into the placeholders of a content URL. */
export interface PlaceholderValues {
  readonly locale: string;
  readonly theme: string;
  readonly subEntityId?: string | null;
  readonly entityId?: string | null;
  readonly groupId?: string | null;
}

/**
 * A content URL with its placeholders filled in as Teams does (the local host page's part: the
 * TeamsJS v1 names and their v2 equivalents); a placeholder without a value becomes empty.
 */
export function fillContextPlaceholders(url: string, values: PlaceholderValues): string {
  const table: Record<string, string | null | undefined> = {
    locale: values.locale,
    'app.locale': values.locale,
    theme: values.theme,
    'app.theme': values.theme,
    subEntityId: values.subEntityId,
    'page.subPageId': values.subEntityId,
    entityId: values.entityId,
    'page.id': values.entityId,
    groupId: values.groupId,
    'team.groupId': values.groupId,
  };
  return url.replace(/\{([A-Za-z.]+)\}/g, (whole, name: string) => (name in table ? encodeURIComponent(table[name] ?? '') : whole));
}
