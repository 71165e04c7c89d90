/**
 * The team's files as the board's reports need them: the Files folder of a channel (its folder in
 * the team site's document library, where the board keeps its papers), what is in it, and putting
 * a report there. Domain terms only; adapters/files implements it over Microsoft Graph.
 */
import type { FolderFile } from './report';

export interface FilesFolder {
  readonly driveId: string;
  readonly itemId: string;
  /** The folder's name: the channel's display name. */
  readonly name: string;
  readonly webUrl: string | null;
}

export interface SavedFile {
  readonly id: string;
  readonly name: string;
  readonly webUrl: string | null;
  readonly size: number;
  /** ISO timestamp of the stored file's last change. */
  readonly lastModified: string;
}

/**
 * The store refused the file itself (HTTP 400 for its name, 413 for its size): retrying the same
 * file cannot help.
 */
export class FileRefusedError extends Error {
  constructor(
    readonly fileName: string,
    readonly reason: 'name' | 'size',
  ) {
    super(`The file ${fileName} was refused (${reason})`);
    this.name = 'FileRefusedError';
  }
}

export interface TeamFilesPort {
  /**
   * The Files folder of a channel of the team, or of the team's General (primary) channel when no
   * channel is given. AccessDeniedError when the user may not reach it, NotFoundError when the
   * channel (or its folder) does not exist.
   */
  channelFolder(channelId: string | null): Promise<FilesFolder>;
  /** The files and folders in a folder, by name and last change. */
  list(folder: FilesFolder): Promise<FolderFile[]>;
  /**
   * Stores `content` as `name` in the folder, replacing a file of that name: sending it again
   * (after an answer was lost) leaves one file with this content, never a second one.
   */
  upload(folder: FilesFolder, name: string, content: Uint8Array, contentType: string): Promise<SavedFile>;
}
