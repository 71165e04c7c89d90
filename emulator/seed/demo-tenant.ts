/**
 * The demo tenant "org365.example": three local unions, one team each, with the boards that use
 * the app. Plain data with fixed GUIDs (no Node imports) so that browser code, tests and the seed
 * of the plans can all refer to it and links stay reproducible.
 */

export type DemoPlanKey = 'alver' | 'sor-varanger' | 'asker';

export const DEMO_DOMAIN = 'org365.example';
export const DEMO_TENANT_ID = '81563b80-a35d-5c55-af96-7287cafa8b0f';
export const DEMO_SHAREPOINT_HOST = 'org365.sharepoint.com';
/** The union's own mail domain: most users' `mail`, unlike their UPN in the tenant's domain. */
export const DEMO_MAIL_DOMAIN = 'fagforbundet.example';

export interface DemoPerson {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly displayName: string;
  readonly givenName: string;
  readonly surname: string;
  readonly jobTitle: string;
  readonly mobilePhone: string;
  readonly officeLocation: string;
  readonly preferredLanguage: 'nb-NO' | 'nn-NO';
  /**
   * The user's e-mail address: as in real Org365 tenants it differs from the sign-in name (UPN),
   * one user has no mailbox (null), and a guest's is their own external address. The app must
   * never match people on it (issue 9).
   */
  readonly mail: string | null;
  /** 'Guest' for a user invited from outside the tenant (UPN `…#EXT#@…`). */
  readonly userType: 'Member' | 'Guest';
  /**
   * Further addresses of the user's mailbox (Exchange `proxyAddresses`, e.g. `smtp:` aliases kept
   * after a change of name), besides `SMTP:<mail>`. Absent: none.
   */
  readonly aliases?: readonly string[];
  /** The user's other e-mail addresses (Entra `otherMails`, e.g. a private one). Absent: none. */
  readonly otherMails?: readonly string[];
}

export interface DemoChannel {
  readonly id: string;
  readonly displayName: string;
  readonly description: string;
}

/**
 * A local union's team as the tenant is built with it: the team with its channels, its group's
 * site, its board and stewards, and the 'Påminnelser' channel with its Workflows webhook. The demo
 * teams are such teams; so are the synthetic unions a bench adds (seed/synthetic-unions.ts).
 */
export interface UnionTeam {
  /** A short key of the team; ids of what the seed creates for it (e.g. its documents library) derive from it. */
  readonly planKey: string;
  /** Team id = Microsoft 365 group id. */
  readonly id: string;
  readonly displayName: string;
  readonly description: string;
  readonly mailNickname: string;
  /** Thread id of the General channel (teams-js `team.internalId`). */
  readonly internalId: string;
  readonly channels: readonly DemoChannel[];
  /** SharePoint site of the team's group: '{host},{site-collection-guid},{web-guid}'. */
  readonly siteId: string;
  readonly siteName: string;
  /** User principal names of the board (team owners). */
  readonly owners: readonly string[];
  /** User principal names of the stewards (team members that are not owners). */
  readonly members: readonly string[];
  /** The 'Påminnelser' channel that reminders are posted to (one of `channels`). */
  readonly reminderChannelId: string;
  /**
   * The Workflows webhook of the reminder channel: its URL is `<emulator origin>/webhooks/workflows/<id>`
   * (messaging/workflows-webhook.ts).
   */
  readonly workflowWebhookId: string;
}

/** A demo team: one per sample plan (fixtures/plans/<planKey>.truth.json). */
export interface DemoTeam extends UnionTeam {
  readonly planKey: DemoPlanKey;
  /**
   * User principal names of the union's representatives who have an account in the tenant but are
   * not in the team (yet): the people the roster finds and a board member adds (issue 13).
   */
  readonly notInTeam: readonly string[];
}

/** The reminder channel's name (nb), in every demo team. */
export const DEMO_REMINDER_CHANNEL_NAME = 'Påminnelser';

/**
 * The Handlingsplan app in the tenant's app catalog and its bot (the bot's Microsoft App ID, used
 * as `client_id` for the bot's token and in `Bearer dev-app:<id>;aud=https://api.botframework.com`).
 * Installed in every demo team. One Entra app serves the bot and the unattended runner (app-only
 * Graph: `Bearer dev-app:<id>;aud=https://graph.microsoft.com`, DEMO_APP_REGISTRATION).
 */
export const DEMO_BOT_APP_ID = 'fda59cb8-5ad5-5fd0-b1f5-426c313b439a';

/**
 * The app's manifest id (`teamsApp.externalId`): the Teams app id the dev stack packages the app
 * with (scripts/dev-stack.ts `DEV_TEAMS_APP_ID`), by which a runner finds the teams that installed it.
 */
export const DEMO_TEAMS_APP_EXTERNAL_ID = '6d1f3c2a-8b4e-4f7a-9c5d-2e8b1a7f4c30';

/**
 * The resource-specific consent of the app's manifest (`authorization.permissions.resourceSpecific`,
 * type Application; manifest/manifest.json), held in every team where it is installed.
 */
export const DEMO_APP_RSC_PERMISSIONS = ['ChannelMessage.Read.Group', 'TeamMember.Read.Group', 'ChannelSettings.Read.Group', 'TeamsAppInstallation.Read.Group'] as const;

/** The Microsoft Graph application permissions an administrator consented to for the app. */
export const DEMO_APP_PERMISSIONS = ['Sites.Selected', 'Team.ReadBasic.All', 'Tasks.ReadWrite.All'] as const;

/** The roles of the app's `Sites.Selected` grant on each demo team's site. */
export const DEMO_SITE_GRANT_ROLES = ['write'] as const;

export const DEMO_TEAMS_APP = {
  /** Catalog app id (teamsApp id). */
  id: 'a641c6bd-7719-5f2a-942f-a6b0f702212e',
  displayName: 'Handlingsplan',
  botId: DEMO_BOT_APP_ID,
  externalId: DEMO_TEAMS_APP_EXTERNAL_ID,
  azureADAppId: DEMO_BOT_APP_ID,
  rsc: DEMO_APP_RSC_PERMISSIONS,
} as const;

/** The app's Microsoft Entra registration (the bot's and the runner's app). */
export const DEMO_APP_REGISTRATION = {
  appId: DEMO_BOT_APP_ID,
  displayName: 'Handlingsplan',
  applicationPermissions: DEMO_APP_PERMISSIONS,
} as const;

/**
 * The sender of messages posted through a Workflows webhook: the Workflows app (Flow bot). Its real
 * app id is not confirmed; this fixed GUID stands in for it.
 */
export const WORKFLOWS_APP = { id: '3404135f-c843-5a96-92e5-ecca99144bd4', displayName: 'Workflows' } as const;

const person = (
  id: string,
  local: string,
  givenName: string,
  surname: string,
  jobTitle: string,
  mobilePhone: string,
  officeLocation: string,
  preferredLanguage: 'nb-NO' | 'nn-NO' = 'nb-NO',
): DemoPerson => ({
  id,
  userPrincipalName: `${local}@${DEMO_DOMAIN}`,
  displayName: `${givenName} ${surname}`,
  givenName,
  surname,
  jobTitle,
  mobilePhone,
  officeLocation,
  preferredLanguage,
  mail: `${local}@${DEMO_MAIL_DOMAIN}`,
  userType: 'Member',
});

/** A user without a mailbox (`mail` is null in Graph). */
const withoutMailbox = (p: DemoPerson): DemoPerson => ({ ...p, mail: null });

/**
 * A guest invited from outside the tenant: Entra gives them a UPN of the form
 * `<external address with @ as _>#EXT#@<tenant domain>`, and `mail` is their own address.
 */
const guest = (p: DemoPerson, externalMail: string): DemoPerson => ({
  ...p,
  userPrincipalName: `${externalMail.replace('@', '_')}#EXT#@${DEMO_DOMAIN}`,
  mail: externalMail,
  userType: 'Guest',
});

const HTV = 'Hovedtillitsvalgt (HTV)';
const PTV = 'Plasstillitsvalgt (PTV)';
const KTV = 'Klubbtillitsvalgt (KTV)';

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  // Fagforbundet Alver
  person('d16ac1ac-24a9-53db-bfb7-3bd73d39e6c1', 'ingrid.haugland', 'Ingrid', 'Haugland', 'Leder', '+47 913 24 587', 'Alver', 'nn-NO'),
  person('68b3d294-4724-51eb-ab32-d87fea459944', 'sigurd.mjelde', 'Sigurd', 'Mjelde', 'Nestleder', '+47 928 11 406', 'Alver', 'nn-NO'),
  person('9eac2ecf-d749-5b51-ab14-7dcdf3193713', 'kari.eide', 'Kari', 'Eide', HTV, '+47 480 57 219', 'Alver', 'nn-NO'),
  withoutMailbox(person('62aa6ed1-425b-56f2-8ed7-3664e9fd7083', 'ola.nesse', 'Ola', 'Nesse', PTV, '+47 452 90 318', 'Alver', 'nn-NO')),
  person('de522450-fcb7-58c2-8bcd-5eb4639f589f', 'marte.hjelmeland', 'Marte', 'Hjelmeland', PTV, '+47 936 42 871', 'Alver', 'nn-NO'),
  person('06ee5ed4-a232-51ce-aaa4-f018a3bd4ca3', 'torbjorn.vik', 'Torbjørn', 'Vik', KTV, '+47 415 63 092', 'Alver', 'nn-NO'),
  person('5039137c-0e2d-5e27-b06d-5f05a4a2bc13', 'solveig.brekke', 'Solveig', 'Brekke', PTV, '+47 977 20 654', 'Alver', 'nn-NO'),
  person('7b516385-1214-542a-a793-d0a3e01eac45', 'eirik.fosse', 'Eirik', 'Fosse', KTV, '+47 404 88 135', 'Alver', 'nn-NO'),
  guest(person('b7d3c0a2-5e41-5f7a-9c2e-3a1d4f6b8e90', 'randi.kvam', 'Randi', 'Kvam', PTV, '+47 917 55 302', 'Alver', 'nn-NO'), 'randi.kvam@gmail.example'),
  // Fagforbundet Sør-Varanger
  person('5730fa27-a37f-5c4a-8b6a-def15e66695e', 'tor-arne.pedersen', 'Tor-Arne', 'Pedersen', 'Leder', '+47 916 37 402', 'Kirkenes'),
  person('80673815-31d1-5cf8-b0d6-073b777a2b04', 'anne.mathisen', 'Anne', 'Mathisen', 'Nestleder', '+47 482 15 736', 'Kirkenes'),
  person('5fe99161-4abf-5b13-970b-f974a6e29681', 'hilde.johansen', 'Hilde', 'Johansen', HTV, '+47 995 41 280', 'Kirkenes'),
  person('ff87bc4f-6f46-57b1-b522-84cb004d008a', 'jan.erik.hansen', 'Jan Erik', 'Hansen', PTV, '+47 468 72 913', 'Kirkenes'),
  person('73e026f2-2a6d-5017-b9c5-5b3088e420c5', 'siv.isaksen', 'Siv', 'Isaksen', KTV, '+47 907 36 548', 'Bjørnevatn'),
  person('0277adf8-4b41-5d3e-b2ec-8d02cdcbbb7d', 'rune.nilsen', 'Rune', 'Nilsen', PTV, '+47 413 29 867', 'Kirkenes'),
  person('0074b8e6-6274-5942-a73a-a5b84a2d3313', 'marit.eriksen', 'Marit', 'Eriksen', PTV, '+47 941 58 203', 'Bugøynes'),
  person('0ef3169d-dcad-5181-902d-5381bfc557ed', 'kjell.andersen', 'Kjell', 'Andersen', KTV, '+47 456 03 791', 'Kirkenes'),
  // Fagforbundet Asker
  person('80ff38ba-747b-59f9-9147-c3f253dc1cb0', 'camilla.berg', 'Camilla', 'Berg', 'Leder', '+47 920 46 185', 'Asker'),
  person('1f0e2908-1a56-526d-81f4-ada5bf8c2ea2', 'henrik.lund', 'Henrik', 'Lund', 'Nestleder', '+47 473 81 629', 'Asker'),
  person('9d7d0f8f-9821-526d-a7ec-538d05e8c704', 'nina.solberg', 'Nina', 'Solberg', HTV, '+47 988 12 374', 'Asker'),
  person('aa740a6c-fc36-5c57-bba2-0358e56c41a3', 'ahmed.hussain', 'Ahmed', 'Hussain', PTV, '+47 405 67 918', 'Asker'),
  person('7c47a895-0fb3-50d4-a477-ab1f4ed0a02d', 'linda.strand', 'Linda', 'Strand', KTV, '+47 934 70 251', 'Heggedal'),
  person('9cc097e2-1d0f-5a97-85fd-4beab561babc', 'thomas.bakke', 'Thomas', 'Bakke', PTV, '+47 461 95 037', 'Asker'),
  person('c86d60e3-3afb-533d-869c-052394810d01', 'maria.olsen', 'Maria', 'Olsen', KTV, '+47 917 28 460', 'Vollen'),
  // A member of the union who is in none of the teams (for access tests and the empty state).
  person('fe749b0c-e061-5d52-b9e6-2d7c8fae8090', 'per.olsen', 'Per', 'Olsen', 'Medlem', '+47 489 36 712', 'Asker'),
  // Representatives with an account who are not in their union's team yet (DemoTeam.notInTeam).
  // Alver: a name changed at marriage (mail follows the new name, the UPN and an alias the old
  // one), one without a mailbox (found by UPN only), one with a private address in otherMails.
  {
    ...person('2cd5a188-4175-4c42-8174-e7eb0a91c526', 'liv.tveit', 'Liv', 'Tveit Hauge', PTV, '+47 918 40 233', 'Alver', 'nn-NO'),
    mail: `liv.hauge@${DEMO_MAIL_DOMAIN}`,
    aliases: [`smtp:liv.tveit@${DEMO_MAIL_DOMAIN}`],
  },
  withoutMailbox(person('aaeff7ea-b863-48f2-b494-e08b62483934', 'nils.rong', 'Nils', 'Rong', KTV, '+47 477 12 560', 'Alver', 'nn-NO')),
  {
    ...person('7b8a22a3-d6ed-4362-9bfa-913ad09f63f2', 'astrid.myking', 'Astrid', 'Myking', PTV, '+47 934 81 027', 'Alver', 'nn-NO'),
    otherMails: ['astrid.myking@privat.example'],
  },
  // Sør-Varanger: a guest known by the external address the board has, and a mail whose local
  // part is not the UPN's.
  person('106da85a-ebd0-4c10-9869-6e10447c0f2a', 'aslak.somby', 'Aslak', 'Somby', KTV, '+47 412 66 908', 'Kirkenes'),
  guest(person('2191e833-91fb-4fc0-87ff-e6253c854495', 'bjorn.ek', 'Bjørn', 'Ek', PTV, '+47 905 73 114', 'Kirkenes'), 'bjorn.ek@epost.example'),
  { ...person('60f1cd65-fdfb-4f8b-bc85-031f848264ea', 'ellen.haetta', 'Ellen', 'Hætta', PTV, '+47 951 08 346', 'Bugøynes'), mail: `ellen.m.haetta@${DEMO_MAIL_DOMAIN}` },
  // Asker: an apostrophe in the UPN and mail (a quote inside an OData string literal), and a user
  // whose mail is their UPN.
  person('a70b3bbf-67b3-4cdd-b22e-48f6e4012820', "kevin.o'connor", 'Kevin', "O'Connor", KTV, '+47 486 29 750', 'Asker'),
  person('eb405dd6-9c1e-401d-a611-7e0504d7e8d8', 'sara.lie', 'Sara', 'Lie', PTV, '+47 942 17 683', 'Vollen'),
  { ...person('66490228-a129-43c7-979c-8c8b4dff4388', 'jonas.dahl', 'Jonas', 'Dahl', PTV, '+47 469 50 821', 'Asker'), mail: `jonas.dahl@${DEMO_DOMAIN}` },
];

const upn = (local: string): string => `${local}@${DEMO_DOMAIN}`;
/** The UPN of the guest Randi Kvam (a steward in Alver). */
export const DEMO_GUEST_UPN = 'randi.kvam_gmail.example#EXT#@org365.example';
const site = (collection: string, web: string): string => `${DEMO_SHAREPOINT_HOST},${collection},${web}`;
const channels = (general: string, board: string, reminders: string, union: string): DemoChannel[] => [
  { id: general, displayName: 'General', description: `${union}: felles kanal for styret og tillitsvalde` },
  { id: board, displayName: 'Styret', description: 'Styremøte, saker og oppfølging av handlingsplanen' },
  { id: reminders, displayName: DEMO_REMINDER_CHANNEL_NAME, description: 'Påminnelser fra handlingsplanen' },
];

const ALVER_REMINDERS = '19:2c28eda0dd705ec48b81ac7436afab8f@thread.tacv2';
const SOR_VARANGER_REMINDERS = '19:992941b715d355098ff7da8411616c8b@thread.tacv2';
const ASKER_REMINDERS = '19:d6af3337d1ac54e9a5bbf3c22b4927bd@thread.tacv2';

export const DEMO_TEAMS: readonly DemoTeam[] = [
  {
    planKey: 'alver',
    id: 'af1a4781-485e-5fbe-af5a-e65a9b437966',
    displayName: 'Fagforbundet Alver',
    description: 'Styret og tillitsvalde i Fagforbundet Alver',
    mailNickname: 'FagforbundetAlver',
    internalId: '19:dbbe0d33584f5e5ab9d2bb66e2b986c4@thread.tacv2',
    channels: channels('19:dbbe0d33584f5e5ab9d2bb66e2b986c4@thread.tacv2', '19:79f0fc125b4759f99206c1e6a763922b@thread.tacv2', ALVER_REMINDERS, 'Fagforbundet Alver'),
    siteId: site('6ebf60ce-a61b-50c8-ac86-8a1fad13b300', 'c7096ad9-4dbf-5a73-9a56-2905d4ecb644'),
    siteName: 'FagforbundetAlver',
    owners: [upn('ingrid.haugland'), upn('sigurd.mjelde'), upn('kari.eide')],
    members: [upn('ola.nesse'), upn('marte.hjelmeland'), upn('torbjorn.vik'), upn('solveig.brekke'), upn('eirik.fosse'), DEMO_GUEST_UPN],
    notInTeam: [upn('liv.tveit'), upn('nils.rong'), upn('astrid.myking')],
    reminderChannelId: ALVER_REMINDERS,
    workflowWebhookId: 'b8a0f148525a5285bfa7298ac7e575b6',
  },
  {
    planKey: 'sor-varanger',
    id: 'e7c5bc99-c856-5975-ae51-7603c038c697',
    displayName: 'Fagforbundet Sør-Varanger',
    description: 'Styret og tillitsvalgte i Fagforbundet Sør-Varanger',
    mailNickname: 'FagforbundetSorVaranger',
    internalId: '19:c4decebe7f905953842fa876d27c252a@thread.tacv2',
    channels: channels('19:c4decebe7f905953842fa876d27c252a@thread.tacv2', '19:3cadcbbe94bf54ff9f3ccbfb9b15c388@thread.tacv2', SOR_VARANGER_REMINDERS, 'Fagforbundet Sør-Varanger'),
    siteId: site('61ae6bd0-9739-5b20-8668-1a3dae87f7e9', '0aa52b20-5887-51d4-b782-1f9b273ccf63'),
    siteName: 'FagforbundetSorVaranger',
    owners: [upn('tor-arne.pedersen'), upn('anne.mathisen'), upn('hilde.johansen')],
    members: [upn('jan.erik.hansen'), upn('siv.isaksen'), upn('rune.nilsen'), upn('marit.eriksen'), upn('kjell.andersen')],
    notInTeam: [upn('aslak.somby'), 'bjorn.ek_epost.example#EXT#@org365.example', upn('ellen.haetta')],
    reminderChannelId: SOR_VARANGER_REMINDERS,
    workflowWebhookId: '851fd4e427d25c2fa51e0771bab78c5c',
  },
  {
    planKey: 'asker',
    id: '97fefc9c-4463-57d4-bb0d-f454ee9501b7',
    displayName: 'Fagforbundet Asker',
    description: 'Styret og tillitsvalgte i Fagforbundet Asker',
    mailNickname: 'FagforbundetAsker',
    internalId: '19:f71d4aecc1f6594a8ec9bd4620693530@thread.tacv2',
    channels: channels('19:f71d4aecc1f6594a8ec9bd4620693530@thread.tacv2', '19:b9ab2e1fc20e5a3d8e866fb5e5b4a040@thread.tacv2', ASKER_REMINDERS, 'Fagforbundet Asker'),
    siteId: site('407a68db-7068-5d63-ae5d-d64970e125c8', '2a18436a-d32e-5d77-8ff4-55cd7914129d'),
    siteName: 'FagforbundetAsker',
    owners: [upn('camilla.berg'), upn('henrik.lund'), upn('nina.solberg')],
    // Ingrid Haugland (leader in Alver) also sits as a steward in Asker: one person, two teams.
    members: [upn('ahmed.hussain'), upn('linda.strand'), upn('thomas.bakke'), upn('maria.olsen'), upn('ingrid.haugland')],
    notInTeam: [upn("kevin.o'connor"), upn('sara.lie'), upn('jonas.dahl')],
    reminderChannelId: ASKER_REMINDERS,
    workflowWebhookId: '7fc8ff2e2bd25cb99c2bed471a12db5d',
  },
];

/** The user the local Teams host signs in as unless another is picked. */
export const DEMO_DEFAULT_USER = upn('ingrid.haugland');

/** The demo person with this UPN (case-insensitive, as Entra compares them). */
export function demoPerson(userPrincipalName: string): DemoPerson {
  const found = DEMO_PEOPLE.find((p) => p.userPrincipalName.toLowerCase() === userPrincipalName.toLowerCase());
  if (!found) throw new Error(`No demo person ${userPrincipalName}`);
  return found;
}

export function demoTeam(planKey: DemoPlanKey): DemoTeam {
  const team = DEMO_TEAMS.find((t) => t.planKey === planKey);
  if (!team) throw new Error(`No demo team for plan ${planKey}`);
  return team;
}
