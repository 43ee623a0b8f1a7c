import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests run against the built site (`dist/`), served as a static host would (scripts/serve.ts over src/node/static-server.ts).
 * Browsers are not downloaded: Debian's Chromium is used (`CHROMIUM_PATH` overrides the path).
 */
const port = Number(process.env.E2E_PORT ?? 4399);
const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        ...(runningAsRoot ? ['--no-sandbox'] : []),
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // The Node running Playwright (the project's pinned one under npm scripts) also runs the server.
    command: `"${process.execPath}" scripts/serve.ts --dir dist --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
