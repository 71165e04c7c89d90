import { describe, expect, it } from 'vitest';
import { plannerTexts } from '../../src/i18n/planner-texts';
import { makeGoal } from '../support/factories';

describe('what the app writes into Planner', () => {
  it('is in the plan’s language, with years written as years', () => {
    const nb = plannerTexts({ language: 'nb', periodFrom: 2026, periodTo: 2027 });
    const nn = plannerTexts({ language: 'nn', periodFrom: 2026, periodTo: 2027 });
    expect(nb.planTitle).toBe('Handlingsplan 2026–2027');
    expect(nb.occurrenceTitle(2, 4)).toBe('Gang 2 av 4');
    expect(nn.occurrenceTitle(2, 4)).toBe('Gong 2 av 4');
    expect(nn.checkInComment({ kind: 'checked', taskTitle: 'Medlemsmøte', itemTitle: 'Gong 1 av 4' })).toBe('Kryssa av i Planner: Gong 1 av 4 (Medlemsmøte)');
    expect(nb.checkInComment({ kind: 'completed', taskTitle: 'Verve 125' })).toBe('Oppgaven er fullført i Planner: Verve 125');
    expect(nb.checkInComment({ kind: 'progress', taskTitle: 'Verve 125', percent: 50 })).toBe('Oppgaven er påbegynt i Planner (50 %): Verve 125');
  });

  it('states a measure’s target in the description, and nothing for a goal without one', () => {
    const nb = plannerTexts({ language: 'nb', periodFrom: 2026, periodTo: 2027 });
    expect(nb.measureLine?.(makeGoal('1', { measure: { unit: 'medlemmer', baseline: null, target: 1250, current: null } }))).toBe(`Mål: 1\u00a0250 medlemmer`);
    expect(nb.measureLine?.(makeGoal('1', { measure: { unit: '', baseline: null, target: 4, current: null } }))).toBe('Mål: 4');
    expect(nb.measureLine?.(makeGoal('1'))).toBeNull();
  });
});
