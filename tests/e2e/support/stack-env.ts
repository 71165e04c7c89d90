/** Ports and URLs of the e2e stack (distinct from `npm start`'s 4010/5173/5174 so both can run). */
export const E2E_PORTS = { emulator: 4110, app: 5273, host: 5274 } as const;

export const E2E_HOST_URL = `https://localhost:${E2E_PORTS.host}/`;
export const E2E_APP_URL = `https://localhost:${E2E_PORTS.app}/`;
export const E2E_EMULATOR_URL = `https://localhost:${E2E_PORTS.emulator}`;

/** Env vars global-setup sets for the test workers. */
export const E2E_ENV = {
  hostUrl: 'E2E_HOST_URL',
  appUrl: 'E2E_APP_URL',
  emulatorUrl: 'E2E_EMULATOR_URL',
} as const;
