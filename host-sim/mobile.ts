/**
 * The local Teams host's mobile view: `npx tsx host-sim/mobile.ts [options]` while `npm start` runs.
 *
 * Opens the tab as Teams for Android/iOS does: a phone-sized Chromium window (390×844, touch) whose
 * top document is the tab itself, not framed, with `window.nativeInterface` injected before the page
 * runs and answered by host-sim's protocol (native-bridge.ts). A browser page cannot inject a script
 * into another origin's document, so the "webview" is Debian's Chromium driven by playwright-core;
 * the app under test sees only what Teams' webview gives it. A dev tool, never part of the app.
 *
 * Commands on stdin while it runs: `theme default|dark|contrast` (pushes themeChange), `reload`,
 * `log` (the requests the tab made), `quit`.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { chromium, request } from 'playwright-core';
import { DEMO_DEFAULT_USER, DEMO_TENANT_ID } from '../emulator/seed/demo-tenant';
import { attachNativeHost } from './native-bridge';
import type { SimClientType, SimTheme } from './protocol';
import { findTeam, tabLaunch, teamsOf, type EmulatorTeam, type EmulatorUser, type View } from './tab-context';

const USAGE = `Usage: npx tsx host-sim/mobile.ts [options]   (with \`npm start\` running)

  --user <upn>          signed-in user (default ${DEMO_DEFAULT_USER})
  --team <name|id>      team of the channel tab (default: the user's first team)
  --channel <name|id>   channel (default: the team's first)
  --view tab|personal   channel tab or the personal app (default tab); tabs are added on desktop/web only
  --sub-entity <id>     sub-page, e.g. mine (My goals) or a goal id
  --locale <tag>        nb-NO, nn-NO or en-US (default nb-NO)
  --theme <theme>       default, dark or contrast (default default)
  --platform <p>        android or ios (default android): the hostClientType the host announces
  --host <url>          the local Teams host (default https://localhost:5174/); users and teams come from its emulator proxy
  --app <url>           the tab's entry document (default https://localhost:5173/index.html)
  --chromium <path>     browser binary (default /usr/bin/chromium)
  --screenshot <file>   headless: wait until the tab reports success, save a screenshot and exit`;

const THEMES: readonly SimTheme[] = ['default', 'dark', 'contrast'];

async function main(): Promise<number> {
  const { values: args } = parseArgs({
    options: {
      user: { type: 'string', default: DEMO_DEFAULT_USER },
      team: { type: 'string' },
      channel: { type: 'string' },
      view: { type: 'string', default: 'tab' },
      'sub-entity': { type: 'string' },
      locale: { type: 'string', default: 'nb-NO' },
      theme: { type: 'string', default: 'default' },
      platform: { type: 'string', default: 'android' },
      host: { type: 'string', default: 'https://localhost:5174/' },
      app: { type: 'string', default: 'https://localhost:5173/index.html' },
      chromium: { type: 'string', default: '/usr/bin/chromium' },
      screenshot: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const view: View = args.view === 'personal' ? 'personal' : 'tab';
  const theme = THEMES.find((t) => t === args.theme) ?? 'default';
  const clientType: SimClientType = args.platform === 'ios' ? 'ios' : 'android';

  // Users and teams as the host page reads them (through the host's /_emulator proxy; local CA).
  const api = await request.newContext({ baseURL: args.host, ignoreHTTPSErrors: true });
  let users: EmulatorUser[];
  let teams: EmulatorTeam[];
  try {
    const [userList, teamList] = await Promise.all([api.get('_emulator/users'), api.get('_emulator/teams')]);
    if (!userList.ok() || !teamList.ok()) throw new Error(`HTTP ${userList.status()}/${teamList.status()}`);
    users = ((await userList.json()) as { value: EmulatorUser[] }).value;
    teams = ((await teamList.json()) as { value: EmulatorTeam[] }).value;
  } catch (error) {
    console.error(`The local Teams host at ${args.host} is not reachable (is \`npm start\` running?): ${String(error)}`);
    return 1;
  } finally {
    await api.dispose();
  }
  const team = findTeam(teams, args.team) ?? teamsOf(teams, args.user)[0];
  const channelKey = args.channel?.toLowerCase();
  const channel = team?.channels.find((c) => c.id.toLowerCase() === channelKey || c.displayName.toLowerCase() === channelKey);
  const launch = tabLaunch({
    entryUrl: args.app,
    tenantId: DEMO_TENANT_ID,
    users,
    view,
    user: args.user,
    team,
    channelId: channel?.id,
    theme,
    locale: args.locale,
    subEntityId: args['sub-entity'],
    clientType,
    sessionId: crypto.randomUUID(),
  });
  if (launch.warning) console.warn(`⚠ ${launch.warning}`);

  const headless = args.screenshot !== undefined;
  const browser = await chromium.launch({ executablePath: args.chromium, headless, args: ['--no-first-run'] });
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    ignoreHTTPSErrors: true,
    locale: args.locale,
  });
  const page = await context.newPage();
  const native = await attachNativeHost(page, {
    context: launch.input,
    callbacks: {
      onLifecycle: (func) => console.log(`tab: ${func}`),
      onOpenLink: (url) => {
        console.log(`tab asked to open ${url} (not followed in the mobile view)`);
        return undefined;
      },
      onUnsupported: (func) => console.log(`not supported: ${func}`),
    },
  });
  console.log(`${launch.title} · ${clientType} · ${launch.input.user.userPrincipalName}\n${launch.src}`);
  await page.goto(launch.src);

  if (args.screenshot) {
    const deadline = Date.now() + 30_000;
    while (!native.log.some((entry) => entry.func.startsWith('appInitialization.')) && Date.now() < deadline) {
      await page.waitForTimeout(200);
    }
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await page.screenshot({ path: args.screenshot });
    console.log(`Wrote ${args.screenshot} (requests: ${native.log.map((entry) => entry.func).join(', ')})`);
    await browser.close();
    return native.log.some((entry) => entry.func === 'appInitialization.success') ? 0 : 1;
  }

  const done = new Promise<void>((resolve) => {
    browser.on('disconnected', () => resolve());
    const input = createInterface({ input: process.stdin });
    input.on('line', (line) => {
      const [command, value] = line.trim().split(/\s+/);
      if (command === 'theme') {
        const next = THEMES.find((t) => t === value);
        if (next) void native.changeTheme(next);
        else console.log(`themes: ${THEMES.join(', ')}`);
      } else if (command === 'reload') {
        void page.reload();
      } else if (command === 'log') {
        for (const entry of native.log) console.log(`${entry.func} ${JSON.stringify(entry.args).slice(0, 200)}`);
      } else if (command === 'quit') {
        input.close();
        void browser.close();
      } else if (command) {
        console.log('commands: theme <default|dark|contrast>, reload, log, quit');
      }
    });
  });
  await done;
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
