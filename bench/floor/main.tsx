/**
 * The floor of `npm run bench`: the least a Teams tab on this stack can do to show a list of goals.
 * React 19, the Fluent UI v9 provider with one theme and a few components, teams-js (initialise and
 * read the context, as every tab must), and one JSON fetch of the goals. The app's cold and warm
 * opens and its first-screen bytes are compared with this page, built and served the same way.
 * Nothing here is part of the app.
 */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { app } from '@microsoft/teams-js';
import { Body1, Caption1, FluentProvider, Spinner, Title3, webLightTheme } from '@fluentui/react-components';

declare const __FLOOR_HOST_ORIGIN__: string;

interface FloorGoal {
  readonly id: string;
  readonly text: string;
  readonly area: string;
}

function Goals({ goals }: { goals: readonly FloorGoal[] }) {
  return (
    <ul>
      {goals.map((g) => (
        <li key={g.id} data-goal-id={g.id}>
          <Body1>{g.text}</Body1> <Caption1>{g.area}</Caption1>
        </li>
      ))}
    </ul>
  );
}

function Floor({ team }: { team: string }) {
  const [goals, setGoals] = useState<readonly FloorGoal[] | null>(null);
  useEffect(() => {
    void fetch(new URL('goals.json', document.baseURI))
      .then((r) => r.json() as Promise<FloorGoal[]>)
      .then(setGoals);
  }, []);
  return (
    <main>
      <Title3 as="h1">{team}</Title3>
      {goals ? <Goals goals={goals} /> : <Spinner label="…" />}
    </main>
  );
}

async function main(): Promise<void> {
  await app.initialize([__FLOOR_HOST_ORIGIN__]);
  const context = await app.getContext();
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>
        <Floor team={context.team?.displayName ?? ''} />
      </FluentProvider>
    </StrictMode>,
  );
}

void main();
