/**
 * Delegated Microsoft Graph permissions the tab asks for, and no more (docs/deployment.md justifies
 * each). `Sites.Manage.All` includes what `Sites.ReadWrite.All` grants (items) and adds creating
 * lists and columns, which provisioning needs, so the two are never asked for together.
 * `Tasks.ReadWrite` is the least privileged delegated permission for Planner plans, buckets and
 * tasks in the team's group (issue 11). `ChannelMessage.Send` posts a board member's 'Send reminders
 * now' into the reminder channel (issue 12); it needs no admin consent. The roster (issue 13) finds
 * representatives' accounts by e-mail address with `User.ReadBasic.All` (the basic profile: name, mail,
 * sign-in name) and lets a team owner add one to the team with `TeamMember.ReadWriteNonOwnerRole.All`
 * (members only, never owners); `TeamMember.Read.All` still reads the members, which the write
 * permission does not cover. The board's reports (issue 14) save the .docx in the channel's Files
 * folder with `Files.ReadWrite.All` (no admin consent needed): the one permission that the pages of
 * the three calls (channel filesFolder, list children, upload) all list and that reaches a team's
 * library; `Sites.Manage.All` is not among the permissions those pages list. Later capabilities add
 * theirs with the feature that uses them.
 */
export const GRAPH_SCOPES: readonly string[] = [
  'https://graph.microsoft.com/User.Read',
  'https://graph.microsoft.com/Team.ReadBasic.All',
  'https://graph.microsoft.com/TeamMember.Read.All',
  'https://graph.microsoft.com/Channel.ReadBasic.All',
  'https://graph.microsoft.com/Sites.Manage.All',
  'https://graph.microsoft.com/Tasks.ReadWrite',
  'https://graph.microsoft.com/ChannelMessage.Send',
  'https://graph.microsoft.com/User.ReadBasic.All',
  'https://graph.microsoft.com/TeamMember.ReadWriteNonOwnerRole.All',
  'https://graph.microsoft.com/Files.ReadWrite.All',
];
