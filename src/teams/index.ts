export {
  connectToHost,
  mapContext,
  type ConfigPageHost,
  type ConnectOptions,
  type HostChannel,
  type HostContext,
  type HostTeam,
  type HostUser,
  type TabConfig,
  type TeamsHost,
} from './host';
export { loadFluentTheme, toHostTheme, type HostTheme } from './theme';
export { toAppLanguage, type AppLanguage } from './locale';
export {
  buildTabDeepLink,
  parseTabDeepLink,
  DeepLinkTooLongError,
  MAX_DEEP_LINK_LENGTH,
  TEAMS_DEEP_LINK_BASE,
  type ParsedTabDeepLink,
  type TabDeepLinkParams,
} from './deep-link';
