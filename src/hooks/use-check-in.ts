/**
 * Check-ins: sent at once when online, otherwise kept in the offline queue (lib/offline-queue)
 * and sent when the connection returns. Either way the team's plan query learns of the stored
 * check-in at once, so progress changes everywhere.
 */
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { CheckIn, PlanSnapshot } from '../domain/plan';
import type { NewCheckIn } from '../domain/ports';
import { browserLock, indexedDbQueueStore, memoryQueueStore, OfflineQueue, type QueueSnapshot, type QueueStore, type SubmitOutcome } from '../lib/offline-queue';
import { useServices, type Services } from '../lib/services';
import { planQueryKey } from './use-plan';

/** What the queue keeps for one check-in. */
export interface QueuedCheckIn {
  readonly teamId: string;
  /** The goal's text when it was made, to name it in the queue's list. */
  readonly goalText: string;
  readonly checkIn: NewCheckIn;
}

export type CheckInQueue = OfflineQueue<QueuedCheckIn, CheckIn>;

/** Adds a stored check-in to a cached plan, unless it is there already (same id or clientId). */
export function withCheckIn(snapshot: PlanSnapshot | null | undefined, checkIn: CheckIn): PlanSnapshot | null | undefined {
  if (!snapshot) return snapshot;
  const known = snapshot.checkIns.some((c) => c.id === checkIn.id || (checkIn.clientId !== undefined && c.clientId === checkIn.clientId));
  return known ? snapshot : { ...snapshot, checkIns: [...snapshot.checkIns, checkIn] };
}

function applyStoredCheckIn(queryClient: QueryClient, teamId: string, checkIn: CheckIn): void {
  queryClient.setQueryData<PlanSnapshot | null>(planQueryKey(teamId), (old) => withCheckIn(old, checkIn));
  void queryClient.invalidateQueries({ queryKey: planQueryKey(teamId) });
}

function browserStore(): QueueStore<QueuedCheckIn> {
  return typeof indexedDB !== 'undefined' ? indexedDbQueueStore<QueuedCheckIn>('handlingsplan-offline', 'check-ins') : memoryQueueStore<QueuedCheckIn>();
}

const queues = new WeakMap<Services, WeakMap<QueryClient, CheckInQueue>>();

/** One queue per signed-in session and query cache. */
function checkInQueueFor(services: Services, queryClient: QueryClient): CheckInQueue {
  let byClient = queues.get(services);
  if (!byClient) {
    byClient = new WeakMap();
    queues.set(services, byClient);
  }
  let queue = byClient.get(queryClient);
  if (!queue) {
    queue = new OfflineQueue<QueuedCheckIn, CheckIn>({
      store: browserStore(),
      scope: services.session.user.userPrincipalName.toLowerCase(),
      send: ({ teamId, checkIn }) => services.planRepository(teamId).addCheckIn(checkIn),
      isOnline: () => typeof navigator === 'undefined' || navigator.onLine,
      withLock: browserLock('handlingsplan-check-in-queue'),
      onSent: (item, stored) => applyStoredCheckIn(queryClient, item.payload.teamId, stored),
    });
    byClient.set(queryClient, queue);
  }
  return queue;
}

/** The check-in queue and its current state. */
export function useCheckInQueue(): { queue: CheckInQueue; state: QueueSnapshot<QueuedCheckIn> } {
  const services = useServices();
  const queryClient = useQueryClient();
  const queue = checkInQueueFor(services, queryClient);
  const state = useSyncExternalStore(queue.subscribe, queue.getSnapshot, queue.getSnapshot);
  return { queue, state };
}

/** Sends queued check-ins at startup and whenever the browser comes back online (mounted once, in the app). */
export function useCheckInQueueSync(): void {
  const services = useServices();
  const queryClient = useQueryClient();
  useEffect(() => checkInQueueFor(services, queryClient).watchConnection(window), [services, queryClient]);
}

export interface CheckInInput {
  readonly teamId: string;
  readonly goalText: string;
  readonly checkIn: NewCheckIn;
}

/**
 * Submits a check-in: `{ kind: 'sent' }` when stored, `{ kind: 'queued' }` when kept for later;
 * a refusal (4xx) is the mutation's error. The caller chooses `checkIn.clientId` once per check-in
 * and keeps it for retries, so a retried or replayed check-in is stored once.
 */
export function useCheckIn() {
  const queryClient = useQueryClient();
  const { queue } = useCheckInQueue();
  const submit = useCallback(
    ({ teamId, goalText, checkIn }: CheckInInput): Promise<SubmitOutcome<CheckIn>> => queue.submit(checkIn.clientId, { teamId, goalText, checkIn }),
    [queue],
  );
  return useMutation({
    mutationFn: submit,
    // The queue decides what to do offline; TanStack Query must not hold the mutation back.
    networkMode: 'always',
    onSuccess: (outcome, input) => {
      if (outcome.kind === 'sent') applyStoredCheckIn(queryClient, input.teamId, outcome.result);
    },
  });
}
