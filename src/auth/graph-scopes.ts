/** Delegated Microsoft Graph permissions the tab asks for (README: deployment guide explains each). */
export const GRAPH_SCOPES: readonly string[] = [
  'https://graph.microsoft.com/User.Read',
  'https://graph.microsoft.com/Team.ReadBasic.All',
  'https://graph.microsoft.com/TeamMember.Read.All',
  'https://graph.microsoft.com/Channel.ReadBasic.All',
  'https://graph.microsoft.com/Sites.ReadWrite.All',
  'https://graph.microsoft.com/Sites.Manage.All',
];
