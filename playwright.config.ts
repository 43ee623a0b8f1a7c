import { defineConfig, devices } from '@playwright/test';
import { SUBPATH_BASE, SUBPATH_OUT_DIR } from './scripts/build/subpath-site.ts';

/**
 * End-to-end tests run against the built site (`dist/`), served as a static host would (scripts/serve.ts over src/node/static-server.ts).
 * The `subpath` project runs `tests/e2e/subpath.spec.ts` against the site built for `/errors/`
 * (`npm run build:subpath`, into `dist-subpath/`), served under that path.
 * Browsers are not downloaded: Debian's Chromium is used (`CHROMIUM_PATH` overrides the path).
 */
const port = Number(process.env.E2E_PORT ?? 4399);
const subpathPort = port - 1;
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
  projects: [
    { name: 'chromium', testIgnore: 'subpath.spec.ts', use: { ...devices['Desktop Chrome'] } },
    { name: 'subpath', testMatch: 'subpath.spec.ts', use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${subpathPort}${SUBPATH_BASE}` } },
  ],
  // The Node running Playwright (the project's pinned one under npm scripts) also runs the servers.
  webServer: [
    {
      command: `"${process.execPath}" scripts/serve.ts --dir dist --port ${port}`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `"${process.execPath}" scripts/serve.ts --dir ${SUBPATH_OUT_DIR} --port ${subpathPort} --base ${SUBPATH_BASE}`,
      url: `http://127.0.0.1:${subpathPort}${SUBPATH_BASE}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
