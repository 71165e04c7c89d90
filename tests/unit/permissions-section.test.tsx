// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ListPermission, PermissionsHealth, PlanRepository } from '../../src/domain/ports';
import { PermissionsSection, provisionCommand } from '../../src/features/settings/components/permissions-section';
import type { Services } from '../../src/lib/services';
import { renderWithServices, stubResizeObserver } from '../support/render';

const SITE = 'https://contoso.sharepoint.com/sites/fagforeningen';

const lists = (state: ListPermission['state']): ListPermission[] => [
  { key: 'plans', displayName: 'Handlingsplan', rule: 'boardEdits', state },
  { key: 'checkIns', displayName: 'Innrapporteringer', rule: 'stewardsAddOwn', state: 'ok' },
];

const health = (state: PermissionsHealth['state'], listState: ListPermission['state'] = 'ok'): PermissionsHealth => ({
  state,
  lists: state === 'ok' || state === 'notApplied' ? lists(listState) : [],
  siteUrl: SITE,
});

function renderSection(repository: Pick<PlanRepository, 'permissions' | 'applyPermissions'>) {
  const services = { planRepository: () => repository } as unknown as Services;
  return renderWithServices(<PermissionsSection teamId="team-1" className="" />, services);
}

beforeAll(stubResizeObserver);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('PermissionsSection', () => {
  it('should show each list\'s rule and state, and set the permissions when the board asks', async () => {
    const permissions = vi.fn<() => Promise<PermissionsHealth>>().mockResolvedValueOnce(health('notApplied', 'inherited')).mockResolvedValue(health('ok'));
    const applyPermissions = vi.fn<() => Promise<PermissionsHealth>>().mockResolvedValue(health('ok'));
    renderSection({ permissions, applyPermissions });

    const section = await screen.findByRole('region', { name: 'Hvem kan endre planen' });
    const table = await within(section).findByRole('table', { name: 'Hvem kan endre planen' });
    expect(within(table).getByRole('columnheader', { name: 'Hvem kan endre' })).toBeTruthy();
    const plans = within(table).getByRole('row', { name: /Handlingsplan/ });
    expect(plans.textContent).toContain('Styret endrer; tillitsvalgte leser');
    expect(plans.textContent).toContain('Alle medlemmer kan endre');
    expect(within(table).getByRole('row', { name: /Innrapporteringer/ }).textContent).toContain('Som den skal');
    expect(within(section).getByText(/Tillitsvalgte kan i dag endre eller slette planen i Microsoft Lists/)).toBeTruthy();

    await userEvent.click(within(section).getByRole('button', { name: 'Sett tillatelser' }));

    expect(await within(section).findByText('Tillatelsene er satt: nå kan bare styret endre planen.')).toBeTruthy();
    expect(applyPermissions).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(permissions).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(within(section).queryByText('Alle medlemmer kan endre')).toBeNull());
    expect(within(section).queryByRole('button', { name: 'Sett tillatelser' })).toBeNull();
    expect(section.getAttribute('aria-busy')).toBe('false');
  });

  it('should give the administrator\'s command with the site filled in when SharePoint cannot be reached, and copy it', async () => {
    const writeText = vi.fn<(text: string) => Promise<void>>().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    renderSection({ permissions: vi.fn().mockResolvedValue(health('unreachable')), applyPermissions: vi.fn() });

    const section = await screen.findByRole('region', { name: 'Hvem kan endre planen' });
    expect(await within(section).findByText(/Fanen fikk ikke kontakt med SharePoint fra nettleseren/)).toBeTruthy();
    const command = provisionCommand(SITE);
    expect(command).toBe(`npm run provision -- --site ${SITE} --tenant <tenant id> --client-id <app id>`);
    expect(section.querySelector('pre > code')?.textContent).toBe(command);
    expect(within(section).queryByRole('table')).toBeNull();

    await userEvent.click(within(section).getByRole('button', { name: 'Kopier kommandoen' }));
    expect(writeText).toHaveBeenCalledWith(command);
    expect(await within(section).findByText('Kommandoen er kopiert.')).toBeTruthy();
  });

  it('should select the command and say how to copy it when the clipboard refuses', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: vi.fn().mockRejectedValue(new Error('NotAllowedError')) } });
    renderSection({ permissions: vi.fn().mockResolvedValue(health('denied')), applyPermissions: vi.fn() });

    const section = await screen.findByRole('region', { name: 'Hvem kan endre planen' });
    expect(await within(section).findByText(/SharePoint nektet å sjekke eller sette tillatelsene/)).toBeTruthy();
    await userEvent.click(within(section).getByRole('button', { name: 'Kopier kommandoen' }));
    expect(await within(section).findByText(/Kommandoen kunne ikke kopieres automatisk/)).toBeTruthy();
    expect(window.getSelection()?.toString()).toBe(provisionCommand(SITE));
  });

  it('should explain a refusal met while applying, with the command as the alternative', async () => {
    const permissions = vi.fn<() => Promise<PermissionsHealth>>().mockResolvedValue(health('notApplied', 'different'));
    const applyPermissions = vi.fn<() => Promise<PermissionsHealth>>().mockResolvedValue(health('denied'));
    renderSection({ permissions, applyPermissions });

    const section = await screen.findByRole('region', { name: 'Hvem kan endre planen' });
    expect(await within(section).findByText('Endret i SharePoint')).toBeTruthy();
    await userEvent.click(within(section).getByRole('button', { name: 'Sett tillatelser' }));
    expect(await within(section).findByText(/SharePoint nektet å sjekke eller sette tillatelsene/)).toBeTruthy();
    expect(section.querySelector('pre > code')?.textContent).toBe(provisionCommand(SITE));
    expect(within(section).getByRole('button', { name: 'Kopier kommandoen' })).toBeTruthy();
    // The lists as the fresh check found them stay in the table.
    expect(within(section).getByText('Endret i SharePoint')).toBeTruthy();
  });

  it('should offer a retry when the permissions could not be checked', async () => {
    const permissions = vi.fn<() => Promise<PermissionsHealth>>().mockRejectedValueOnce(new Error('network')).mockResolvedValue(health('notApplied', 'inherited'));
    renderSection({ permissions, applyPermissions: vi.fn() });

    const section = await screen.findByRole('region', { name: 'Hvem kan endre planen' });
    expect(await within(section).findByText('Tillatelsene kunne ikke sjekkes.')).toBeTruthy();
    await userEvent.click(within(section).getByRole('button', { name: 'Prøv igjen' }));
    expect(await within(section).findByRole('button', { name: 'Sett tillatelser' })).toBeTruthy();
    expect(within(section).queryByText('Tillatelsene kunne ikke sjekkes.')).toBeNull();
  });
});
