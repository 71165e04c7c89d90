/** The reminder-webhook part in English, which defines its keys (../reminder-webhook.ts). */
export const en = {
  'reminders.webhook.heading': 'Workflows webhook',
  'reminders.webhook.help':
    'With a webhook from the Workflows app, reminders can be posted in {channel} automatically, without anyone opening the plan and without the app’s bot. To create it in Teams: in the channel, choose … (More options) → Workflows → “Post to a channel when a webhook request is received”, finish the steps, and paste the URL it shows here.',
  'reminders.webhook.secret': 'Keep the URL secret: anyone who has it can post in the channel. Only the board can see it here and in SharePoint.',
  'reminders.webhook.label': 'Workflows webhook URL',
  'reminders.webhook.show': 'Show URL',
  'reminders.webhook.stored': 'A webhook URL is saved for {channel}.',
  'reminders.webhook.none': 'No webhook URL is saved for {channel}.',
  'reminders.webhook.noChannel': 'Choose and save a reminder channel first: the webhook belongs to that channel.',
  'reminders.webhook.save': 'Save webhook',
  'reminders.webhook.remove': 'Remove webhook',
  'reminders.webhook.saved': 'The webhook URL was saved. Only the board can see it.',
  'reminders.webhook.removed': 'The webhook URL was removed.',
  'reminders.webhook.invalid.empty': 'Paste the webhook URL from Workflows.',
  'reminders.webhook.invalid.notHttps': 'The URL must be a web address that starts with https://.',
  'reminders.webhook.invalid.notWorkflows':
    'This is not a Workflows webhook URL. Use the URL Teams shows for the workflow “Post to a channel when a webhook request is received” (its address ends in logic.azure.com or powerplatform.com).',
  'reminders.webhook.conflict.title': 'Someone else changed the webhook',
  'reminders.webhook.conflict.body':
    'Another board member saved or changed this channel’s webhook URL after you opened it. Reload to see theirs (your URL is not saved), or overwrite it with yours.',
  'reminders.webhook.gone': 'Someone removed the webhook URL in the meantime. Save again to store yours.',
  'reminders.webhook.notSecured.unreachable':
    'The URL was not saved: the tab could not reach SharePoint to make sure that only the board can read it. Try again later. If it keeps failing, ask your IT administrator (see “Who may change the plan”).',
  'reminders.webhook.notSecured.denied':
    'The URL was not saved: SharePoint did not let the tab make sure that only the board can read it. Sign in as an owner of the team’s SharePoint site, and ask your IT administrator to grant the app the SharePoint permission AllSites.FullControl.',
  'reminders.webhook.denied': 'Only the board (the team’s owners) can save or remove a webhook URL.',
  'reminders.webhook.failed': 'The webhook URL could not be saved or removed. Try again.',
  'reminders.webhook.loadFailed': 'The saved webhook URL could not be read.',
};
