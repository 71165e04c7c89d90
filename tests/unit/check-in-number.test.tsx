// @vitest-environment jsdom
/**
 * The check-in's value is typed as the user's language writes numbers (lib/locale-number.ts):
 * '2,5' or '2.5' and '1 250' in Norwegian, '1,250.5' in English; what is not a number gets the
 * message and is not sent.
 */
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { NewCheckIn } from '../../src/domain/ports';
import { CheckInForm } from '../../src/features/my-goals/check-in-form';
import type { Language } from '../../src/i18n';
import type { Services } from '../../src/lib/services';
import { makeGoal } from '../support/factories';
import { renderWithServices, stubResizeObserver } from '../support/render';

const goal = makeGoal('7', { text: 'Verve nye medlemmer', kind: 'measured', measure: { unit: 'medlemmer', baseline: 0, target: 40, current: 3 } });

function setup(language: Language) {
  const addCheckIn = vi.fn(async (checkIn: NewCheckIn) => ({ ...checkIn, id: 'c1', author: null }));
  const services = {
    session: { today: () => '2026-05-04', user: { userPrincipalName: `kari-${language}-${Math.random()}@example.org` } },
    planRepository: () => ({ addCheckIn }),
  } as unknown as Services;
  renderWithServices(<CheckInForm teamId="t" goal={goal} describedBy="goal-7" />, services, { language });
  return { addCheckIn };
}

beforeAll(stubResizeObserver);

afterEach(() => cleanup());

describe('CheckInForm: numbers as the language writes them', () => {
  it.each<[Language, string, number]>([
    ['nb', '2,5', 2.5],
    ['nb', '2.5', 2.5],
    ['nn', '1 250', 1250],
    ['en', '1,250.5', 1250.5],
  ])('in %s sends %j as %d', async (language, typed, value) => {
    const { addCheckIn } = setup(language);
    await userEvent.type(screen.getByRole('textbox', { name: /medlemmer/ }), typed);
    await userEvent.click(screen.getByRole('button', { name: language === 'en' ? 'Check in' : 'Rapporter' }));
    await waitFor(() => expect(addCheckIn).toHaveBeenCalledTimes(1));
    expect(addCheckIn.mock.calls[0]?.[0]).toMatchObject({ goalId: '7', value });
  });

  it('refuses what is not a number with the message, and sends nothing', async () => {
    const { addCheckIn } = setup('nb');
    await userEvent.type(screen.getByRole('textbox', { name: /medlemmer/ }), '2,5,1');
    await userEvent.click(screen.getByRole('button', { name: 'Rapporter' }));
    expect(await screen.findByText('Skriv inn et tall, f.eks. 12 eller 12,5.')).toBeTruthy();
    expect(addCheckIn).not.toHaveBeenCalled();
  });
});
