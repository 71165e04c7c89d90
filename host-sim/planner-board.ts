/**
 * The host page's Planner view: the selected team's Microsoft Planner plan(s) as a board, read and
 * written through Graph v1.0 (proxied by the host's server to the emulator) as the host's selected
 * user, so that the app's Planner sync can be watched both ways. A dev tool only, plain DOM.
 *
 * Buckets are columns and tasks cards, both ordered by orderHint (ordinal string comparison, as
 * Planner's order-hint format says); checklist items likewise. A card writes what a Planner user
 * would: a checklist item ticked (PATCH on the task's details), percentComplete 0/50/100, the title
 * and the due day (PATCH on the task), each with If-Match. A 412 (the etag is stale: someone, e.g.
 * the app, changed it meanwhile) re-reads the task and asks the user to try again. The board does
 * not poll: Refresh re-reads.
 */

const CHECKLIST_ITEM_TYPE = 'microsoft.graph.plannerChecklistItem';
/** The app writes a due day as noon UTC (src/adapters/planner) and reads its first ten characters. */
const DUE_TIME = 'T12:00:00Z';
export const NO_PLAN_TEXT = 'No Planner plan in this team yet. The board creates one from the plan tab.';

export interface PlannerBoardOptions {
  /** Graph v1.0 on this page's origin, e.g. '/v1.0'. */
  graphBase: string;
  /** The signed-in user's principal name (the emulator's dev token). */
  user: string;
  team: { id: string; displayName: string };
  /** Notes for the host's message log. */
  log?: (text: string) => void;
}

export interface PlannerBoard {
  readonly element: HTMLElement;
  /** Re-reads the plans, buckets, tasks and checklists. */
  refresh(): Promise<void>;
  destroy(): void;
}

interface Plan {
  id: string;
  title: string;
}

interface Bucket {
  id: string;
  name: string;
  orderHint: string;
}

interface Task {
  id: string;
  bucketId: string | null;
  title: string;
  orderHint: string;
  percentComplete: number;
  dueDateTime: string | null;
  assigneeIds: string[];
  checklistItemCount: number;
  etag: string;
}

interface ChecklistItem {
  key: string;
  title: string;
  isChecked: boolean;
  orderHint: string;
}

interface Details {
  etag: string;
  checklist: ChecklistItem[];
}

interface Draft {
  title: string;
  dueDay: string;
}

type StatusKind = 'idle' | 'ok' | 'warning' | 'error';

/** A Graph error answer (`{error: {code, message}}`) or a network failure (status 0). */
class GraphRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Ordinal comparison (UTF-16 code units), as Planner orders hints. */
export function ordinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const str = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
const num = (value: unknown): number => (typeof value === 'number' ? value : 0);
const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

function toTask(raw: Record<string, unknown>): Task {
  return {
    id: str(raw.id),
    bucketId: typeof raw.bucketId === 'string' ? raw.bucketId : null,
    title: str(raw.title),
    orderHint: str(raw.orderHint),
    percentComplete: num(raw.percentComplete),
    dueDateTime: typeof raw.dueDateTime === 'string' ? raw.dueDateTime : null,
    assigneeIds: Object.keys(record(raw.assignments)).filter((key) => !key.startsWith('@')),
    checklistItemCount: num(raw.checklistItemCount),
    etag: str(raw['@odata.etag']),
  };
}

function toDetails(raw: Record<string, unknown>): Details {
  const checklist = Object.entries(record(raw.checklist))
    .filter(([key]) => !key.startsWith('@'))
    .map(([key, value]) => {
      const item = record(value);
      return { key, title: str(item.title), isChecked: item.isChecked === true, orderHint: str(item.orderHint) };
    })
    .sort((a, b) => ordinal(a.orderHint, b.orderHint) || ordinal(a.key, b.key));
  return { etag: str(raw['@odata.etag']), checklist };
}

const dueDayOf = (task: Task): string => (task.dueDateTime ? task.dueDateTime.slice(0, 10) : '');

function progressText(percent: number): string {
  if (percent >= 100) return 'Completed (100 %)';
  if (percent > 0) return `In progress (${percent} %)`;
  return 'Not started (0 %)';
}

let boardCount = 0;

export function createPlannerBoard(options: PlannerBoardOptions): PlannerBoard {
  const prefix = `planner-${++boardCount}`;
  const abort = new AbortController();
  const log = options.log ?? (() => undefined);

  // ------------------------------------------------------------------ model
  let plans: Plan[] = [];
  let planId = '';
  let buckets: Bucket[] = [];
  let tasks: Task[] = [];
  const details = new Map<string, Details | 'failed'>();
  const names = new Map<string, string>();
  const busy = new Set<string>();
  const drafts = new Map<string, Draft>();
  let loaded: 'loading' | 'ready' | 'no-plan' | 'failed' = 'loading';
  let generation = 0;
  /** The control focus returns to when a re-render replaced the focused one (last focused by the user). */
  let lastFocusKey = '';
  let restoringFocus = false;

  // ------------------------------------------------------------------ skeleton
  const root = el('section', { className: 'planner-board', 'aria-labelledby': `${prefix}-heading` });
  const toolbar = el('div', { className: 'planner-toolbar' });
  const heading = el('h2', { id: `${prefix}-heading`, className: 'planner-heading' }, 'Planner');
  const pickerLabel = el('label', { className: 'planner-picker' }, 'Plan ');
  // aria-label: a label wrapping a select would take the options' text into its name for some tools.
  const picker = el('select', { 'data-focus-key': 'plan-picker', 'aria-label': 'Plan' });
  pickerLabel.append(picker);
  const refreshButton = el('button', { type: 'button', 'data-focus-key': 'refresh' }, 'Refresh');
  const status = el('p', { className: 'planner-status', role: 'status', 'aria-live': 'polite', 'data-state': 'idle' });
  toolbar.append(heading, pickerLabel, refreshButton, status);
  const content = el('div', { className: 'planner-content' });
  root.append(toolbar, content);

  root.addEventListener('focusin', (event) => {
    const key = (event.target as HTMLElement | null)?.dataset?.focusKey;
    if (key && !restoringFocus) lastFocusKey = key;
  });
  refreshButton.addEventListener('click', () => void refresh());
  picker.addEventListener('change', () => {
    planId = picker.value;
    drafts.clear();
    void loadPlan(true);
  });

  // ------------------------------------------------------------------ Graph

  async function graph(method: string, path: string, init: { body?: unknown; etag?: string } = {}): Promise<Record<string, unknown> | null> {
    const headers: Record<string, string> = { Authorization: `Bearer dev:${options.user}`, Accept: 'application/json' };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    if (init.etag !== undefined) headers['If-Match'] = init.etag;
    const url = /^https?:/.test(path) ? path : `${options.graphBase}${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: init.body === undefined ? null : JSON.stringify(init.body),
        signal: abort.signal,
      });
    } catch (error) {
      throw new GraphRequestError(0, 'network', error instanceof Error ? error.message : String(error));
    }
    log(`Planner ${method} ${path} → ${response.status}`);
    if (response.status === 204) return null;
    const text = await response.text();
    let body: Record<string, unknown>;
    try {
      body = text ? record(JSON.parse(text)) : {};
    } catch {
      body = {};
    }
    if (!response.ok) {
      const error = record(body.error);
      throw new GraphRequestError(response.status, str(error.code), str(error.message, `HTTP ${response.status}`));
    }
    return body;
  }

  /** A collection with all its pages (@odata.nextLink). */
  async function list(path: string): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    let next: string | null = path;
    while (next) {
      const page: Record<string, unknown> = (await graph('GET', next)) ?? {};
      if (Array.isArray(page.value)) out.push(...page.value.map(record));
      const link = page['@odata.nextLink'];
      next = typeof link === 'string' ? link : null;
    }
    return out;
  }

  const enc = encodeURIComponent;

  async function readNames(assigneeIds: Iterable<string>): Promise<void> {
    if (names.size === 0) {
      try {
        for (const member of await list(`/teams/${enc(options.team.id)}/members`)) {
          const id = str(member.userId);
          if (id) names.set(id, str(member.displayName, id));
        }
      } catch {
        // Names are a nicety: unknown ones are looked up one by one below.
      }
    }
    const unknown = [...new Set(assigneeIds)].filter((id) => !names.has(id));
    await Promise.all(
      unknown.map(async (id) => {
        try {
          const user = await graph('GET', `/users/${enc(id)}?$select=id,displayName`);
          names.set(id, str(user?.displayName, id));
        } catch {
          names.set(id, id);
        }
      }),
    );
  }

  async function readDetails(task: Task): Promise<void> {
    if (task.checklistItemCount === 0) {
      details.delete(task.id);
      return;
    }
    try {
      details.set(task.id, toDetails((await graph('GET', `/planner/tasks/${enc(task.id)}/details`)) ?? {}));
    } catch {
      details.set(task.id, 'failed');
    }
  }

  // ------------------------------------------------------------------ loading

  async function refresh(): Promise<void> {
    const mine = ++generation;
    loaded = 'loading';
    setStatus('Reading the team’s plans…');
    root.setAttribute('aria-busy', 'true');
    try {
      const found = (await list(`/groups/${enc(options.team.id)}/planner/plans`)).map((p) => ({ id: str(p.id), title: str(p.title) }));
      if (mine !== generation) return;
      plans = found;
      if (plans.length === 0) {
        planId = '';
        loaded = 'no-plan';
        render();
        setStatus('No plan in this team.');
        return;
      }
      if (!plans.some((p) => p.id === planId)) planId = plans[0]?.id ?? '';
      await loadPlan(false, mine);
    } catch (error) {
      if (mine !== generation || abort.signal.aborted) return;
      loaded = 'failed';
      render();
      setStatus(`Could not read the plans: ${describe(error)}`, 'error');
    } finally {
      if (mine === generation) root.removeAttribute('aria-busy');
    }
  }

  async function loadPlan(announce: boolean, token?: number): Promise<void> {
    const mine = token ?? ++generation;
    const plan = plans.find((p) => p.id === planId);
    if (!plan) return;
    if (announce) {
      setStatus(`Reading ${plan.title}…`);
      root.setAttribute('aria-busy', 'true');
    }
    try {
      const [rawBuckets, rawTasks] = await Promise.all([
        list(`/planner/plans/${enc(plan.id)}/buckets`),
        list(`/planner/plans/${enc(plan.id)}/tasks`),
      ]);
      const nextTasks = rawTasks.map(toTask);
      details.clear();
      await Promise.all([...nextTasks.map(readDetails), readNames(nextTasks.flatMap((t) => t.assigneeIds))]);
      if (mine !== generation) return;
      buckets = rawBuckets
        .map((b) => ({ id: str(b.id), name: str(b.name), orderHint: str(b.orderHint) }))
        .sort((a, b) => ordinal(a.orderHint, b.orderHint) || ordinal(a.id, b.id));
      tasks = nextTasks;
      busy.clear();
      loaded = 'ready';
      render();
      const time = new Date().toLocaleTimeString('en-GB');
      setStatus(`Read “${plan.title}” at ${time}: ${count(tasks.length, 'task')} in ${count(buckets.length, 'bucket')}.`, 'ok');
    } catch (error) {
      if (mine !== generation || abort.signal.aborted) return;
      loaded = 'failed';
      render();
      setStatus(`Could not read “${plan.title}”: ${describe(error)}`, 'error');
    } finally {
      if (announce && mine === generation) root.removeAttribute('aria-busy');
    }
  }

  /** Re-reads one task and its checklist (after a write, or a 412). */
  async function reloadTask(taskId: string): Promise<Task | null> {
    try {
      const task = toTask((await graph('GET', `/planner/tasks/${enc(taskId)}`)) ?? {});
      await Promise.all([readDetails(task), readNames(task.assigneeIds)]);
      tasks = tasks.map((t) => (t.id === taskId ? task : t));
      return task;
    } catch (error) {
      if (error instanceof GraphRequestError && error.status === 404) {
        tasks = tasks.filter((t) => t.id !== taskId);
        details.delete(taskId);
      }
      return null;
    }
  }

  // ------------------------------------------------------------------ writes

  /** Runs one write for a task: busy while it runs, then the task re-read and the result announced. */
  async function write(task: Task, what: string, send: () => Promise<unknown>): Promise<boolean> {
    if (busy.has(task.id)) return false;
    busy.add(task.id);
    render();
    setStatus(`Saving: ${what}…`);
    let ok = false;
    try {
      await send();
      ok = true;
      await reloadTask(task.id);
      setStatus(`Saved: ${what}.`, 'ok');
    } catch (error) {
      if (abort.signal.aborted) return false;
      await reloadTask(task.id);
      if (error instanceof GraphRequestError && error.status === 412) {
        setStatus(`“${task.title}” was changed elsewhere meanwhile (412). The board re-read it: try again.`, 'warning');
      } else {
        setStatus(`Not saved (${what}): ${describe(error)}`, 'error');
      }
    } finally {
      busy.delete(task.id);
      if (!abort.signal.aborted) render();
    }
    return ok;
  }

  function setChecked(task: Task, item: ChecklistItem, isChecked: boolean): void {
    const current = details.get(task.id);
    if (!current || current === 'failed' || busy.has(task.id)) return;
    // Shown as asked while the write runs; the re-read afterwards (or after a refusal) has the last word.
    item.isChecked = isChecked;
    void write(task, `“${item.title}” ${isChecked ? 'ticked' : 'unticked'}`, () =>
      graph('PATCH', `/planner/tasks/${enc(task.id)}/details`, {
        etag: current.etag,
        body: { checklist: { [item.key]: { '@odata.type': CHECKLIST_ITEM_TYPE, isChecked } } },
      }),
    );
  }

  function setPercent(task: Task, percentComplete: number, what: string): void {
    void write(task, `“${task.title}” ${what}`, () =>
      graph('PATCH', `/planner/tasks/${enc(task.id)}`, { etag: task.etag, body: { percentComplete } }),
    );
  }

  async function saveEdit(task: Task, draft: Draft): Promise<void> {
    const body: Record<string, unknown> = {};
    const title = draft.title.trim();
    if (title === '') {
      setStatus('A task needs a title.', 'error');
      return;
    }
    if (title !== task.title) body.title = title;
    if (draft.dueDay !== dueDayOf(task)) body.dueDateTime = draft.dueDay ? `${draft.dueDay}${DUE_TIME}` : null;
    if (Object.keys(body).length === 0) {
      drafts.delete(task.id);
      lastFocusKey = `${task.id}:edit`;
      render();
      setStatus('Nothing changed.');
      return;
    }
    const saved = await write(task, `“${title}” edited`, () => graph('PATCH', `/planner/tasks/${enc(task.id)}`, { etag: task.etag, body }));
    if (saved) {
      drafts.delete(task.id);
      lastFocusKey = `${task.id}:edit`;
      render();
    }
  }

  // ------------------------------------------------------------------ rendering

  function setStatus(text: string, kind: StatusKind = 'idle'): void {
    status.textContent = text;
    status.dataset.state = kind;
  }

  function render(): void {
    const focusWasInside = root.contains(document.activeElement) || document.activeElement === document.body || document.activeElement === null;
    const plan = plans.find((p) => p.id === planId);
    heading.textContent = plan ? `Planner: ${plan.title}` : 'Planner';
    pickerLabel.hidden = plans.length < 2;
    picker.replaceChildren(...plans.map((p) => option(p.id, p.title)));
    picker.value = planId;

    if (loaded === 'loading') content.replaceChildren(el('p', { className: 'planner-empty' }, 'Reading the board…'));
    else if (loaded === 'no-plan') content.replaceChildren(el('p', { className: 'planner-empty' }, NO_PLAN_TEXT));
    else if (loaded === 'failed') content.replaceChildren(el('p', { className: 'planner-empty' }, 'The board could not be read. Refresh to try again.'));
    else content.replaceChildren(renderColumns(plan));

    if (focusWasInside && lastFocusKey) {
      const target =
        root.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(lastFocusKey)}"]:not([disabled])`) ??
        root.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(`${lastFocusKey.split(':')[0] ?? ''}:card`)}"]`);
      if (target && document.activeElement !== target) {
        restoringFocus = true;
        target.focus({ preventScroll: true });
        restoringFocus = false;
      }
    }
  }

  function renderColumns(plan: Plan | undefined): HTMLElement {
    const columns = el('div', {
      className: 'planner-columns',
      role: 'region',
      'aria-label': `Buckets of ${plan?.title ?? 'the plan'}`,
      tabindex: '0',
    });
    const bucketIds = new Set(buckets.map((b) => b.id));
    const sorted = [...tasks].sort((a, b) => ordinal(a.orderHint, b.orderHint) || ordinal(a.id, b.id));
    for (const bucket of buckets) columns.append(renderBucket(bucket.id, bucket.name, sorted.filter((t) => t.bucketId === bucket.id)));
    const loose = sorted.filter((t) => !t.bucketId || !bucketIds.has(t.bucketId));
    if (loose.length > 0) columns.append(renderBucket('none', 'No bucket', loose));
    if (buckets.length === 0 && loose.length === 0) columns.append(el('p', { className: 'planner-empty' }, 'This plan has no buckets or tasks yet.'));
    return columns;
  }

  function renderBucket(id: string, name: string, bucketTasks: Task[]): HTMLElement {
    const headingId = `${prefix}-bucket-${id}`;
    const column = el('section', { className: 'planner-bucket', 'aria-labelledby': headingId, 'data-bucket-id': id });
    const title = el('h3', { id: headingId }, name);
    title.append(el('span', { className: 'planner-count' }, ` (${bucketTasks.length})`));
    column.append(title);
    if (bucketTasks.length === 0) {
      column.append(el('p', { className: 'planner-empty' }, 'No tasks'));
      return column;
    }
    const cards = el('ul', { className: 'planner-cards' });
    for (const task of bucketTasks) {
      const item = el('li');
      item.append(renderCard(task));
      cards.append(item);
    }
    column.append(cards);
    return column;
  }

  function renderCard(task: Task): HTMLElement {
    const titleId = `${prefix}-task-${task.id}`;
    const isBusy = busy.has(task.id);
    const done = task.percentComplete >= 100;
    const card = el('article', {
      className: 'planner-card',
      'aria-labelledby': titleId,
      'data-task-id': task.id,
      'data-complete': String(done),
      'data-focus-key': `${task.id}:card`,
      tabindex: '-1',
    });
    if (isBusy) card.setAttribute('aria-busy', 'true');
    card.append(el('h4', { id: titleId, className: 'planner-card-title' }, task.title));

    const facts = el('dl', { className: 'planner-facts' });
    const assignees = task.assigneeIds.map((id) => names.get(id) ?? id).sort((a, b) => a.localeCompare(b));
    fact(facts, 'Assigned to', assignees.length > 0 ? assignees.join(', ') : 'Nobody');
    const due = dueDayOf(task);
    const dueValue = el('dd');
    if (due) dueValue.append(el('time', { datetime: due }, due));
    else dueValue.textContent = 'No due date';
    facts.append(el('dt', {}, 'Due'), dueValue);
    fact(facts, 'Progress', progressText(task.percentComplete));
    card.append(facts);

    const checklist = details.get(task.id);
    if (task.checklistItemCount > 0) card.append(renderChecklist(task, checklist, isBusy));

    const draft = drafts.get(task.id);
    if (draft) card.append(renderEditForm(task, draft, isBusy));

    const actions = el('div', { className: 'planner-actions', role: 'group', 'aria-label': `Actions for ${task.title}` });
    const doneButton = button(done ? 'Reopen' : 'Complete', task.title, `${task.id}:done`, isBusy);
    doneButton.addEventListener('click', () => setPercent(task, done ? 0 : 100, done ? 'reopened' : 'completed'));
    const inProgress = task.percentComplete > 0 && task.percentComplete < 100;
    const progressButton = button('In progress', task.title, `${task.id}:progress`, isBusy);
    progressButton.setAttribute('aria-pressed', String(inProgress));
    progressButton.addEventListener('click', () => setPercent(task, inProgress ? 0 : 50, inProgress ? 'not started' : 'in progress'));
    actions.append(doneButton, progressButton);
    if (!draft) {
      const editButton = button('Edit', task.title, `${task.id}:edit`, isBusy);
      editButton.addEventListener('click', () => {
        drafts.set(task.id, { title: task.title, dueDay: due });
        lastFocusKey = `${task.id}:edit-title`;
        render();
      });
      actions.append(editButton);
    }
    card.append(actions);
    return card;
  }

  function renderChecklist(task: Task, checklist: Details | 'failed' | undefined, isBusy: boolean): HTMLElement {
    const box = el('fieldset', { className: 'planner-checklist' });
    if (!checklist || checklist === 'failed') {
      box.append(el('legend', {}, `Checklist (${task.checklistItemCount} items)`), el('p', {}, 'The checklist could not be read.'));
      return box;
    }
    const checked = checklist.checklist.filter((c) => c.isChecked).length;
    box.append(el('legend', {}, `Checklist ${checked}/${checklist.checklist.length}`));
    const items = el('ul');
    for (const item of checklist.checklist) {
      const input = el('input', { type: 'checkbox', 'data-focus-key': `${task.id}:check:${item.key}` });
      input.checked = item.isChecked;
      input.disabled = isBusy;
      input.addEventListener('change', () => setChecked(task, item, input.checked));
      const label = el('label', { 'data-checked': String(item.isChecked) });
      label.append(input, ` ${item.title}`);
      const row = el('li');
      row.append(label);
      items.append(row);
    }
    box.append(items);
    return box;
  }

  function renderEditForm(task: Task, draft: Draft, isBusy: boolean): HTMLElement {
    const form = el('form', { className: 'planner-edit', 'aria-label': `Edit ${task.title}` });
    const titleInput = el('input', { type: 'text', required: '', 'data-focus-key': `${task.id}:edit-title`, autocomplete: 'off' });
    titleInput.value = draft.title;
    titleInput.disabled = isBusy;
    titleInput.addEventListener('input', () => (draft.title = titleInput.value));
    const dueInput = el('input', { type: 'date', 'data-focus-key': `${task.id}:edit-due` });
    dueInput.value = draft.dueDay;
    dueInput.disabled = isBusy;
    dueInput.addEventListener('input', () => (draft.dueDay = dueInput.value));
    const titleLabel = el('label', {}, 'Title ');
    titleLabel.append(titleInput);
    const dueLabel = el('label', {}, 'Due date ');
    dueLabel.append(dueInput);
    const save = el('button', { type: 'submit', className: 'primary', 'data-focus-key': `${task.id}:edit-save` }, 'Save');
    save.disabled = isBusy;
    const cancel = el('button', { type: 'button', 'data-focus-key': `${task.id}:edit-cancel` }, 'Cancel');
    cancel.disabled = isBusy;
    const close = () => {
      drafts.delete(task.id);
      lastFocusKey = `${task.id}:edit`;
      render();
    };
    cancel.addEventListener('click', close);
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        close();
      }
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void saveEdit(task, draft);
    });
    const buttons = el('div', { className: 'planner-actions' });
    buttons.append(save, cancel);
    form.append(titleLabel, dueLabel, buttons);
    return form;
  }

  // ------------------------------------------------------------------ start

  render();
  void refresh();

  return {
    element: root,
    refresh,
    destroy() {
      generation++;
      abort.abort();
      root.remove();
    },
  };
}

// -------------------------------------------------------------------- DOM helpers

type Attributes = Record<string, string> & { className?: string };

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'className') node.className = value;
    else node.setAttribute(name, value);
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

function option(value: string, label: string): HTMLOptionElement {
  return el('option', { value }, label);
}

function fact(list: HTMLDListElement, term: string, value: string): void {
  list.append(el('dt', {}, term), el('dd', {}, value));
}

/** A card's button: short visible text, which starts its accessible name, with the task's title (several cards have one). */
function button(text: string, taskTitle: string, focusKey: string, disabled: boolean): HTMLButtonElement {
  const node = el('button', { type: 'button', 'data-focus-key': focusKey, 'aria-label': `${text}: ${taskTitle}` }, text);
  node.disabled = disabled;
  return node;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function describe(error: unknown): string {
  if (error instanceof GraphRequestError) {
    if (error.status === 0) return `the emulator did not answer (${error.message})`;
    if (error.status === 403) return `access denied (403${error.code ? ` ${error.code}` : ''}): is the user a member of the team?`;
    return `${error.status}${error.code ? ` ${error.code}` : ''}: ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}
