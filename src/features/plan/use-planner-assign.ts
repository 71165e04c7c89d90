/**
 * The Plan screen's use of the Planner port (issue 11): the port for this team and role, the
 * preview of a selection, and the run that creates the tasks (and owners) for it.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { LocalGoal, PersonRef, PlanSnapshot } from '../../domain/plan';
import type { CreateTasksReport, PlannerPort } from '../../domain/planner-port';
import type { TeamMember, TeamRole } from '../../domain/ports';
import { planQueryKey } from '../../hooks/use-plan';
import { teamMembersQuery } from '../../hooks/use-team-role';
import { useServices } from '../../lib/services';
import { assignCalls, mergeReports, type OwnerScope } from './planner-assign';

const NO_MEMBERS: readonly TeamMember[] = [];

/** The team's members (shared with the team role and the goal editor's owner picker). */
export function useTeamMembers(teamId: string) {
  const { directory } = useServices();
  return useQuery(teamMembersQuery(directory, teamId));
}

/** The team's Planner port for the signed-in user's role; the members give names to the people Planner names. */
export function usePlannerPort(teamId: string, role: TeamRole): PlannerPort {
  const { planner } = useServices();
  const members = useTeamMembers(teamId).data ?? NO_MEMBERS;
  return useMemo(() => planner(teamId, { role, members }), [planner, teamId, role, members]);
}

export const plannerPreviewKey = (teamId: string, goalIds: readonly string[]) => ['planner-preview', teamId, [...goalIds].sort().join(',')] as const;

/**
 * What creating tasks for these goals would do. Asked without owners: the picked owners are put
 * on the rows by the dialog (`withPickedOwners`), so picking people does not read Planner again.
 */
export function useAssignPreview(teamId: string, port: PlannerPort, snapshot: PlanSnapshot, goalIds: readonly string[], enabled: boolean) {
  return useQuery({
    queryKey: plannerPreviewKey(teamId, goalIds),
    queryFn: () => port.preview(snapshot, goalIds, null),
    enabled: enabled && goalIds.length > 0,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
}

export interface AssignRun {
  readonly goals: readonly LocalGoal[];
  readonly owners: readonly PersonRef[];
  readonly scope: OwnerScope;
  /** Create a new basic plan in place of one that can no longer be reached. */
  readonly newPlan?: boolean;
}

/**
 * Creates the tasks for a selection. Owners for only the goals without one take two calls
 * (`assignCalls`); the second starts from the plan as stored after the first, so that it sees
 * the Planner plan and buckets the first created. The plan is reloaded afterwards, whatever
 * happened (a failed run may have written part), so the goals show their tasks and owners.
 */
export function useCreatePlannerTasks(teamId: string, port: PlannerPort) {
  const { planRepository } = useServices();
  const queryClient = useQueryClient();
  return useCallback(
    async (snapshot: PlanSnapshot, run: AssignRun): Promise<CreateTasksReport> => {
      const reports: CreateTasksReport[] = [];
      try {
        let current = snapshot;
        for (const [i, call] of assignCalls(run.goals, run.owners, run.scope).entries()) {
          if (i > 0) current = (await planRepository(teamId).load()) ?? current;
          reports.push(await port.createTasks(current, call.goalIds, call.owners, i === 0 && run.newPlan ? { newPlan: true } : undefined));
        }
        return mergeReports(reports);
      } finally {
        await queryClient.invalidateQueries({ queryKey: planQueryKey(teamId) });
      }
    },
    [planRepository, port, queryClient, teamId],
  );
}
