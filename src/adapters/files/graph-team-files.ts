/**
 * The team's files over Microsoft Graph (domain/files-port.ts): a channel's Files folder, its
 * children, and a small file put there.
 *
 * - Folder: `GET /teams/{team-id}/channels/{channel-id}/filesFolder` → a driveItem whose
 *   `parentReference.driveId` is the team site's document library
 *   (learn: /graph/api/channel-get-filesfolder); without a channel, the team's General channel
 *   first (`GET /teams/{id}/primaryChannel`, learn: /graph/api/team-get-primarychannel).
 * - Children: `GET /drives/{drive-id}/items/{item-id}/children?$select=name,lastModifiedDateTime`,
 *   200 a page with `@odata.nextLink` (learn: /graph/api/driveitem-list-children).
 * - Upload: `PUT /drives/{drive-id}/items/{parent-id}:/{file-name}:/content` with the file's
 *   bytes, up to 250 MB (learn: /graph/api/driveitem-put-content), and
 *   `@microsoft.graph.conflictBehavior=replace` in the URL (learn: /graph/api/resources/driveitem:
 *   "The default for PUT is replace"; said explicitly all the same). A PUT by name that replaces is
 *   idempotent: the Graph client resends it after a 429, 503 or 504 (client.ts `mayResend`), and
 *   after no answer at all this adapter sends it once more; either way there is one file of that name.
 *
 * Permissions: delegated Files.ReadWrite.All (src/auth/graph-scopes.ts, docs/deployment.md).
 */
import { FileRefusedError, type FilesFolder, type SavedFile, type TeamFilesPort } from '../../domain/files-port';
import { AccessDeniedError, NotFoundError } from '../../domain/ports';
import type { FolderFile } from '../../domain/report';
import type { GraphApi } from '../../graph/client';
import { GraphRequestError } from '../../graph/errors';

/** A driveItem as far as the reports need it (learn: /graph/api/resources/driveitem). */
interface DriveItem {
  readonly id: string;
  readonly name: string;
  readonly webUrl?: string | null;
  readonly size?: number;
  readonly lastModifiedDateTime?: string;
  readonly parentReference?: { readonly driveId?: string };
}

const enc = encodeURIComponent;

/** Graph's refusals in domain terms; anything else as it came. */
function domainError(error: unknown, entity: string, id: string): unknown {
  if (!(error instanceof GraphRequestError)) return error;
  if (error.status === 403) return new AccessDeniedError(entity, id);
  if (error.status === 404) return new NotFoundError(entity, id);
  return error;
}

/** No answer at all (the SDK says status -1 or 0): the request may or may not have reached Graph. */
const lostAnswer = (error: unknown) => error instanceof GraphRequestError && error.status <= 0;

export class GraphTeamFiles implements TeamFilesPort {
  constructor(
    private readonly graph: GraphApi,
    private readonly teamId: string,
  ) {}

  async channelFolder(channelId: string | null): Promise<FilesFolder> {
    const team = enc(this.teamId);
    try {
      const channel = channelId ?? (await this.graph.get<{ id: string }>(`/teams/${team}/primaryChannel?$select=id`)).id;
      const item = await this.graph.get<DriveItem>(`/teams/${team}/channels/${enc(channel)}/filesFolder`);
      const driveId = item.parentReference?.driveId;
      if (!driveId) throw new NotFoundError('filesFolder', channel);
      return { driveId, itemId: item.id, name: item.name, webUrl: item.webUrl ?? null };
    } catch (error) {
      throw domainError(error, 'filesFolder', channelId ?? 'primaryChannel');
    }
  }

  async list(folder: FilesFolder): Promise<FolderFile[]> {
    try {
      const items = await this.graph.getAll<DriveItem>(`/drives/${enc(folder.driveId)}/items/${enc(folder.itemId)}/children?$select=name,lastModifiedDateTime`);
      return items.map((item) => ({ name: item.name, lastModified: item.lastModifiedDateTime ?? '' }));
    } catch (error) {
      throw domainError(error, 'folder', folder.itemId);
    }
  }

  async upload(folder: FilesFolder, name: string, content: Uint8Array, contentType: string): Promise<SavedFile> {
    const path = `/drives/${enc(folder.driveId)}/items/${enc(folder.itemId)}:/${enc(name)}:/content?@microsoft.graph.conflictBehavior=replace`;
    // A Blob is sent as it is, in the browser and in Node (a typed array would be made a Node Buffer by the SDK).
    const send = () => this.graph.put<DriveItem>(path, new Blob([content as Uint8Array<ArrayBuffer>], { type: contentType }), { headers: { 'Content-Type': contentType } });
    let item: DriveItem;
    try {
      try {
        item = await send();
      } catch (error) {
        if (!lostAnswer(error)) throw error;
        // Replacing by name: the same request again leaves the one file, whether or not the first arrived.
        item = await send();
      }
    } catch (error) {
      if (error instanceof GraphRequestError && error.status === 400) throw new FileRefusedError(name, 'name');
      if (error instanceof GraphRequestError && error.status === 413) throw new FileRefusedError(name, 'size');
      throw domainError(error, 'folder', folder.itemId);
    }
    return { id: item.id, name: item.name, webUrl: item.webUrl ?? null, size: item.size ?? content.byteLength, lastModified: item.lastModifiedDateTime ?? '' };
  }
}
