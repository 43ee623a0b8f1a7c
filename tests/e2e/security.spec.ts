/**
 * The Content-Security-Policy as the browser gets it: a real header (from the build's `_headers`)
 * that agrees with each page's `<meta>`, and a policy with teeth. (Every other test fails on any
 * violation: see fixtures.ts.)
 */
import { readFileSync } from 'node:fs';
import { parseHeadersFile } from '../../src/lib/security/headers.ts';
import { expect, test } from './fixtures.ts';
import { EXAMPLE_EN } from './helpers.ts';

const sources = (policy: string, directive: string) =>
  policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([name]) => name === directive)
    ?.slice(1) ?? [];

for (const path of ['/', EXAMPLE_EN, '/zh/search/', '/match/', '/no-such-page/']) {
  test(`${path} is served with the policy as a header, covering every script its <meta> allows`, async ({ page }) => {
    const response = await page.goto(path);
    const header = response!.headers()['content-security-policy'] ?? '';
    expect(sources(header, 'frame-ancestors')).toEqual(["'none'"]);
    expect(sources(header, 'default-src')).toEqual(["'none'"]);
    expect(sources(header, 'script-src')).not.toContain("'unsafe-inline'");
    expect(sources(header, 'script-src')).not.toContain("'unsafe-eval'");
    expect(response!.headers()['x-content-type-options']).toBe('nosniff');
    const meta = (await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')) ?? '';
    for (const directive of ['script-src', 'style-src']) {
      expect(sources(meta, directive).length).toBeGreaterThan(0);
      for (const source of sources(meta, directive)) expect(sources(header, directive)).toContain(source);
    }
  });
}

test('the header is the one the build wrote, and the headers file itself is not served', async ({ page, request }) => {
  const [rule] = parseHeadersFile(readFileSync('dist/_headers', 'utf8'));
  const expected = rule!.headers.find(([name]) => name === 'Content-Security-Policy')![1];
  const response = await page.goto(EXAMPLE_EN);
  expect(response!.headers()['content-security-policy']).toBe(expected);
  expect((await request.get('/_headers')).status()).toBe(404);
});

test.describe('a script the site did not ship', () => {
  test.use({ cspViolationsExpected: true });

  test('injected inline script and inline handlers do not run', async ({ page }) => {
    await page.goto(EXAMPLE_EN);
    const ran = await page.evaluate(async () => {
      (window as unknown as { injected?: boolean }).injected = false;
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
      const image = document.createElement('img');
      image.setAttribute('onerror', 'window.injected = true');
      image.src = 'data:,x';
      document.body.append(image);
      await new Promise((done) => setTimeout(done, 200));
      return (window as unknown as { injected?: boolean }).injected;
    });
    expect(ran).toBe(false);
    await expect.poll(() => page.evaluate(() => window.__cspViolations?.length ?? 0)).toBeGreaterThanOrEqual(2);
  });
});
