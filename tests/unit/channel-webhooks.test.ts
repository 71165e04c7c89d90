import { describe, expect, it } from 'vitest';
import { toChannelWebhook } from '../../src/adapters/sharepoint/channel-webhooks';
import { webhookUrlProblem } from '../../src/domain/channel-webhooks';

/** The shapes Workflows hands out: Logic Apps hosts, and the Power Platform hosts flows move to. */
const LOGIC = 'https://prod-27.westeurope.logic.azure.com:443/workflows/0d1f5c3e7a9b4c2d8e6f1a3b5c7d9e0f/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=AbC-123_xyz';
const PLATFORM =
  'https://0123456789abcdef0123456789abcdef.09.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/86ffea6392fe4f3f9555f5e8f9b1f06e/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=AbC';

describe('webhookUrlProblem', () => {
  it('should accept Workflows webhook URLs on Logic Apps and Power Platform hosts, with spaces around them', () => {
    expect(webhookUrlProblem(LOGIC)).toBeNull();
    expect(webhookUrlProblem(PLATFORM)).toBeNull();
    expect(webhookUrlProblem(`  ${LOGIC}\n`)).toBeNull();
    expect(webhookUrlProblem(LOGIC.replace('prod-27.westeurope.logic.azure.com', 'PROD-27.WestEurope.Logic.Azure.com'))).toBeNull();
    expect(webhookUrlProblem('https://prod-01.northeurope.logic.azure.com./workflows/x/triggers/manual/paths/invoke')).toBeNull();
    expect(webhookUrlProblem('https://default0123.45.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/x/triggers/manual/paths/invoke')).toBeNull();
  });

  it('should accept this machine’s https webhooks, as the local emulator gives them', () => {
    expect(webhookUrlProblem('https://localhost:4010/webhooks/workflows/b8a0f148525a5285bfa7298ac7e575b6')).toBeNull();
    expect(webhookUrlProblem('https://127.0.0.1:4010/webhooks/workflows/b8a0f148525a5285bfa7298ac7e575b6')).toBeNull();
    expect(webhookUrlProblem('https://[::1]:4010/webhooks/workflows/x')).toBeNull();
  });

  it('should call nothing at all empty', () => {
    expect(webhookUrlProblem('')).toBe('empty');
    expect(webhookUrlProblem(' \t\n ')).toBe('empty');
  });

  it('should refuse what is not an https URL', () => {
    expect(webhookUrlProblem(LOGIC.replace('https:', 'http:'))).toBe('notHttps');
    expect(webhookUrlProblem('http://localhost:4010/webhooks/workflows/x')).toBe('notHttps');
    expect(webhookUrlProblem('prod-27.westeurope.logic.azure.com/workflows/x')).toBe('notHttps');
    expect(webhookUrlProblem('not a url')).toBe('notHttps');
    expect(webhookUrlProblem('ftp://prod-27.westeurope.logic.azure.com/workflows/x')).toBe('notHttps');
    expect(webhookUrlProblem('javascript:alert(1)')).toBe('notHttps');
  });

  it('should refuse https URLs of other hosts, however they mention a Workflows host', () => {
    for (const url of [
      // The retired Office 365 connectors' incoming webhooks are not Workflows.
      'https://contoso.webhook.office.com/webhookb2/abc@def/IncomingWebhook/123/456',
      'https://example.com/hook',
      'https://logic.azure.com/workflows/x',
      'https://api.powerplatform.com/workflows/x',
      'https://evillogic.azure.com/workflows/x',
      'https://prod-27.westeurope.logic.azure.com.attacker.example/workflows/x',
      'https://attacker.example/?next=.logic.azure.com',
      'https://attacker.example/#prod.logic.azure.com',
      'https://attacker.example\\.logic.azure.com/x',
      'https://localhost.attacker.example/webhooks/workflows/x',
      'https://powerplatform.com.attacker.example/x',
    ]) {
      expect(webhookUrlProblem(url), url).toBe('notWorkflows');
    }
  });

  it('should refuse a user name or password in the URL', () => {
    expect(webhookUrlProblem('https://attacker.example@prod-27.westeurope.logic.azure.com/workflows/x')).toBe('notWorkflows');
    expect(webhookUrlProblem('https://user:secret@prod-27.westeurope.logic.azure.com/workflows/x')).toBe('notWorkflows');
  });
});

describe('toChannelWebhook', () => {
  it('should read an item of the webhook list, the channel id from its key', () => {
    expect(toChannelWebhook({ id: '4', eTag: '"x,2"', fields: { ClientId: '19:abc@thread.tacv2', ChannelName: 'Påminnelser', WebhookUrl: ` ${LOGIC} ` } })).toEqual({
      id: '4',
      channelId: '19:abc@thread.tacv2',
      channelName: 'Påminnelser',
      url: LOGIC,
      etag: '"x,2"',
    });
    expect(toChannelWebhook({ id: '5' })).toEqual({ id: '5', channelId: '', channelName: '', url: '', etag: undefined });
  });
});
