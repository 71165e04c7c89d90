/**
 * Rendering a component as the tab does, for the jsdom unit tests: Fluent's light theme, a
 * QueryClient that does not retry, the given services and a language.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nProvider, type Language } from '../../src/i18n';
import { createI18n } from '../../src/i18n/catalogue';
import { ServicesProvider, type Services } from '../../src/lib/services';

export interface RenderWithServicesOptions {
  /** The user's language; Norwegian Bokmål unless given. */
  language?: Language;
  /** A client to share between renders or to act on; a new one that does not retry unless given. */
  queryClient?: QueryClient;
}

/** A QueryClient whose queries fail at once, so that a test sees an error without waiting for retries. */
export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false } } });
}

/** Renders `ui` inside the providers the tab gives it; returns Testing Library's result and the QueryClient. */
export function renderWithServices(ui: ReactElement, services: Services, options: RenderWithServicesOptions = {}): RenderResult & { queryClient: QueryClient } {
  const { language = 'nb', queryClient = testQueryClient() } = options;
  const result = render(
    <FluentProvider theme={webLightTheme}>
      <QueryClientProvider client={queryClient}>
        <ServicesProvider services={services}>
          <I18nProvider i18n={createI18n(language)}>{ui}</I18nProvider>
        </ServicesProvider>
      </QueryClientProvider>
    </FluentProvider>,
  );
  return { ...result, queryClient };
}

/** jsdom has no ResizeObserver, and Fluent's MessageBar and positioning observe sizes: a do-nothing one, for a beforeAll. */
export function stubResizeObserver(): void {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}
