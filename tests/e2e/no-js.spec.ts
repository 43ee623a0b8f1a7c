import { expect, test } from './fixtures.ts';
import { EXAMPLE_EN, EXAMPLE_ZH } from './helpers.ts';

test.use({ javaScriptEnabled: false });

for (const path of [EXAMPLE_EN, EXAMPLE_ZH]) {
  test(`the record page is complete and readable with JavaScript off: ${path}`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator('h1')).toBeVisible();
    await expect(page.locator('.entry--work')).toHaveCount(4);
    await expect(page.locator('.entry--dead')).toHaveCount(3);
    await expect(page.locator('h1#signature')).toBeVisible();
    await expect(page.locator('nav.toc summary')).toBeVisible();
    // Buttons that need JavaScript stay hidden rather than doing nothing.
    // The signature's copy button and one per workaround's commands.
    await expect(page.locator('copy-button')).toHaveCount(1 + 4);
    for (const button of await page.locator('copy-button').all()) await expect(button).toBeHidden();
    // Section links work without scripts.
    await page.locator('a.anchor-link[href="#dead-ends"]').click();
    await expect(page).toHaveURL(/#dead-ends$/);
  });
}

test('the language switch works without JavaScript', async ({ page }) => {
  await page.goto(EXAMPLE_EN);
  await page.getByRole('link', { name: /中文/ }).click();
  await expect(page).toHaveURL(new RegExp(`${EXAMPLE_ZH}$`));
});

test('without JavaScript the match page says matching needs it and offers the domain listings instead', async ({ page }) => {
  await page.goto('/match/');
  await expect(page.locator('#match-input')).toBeHidden();
  const note = page.locator('main .notice');
  await expect(note).toBeVisible();
  await expect(note).toContainText('needs JavaScript');
  await expect(note.getByRole('link', { name: 'Browse all domains' })).toHaveAttribute('href', '/#domains');
});

test('without JavaScript the home page offers search and domains, not a paste box that cannot work', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('#home-paste')).toBeHidden();
  await expect(page.locator('main .notice')).toContainText('needs JavaScript');
  await expect(page.locator('#home-search')).toBeVisible();
  await expect(page.locator('.domain-grid a').first()).toBeVisible();
});
