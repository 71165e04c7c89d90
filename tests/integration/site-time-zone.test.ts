/**
 * Dates are the same calendar day in Microsoft Lists as in the tab whatever the site's time zone:
 * the emulator keeps date-only columns as SharePoint does (the site's local midnight, returned in
 * UTC), and the app writes and reads them through its own repository. Sites from UTC−11 to UTC+11
 * are covered (mappers.ts, dateOnlyValue); a site set to UTC+12 or beyond (New Zealand, Fiji, Tonga)
 * would see check-ins a day late, since Graph v1.0 does not tell an app a site's time zone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/server';
import { ADOPTED, seedTeamPlan } from '../../emulator/seed/demo-plans';
import { emulator, repoAs, team } from './support';

const alver = team('alver');
const steward = alver.members[0] as string;

describe.each(['Europe/Oslo', 'Pacific/Honolulu', 'Australia/Sydney', 'America/Los_Angeles'])('a site in %s', (zone) => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await emulator({ siteTimeZone: zone });
    await seedTeamPlan(emu, alver, '2026-11-23');
  });
  afterAll(async () => {
    await emu.close();
  });

  it('keeps the calendar day of a check-in and of the adoption date', async () => {
    const { repo, graph } = repoAs(emu, steward, alver.id);
    const snapshot = await repo.load();
    const goal = snapshot?.goals[0];
    if (!snapshot || !goal) throw new Error('no plan');
    const days = ['2026-03-01', '2026-06-30', '2026-12-31', '2028-02-29'];
    const saved = [];
    for (const [i, date] of days.entries()) {
      saved.push(await repo.addCheckIn({ planId: snapshot.plan.id, goalId: goal.id, date, value: i, comment: `tz ${zone} ${date}`, clientId: `tz-${zone}-${date}` }));
    }
    expect(saved.map((c) => c.date)).toEqual(days);
    const read = (await repo.checkInsOf(goal.id)).filter((c) => c.comment?.startsWith(`tz ${zone}`)).map((c) => c.date);
    expect(read.sort()).toEqual(days);

    // Lists shows the day too: the stored instant is that day's local midnight in the site's zone.
    const lists = await graph.get<{ value: Array<{ id: string; description?: string }> }>(`/groups/${alver.id}/sites/root/lists?$select=id,description`);
    const checkInList = lists.value.find((l) => l.description?.includes('[handlingsplan:checkIns:'));
    expect(checkInList).toBeDefined();
    const raw = await graph.get<{ fields: { CheckInDate: string } }>(`/groups/${alver.id}/sites/root/lists/${checkInList?.id}/items/${saved[1]?.id}?$expand=fields`);
    const local = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(raw.fields.CheckInDate));
    const part = (type: string) => local.find((p) => p.type === type)?.value;
    expect(`${part('year')}-${part('month')}-${part('day')} ${part('hour')}`).toBe('2026-06-30 00');

    // The adoption date written by the seed (through the same repository) reads back as that day.
    expect(snapshot.plan.adoptedDate).toBe(ADOPTED.alver);
  });
});
