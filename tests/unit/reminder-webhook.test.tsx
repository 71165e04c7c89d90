// @vitest-environment jsdom
/**
 * The reminder channel's Workflows webhook field in Settings (board only): hidden like a password
 * until shown, described for screen readers, validated in the user's language, saved and removed
 * with the item's eTag, a conflict offered as reload or overwrite, and nothing stored when the list
 * cannot be made the board's alone. The URL never enters the persisted browser cache.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebhookListNotSecuredError, type ChannelWebhook, type ChannelWebhooks } from '../../src/domain/channel-webhooks';
import { ConflictError } from '../../src/domain/ports';
import { ReminderWebhook, channelWebhookKey } from '../../src/features/settings/components/reminder-webhook';
import type { Language } from '../../src/i18n';
import { shouldPersistQuery } from '../../src/lib/persisted-cache';
import type { Services } from '../../src/lib/services';
import { renderWithServices, stubResizeObserver } from '../support/render';

const CHANNEL = '19:2c28eda0dd705ec48b81ac7436afab8f@thread.tacv2';
const URL_A = 'https://prod-27.westeurope.logic.azure.com:443/workflows/0d1f/triggers/manual/paths/invoke?api-version=2016-06-01&sig=a';
const URL_B = 'https://prod-27.westeurope.logic.azure.com:443/workflows/0d1f/triggers/manual/paths/invoke?api-version=2016-06-01&sig=b';
const stored = (url: string, etag: string): ChannelWebhook => ({ id: '1', channelId: CHANNEL, channelName: 'Påminnelser', url, etag });

function fakeStore(overrides: Partial<ChannelWebhooks> = {}): ChannelWebhooks {
  return {
    list: vi.fn(async () => []),
    get: vi.fn(async () => null),
    urlFor: vi.fn(async () => null),
    set: vi.fn(async (channelId: string, channelName: string, url: string) => ({ id: '1', channelId, channelName, url: url.trim(), etag: '"e,1"' })),
    remove: vi.fn(async () => undefined),
    ...overrides,
  };
}

function renderField(store: ChannelWebhooks, { channelId = CHANNEL as string | null, language = 'nb' as Language } = {}) {
  const services = { channelWebhooks: () => store } as unknown as Services;
  const { queryClient } = renderWithServices(<ReminderWebhook teamId="team-1" channelId={channelId} channelName={channelId ? 'Påminnelser' : null} />, services, { language });
  return { queryClient };
}

beforeAll(stubResizeObserver);

afterEach(() => {
  cleanup();
});

describe('ReminderWebhook', () => {
  it('should show the stored URL hidden, labelled and described, and reveal it on request', async () => {
    renderField(fakeStore({ get: vi.fn(async () => stored(URL_A, '"e,1"')) }));
    const group = await screen.findByRole('group', { name: 'Workflows-webhook' });
    const input = await within(group).findByLabelText('URL til Workflows-webhook');
    expect(input.getAttribute('type')).toBe('password');
    expect((input as HTMLInputElement).value).toBe(URL_A);
    expect(input.getAttribute('autocomplete')).toBe('off');
    // Screen readers hear what it is for and how to make one in Teams.
    const described = (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    expect(described).toContain('Post to a channel when a webhook request is received');
    expect(described).toContain('Hold URL-en hemmelig');
    expect(within(group).getByText('En webhook-URL er lagret for kanalen Påminnelser.')).toBeTruthy();

    const show = within(group).getByRole('button', { name: 'Vis URL' });
    expect(show.getAttribute('aria-pressed')).toBe('false');
    await userEvent.click(show);
    expect(input.getAttribute('type')).toBe('text');
    expect(show.getAttribute('aria-pressed')).toBe('true');
  });

  it('should say in the user’s language what is wrong with a URL, and store nothing', async () => {
    const store = fakeStore();
    renderField(store, { language: 'nn' });
    const input = await screen.findByLabelText('URL til Workflows-webhook');
    expect(screen.getByText('Ingen webhook-URL er lagra for kanalen Påminnelser.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Fjern webhook' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Lagre webhook' }));
    expect(await screen.findByText('Lim inn webhook-URL-en frå Workflows.')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    await userEvent.type(input, 'http://example.com/x');
    await userEvent.click(screen.getByRole('button', { name: 'Lagre webhook' }));
    expect(await screen.findByText('URL-en må vere ei nettadresse som byrjar med https://.')).toBeTruthy();
    await userEvent.clear(input);
    await userEvent.type(input, 'https://example.com/x');
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByText(/Dette er ikkje ein URL til ein Workflows-webhook/)).toBeTruthy();
    expect(store.set).not.toHaveBeenCalled();
  });

  it('should save a new URL by the channel, and then remove it with the stored eTag', async () => {
    const store = fakeStore();
    renderField(store, { language: 'en' });
    const input = await screen.findByLabelText('Workflows webhook URL');
    await userEvent.type(input, `  ${URL_A}`);
    await userEvent.click(screen.getByRole('button', { name: 'Save webhook' }));
    expect(await screen.findByText('The webhook URL was saved. Only the board can see it.')).toBeTruthy();
    expect(store.set).toHaveBeenCalledWith(CHANNEL, 'Påminnelser', `  ${URL_A}`, undefined);
    expect((input as HTMLInputElement).value).toBe(URL_A);
    expect(screen.getByText('A webhook URL is saved for Påminnelser.')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Remove webhook' }));
    expect(await screen.findByText('The webhook URL was removed.')).toBeTruthy();
    expect(store.remove).toHaveBeenCalledWith(CHANNEL, '"e,1"');
    expect((input as HTMLInputElement).value).toBe('');
    expect(screen.queryByRole('button', { name: 'Remove webhook' })).toBeNull();
  });

  it('should offer reload or overwrite when someone else saved first, and overwrite with their eTag', async () => {
    const set = vi
      .fn<ChannelWebhooks['set']>()
      .mockRejectedValueOnce(new ConflictError('channelWebhook', '1'))
      .mockImplementation(async (channelId, channelName, url) => ({ id: '1', channelId, channelName, url, etag: '"e,3"' }));
    const get = vi.fn<ChannelWebhooks['get']>().mockResolvedValueOnce(stored(URL_A, '"e,1"')).mockResolvedValue(stored(URL_B, '"e,2"'));
    renderField(fakeStore({ get, set }));
    const input = await screen.findByLabelText('URL til Workflows-webhook');
    await waitFor(() => expect((input as HTMLInputElement).value).toBe(URL_A));
    await userEvent.clear(input);
    await userEvent.type(input, URL_A.replace('sig=a', 'sig=c'));
    await userEvent.click(screen.getByRole('button', { name: 'Lagre webhook' }));

    const dialog = await screen.findByRole('alertdialog', { name: 'Noen andre har endret webhooken' });
    expect(set).toHaveBeenLastCalledWith(CHANNEL, 'Påminnelser', URL_A.replace('sig=a', 'sig=c'), '"e,1"');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Overskriv med mine' }));
    expect(await screen.findByText('Webhook-URL-en er lagret. Bare styret kan se den.')).toBeTruthy();
    expect(set).toHaveBeenLastCalledWith(CHANNEL, 'Påminnelser', URL_A.replace('sig=a', 'sig=c'), '"e,2"');
  });

  it('should show the other board member’s URL when the user reloads after a conflict', async () => {
    const get = vi.fn<ChannelWebhooks['get']>().mockResolvedValueOnce(null).mockResolvedValue(stored(URL_B, '"e,2"'));
    renderField(fakeStore({ get, set: vi.fn<ChannelWebhooks['set']>().mockRejectedValue(new ConflictError('channelWebhook', '1')) }));
    const input = await screen.findByLabelText('URL til Workflows-webhook');
    await userEvent.type(input, URL_A);
    await userEvent.click(screen.getByRole('button', { name: 'Lagre webhook' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Noen andre har endret webhooken' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Last inn deres versjon' }));
    await waitFor(() => expect((input as HTMLInputElement).value).toBe(URL_B));
    // The button follows the reloaded value on a later render: wait for it rather than assume one render (slow under load).
    expect(await screen.findByRole('button', { name: 'Fjern webhook' })).toBeTruthy();
  });

  it('should explain that nothing was stored when the list could not be made the board’s alone', async () => {
    renderField(fakeStore({ set: vi.fn<ChannelWebhooks['set']>().mockRejectedValue(new WebhookListNotSecuredError('unreachable')) }));
    await userEvent.type(await screen.findByLabelText('URL til Workflows-webhook'), URL_A);
    await userEvent.click(screen.getByRole('button', { name: 'Lagre webhook' }));
    expect(await screen.findByText(/URL-en ble ikke lagret: fanen fikk ikke kontakt med SharePoint/)).toBeTruthy();
    expect(screen.getByText('Ingen webhook-URL er lagret for kanalen Påminnelser.')).toBeTruthy();
  });

  it('should ask for a reminder channel first when the plan has none', async () => {
    const store = fakeStore();
    renderField(store, { channelId: null });
    expect(await screen.findByText('Velg og lagre en kanal for påminnelser først: webhooken hører til den kanalen.')).toBeTruthy();
    expect(screen.queryByLabelText('URL til Workflows-webhook')).toBeNull();
    expect(store.get).not.toHaveBeenCalled();
  });

  it('should keep the URL out of the persisted browser cache', () => {
    expect(shouldPersistQuery({ queryKey: channelWebhookKey('team-1', CHANNEL), state: { status: 'success', data: stored(URL_A, '"e,1"') } as never })).toBe(false);
  });
});
