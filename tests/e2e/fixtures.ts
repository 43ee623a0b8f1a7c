/**
 * Playwright's `test` with one automatic check: no page may break the Content-Security-Policy. The
 * site is served with the policy as a real header (from the build's `_headers`) on top of each page's
 * `<meta>`; every `securitypolicyviolation` event, in the page or reported to its console (worker
 * loads included), fails the test that caused it.
 */
import { expect, test as base } from '@playwright/test';

export { expect };
export type { Page } from '@playwright/test';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

export const test = base.extend<{ cspViolations: string[]; cspViolationsExpected: boolean }>({
  /** Set by the one test that breaks the policy on purpose, to check the browser blocks it. */
  cspViolationsExpected: [false, { option: true }],
  cspViolations: [
    async ({ page, cspViolationsExpected }, use) => {
      const violations: string[] = [];
      await page.addInitScript(() => {
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (event) => {
          window.__cspViolations!.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
        });
      });
      page.on('console', (message) => {
        if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
      });
      await use(violations);
      if (cspViolationsExpected) return;
      const fromPage = await page.evaluate(() => window.__cspViolations ?? []).catch(() => [] as string[]);
      expect([...violations, ...fromPage], 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});
