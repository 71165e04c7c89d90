/** Drives src/teams in a real browser and writes what it sees into the DOM for the e2e tests. */
// Imported file by file rather than from src/teams/index.ts: theme.ts pulls in Fluent UI, which the probe does not need.
import { buildTabDeepLink } from '../../../src/teams/deep-link';
import { connectToHost, type HostContext, type TeamsHost } from '../../../src/teams/host';
import { toAppLanguage } from '../../../src/teams/locale';

const probe = document.getElementById('probe') as HTMLElement;
const facts = document.getElementById('facts') as HTMLDListElement;
const result = document.getElementById('result') as HTMLParagraphElement;

function show(name: string, value: string | undefined): void {
  const term = document.createElement('dt');
  term.textContent = name;
  const detail = document.createElement('dd');
  detail.dataset.fact = name;
  detail.textContent = value ?? '';
  facts.append(term, detail);
}

function render(context: HostContext, connectMs: number): void {
  show('hostName', context.hostName);
  show('frameContext', context.frameContext);
  show('user', context.user.userPrincipalName);
  show('userId', context.user.id);
  show('tenantId', context.user.tenantId);
  show('team', context.team?.displayName);
  show('groupId', context.team?.groupId);
  show('teamRole', context.team?.userRole);
  show('channel', context.channel?.displayName);
  show('locale', context.locale);
  show('theme', context.theme);
  show('pageId', context.pageId);
  show('subPageId', context.subPageId);
  show('connectMs', String(connectMs));
}

const params = new URLSearchParams(window.location.search);
const origins = (import.meta.env.VITE_TEAMS_HOST_ORIGINS ?? '').split(',').filter(Boolean);
const timeoutMs = Number(params.get('timeout') ?? 5000);
const started = performance.now();

void connectToHost({ validMessageOrigins: origins, timeoutMs }).then((host: TeamsHost | null) => {
  const elapsed = Math.round(performance.now() - started);
  probe.dataset.connectMs = String(elapsed);
  if (!host) {
    probe.dataset.state = 'standalone';
    result.textContent = `No host (after ${elapsed} ms)`;
    return;
  }
  const root = document.documentElement;
  root.dataset.theme = host.context.theme;
  root.lang = toAppLanguage(host.context.locale);
  render(host.context, elapsed);
  host.onThemeChange((theme) => {
    root.dataset.theme = theme;
  });
  if (host.config.available) {
    host.config.registerOnSave(async () => ({
      entityId: 'probe-tab',
      contentUrl: `${window.location.origin}${window.location.pathname}#/tab`,
      suggestedDisplayName: 'Probe tab',
    }));
    host.config.setValidity(true);
  }
  document.getElementById('open-link')?.addEventListener('click', () => {
    const link = buildTabDeepLink({
      appId: import.meta.env.VITE_TEAMS_APP_ID ?? '',
      entityId: host.context.pageId ?? 'probe-tab',
      subEntityId: 'from-deep-link',
      ...(host.context.channel ? { channelId: host.context.channel.id } : {}),
    });
    host.openDeepLink(link).then(
      () => (result.textContent = 'link opened'),
      (error: unknown) => (result.textContent = `link failed: ${String(error)}`),
    );
  });
  document.getElementById('navigate')?.addEventListener('click', () => {
    if (!host.navigateToSubPage) {
      result.textContent = 'navigateToSubPage unsupported';
      return;
    }
    host.navigateToSubPage('from-navigate').catch((error: unknown) => (result.textContent = String(error)));
  });
  probe.dataset.state = 'connected';
  host.notifySuccess();
});
