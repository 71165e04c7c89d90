/**
 * The team's files for the board's reports: the Files folder of the channel the tab is in (or the
 * team's General channel) with the day of the last board report saved there, and saving a report
 * there. Nothing here is kept in the persisted cache (lib/persisted-cache.ts keeps the plan only).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FilesFolder, SavedFile } from '../../domain/files-port';
import { lastBoardReportDay } from '../../domain/report';
import { useServices } from '../../lib/services';
import { boardReportPrefixes, DOCX_MIME_TYPE, type ReportContent } from '../../reports/content';

export const reportFilesQueryKey = (teamId: string, channelId: string | null) => ['report-files', teamId, channelId ?? 'primary'] as const;

export interface ReportFolder {
  readonly folder: FilesFolder;
  /** The day of the newest board report in the folder, or null when there is none. */
  readonly lastReportDay: string | null;
}

export function useReportFolder(teamId: string) {
  const { teamFiles, session } = useServices();
  const channelId = session.channel?.id ?? null;
  return useQuery({
    queryKey: reportFilesQueryKey(teamId, channelId),
    queryFn: async (): Promise<ReportFolder> => {
      const files = teamFiles(teamId);
      const folder = await files.channelFolder(channelId);
      return { folder, lastReportDay: lastBoardReportDay(await files.list(folder), boardReportPrefixes()) };
    },
    retry: false,
    staleTime: 60_000,
  });
}

/** The .docx of a report, made by the builder loaded on demand (the `docx` package stays out of the first screens). */
export async function reportDocx(content: ReportContent): Promise<Uint8Array> {
  const { buildReportDocx } = await import('../../reports/docx');
  return buildReportDocx(content);
}

export function useSaveReport(teamId: string) {
  const { teamFiles, session } = useServices();
  const queryClient = useQueryClient();
  const channelId = session.channel?.id ?? null;
  return useMutation({
    mutationFn: async (content: ReportContent): Promise<{ saved: SavedFile; folder: FilesFolder }> => {
      const files = teamFiles(teamId);
      const known = queryClient.getQueryData<ReportFolder>(reportFilesQueryKey(teamId, channelId));
      const folder = known?.folder ?? (await files.channelFolder(channelId));
      const bytes = await reportDocx(content);
      return { saved: await files.upload(folder, content.fileName, bytes, DOCX_MIME_TYPE), folder };
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportFilesQueryKey(teamId, channelId) }),
  });
}
