/**
 * The team sites' document libraries (graph/drives.ts): one drive per site, its folders (a
 * channel's Files folder among them) and files with their bytes. Plain JSON, kept in tenant.json
 * with the rest of the tenant (the bytes base64-encoded).
 */

export interface DriveItemState {
  /** 34 characters, '01' and 32 hex digits in upper case (the shape of SharePoint's item ids). */
  id: string;
  /** The folder the item is in; null for the drive's root. */
  parentId: string | null;
  name: string;
  /** A folder, or a file. */
  folder: boolean;
  createdDateTime: string;
  lastModifiedDateTime: string;
  /** Who created it and who changed it last: a user's object id or an app's client id. */
  createdBy: string;
  lastModifiedBy: string;
  /** Counts the item's changes (its eTag and cTag carry it). */
  version: number;
  /** A channel's Files folder: the channel's id. */
  channelId?: string;
  /** A file's bytes, base64-encoded. */
  contentBase64?: string;
  /** A file's media type as it was uploaded. */
  mimeType?: string;
  /** A file's size in bytes (a folder's: 0). */
  size: number;
}

export interface DriveState {
  /** 'b!' and a base64url string, the shape of a SharePoint drive id. */
  id: string;
  siteId: string;
  /** The library's name ('Documents', whose URL is 'Shared Documents'). */
  name: string;
  createdDateTime: string;
  items: DriveItemState[];
}
