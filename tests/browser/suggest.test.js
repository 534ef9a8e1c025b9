// Search suggestions in a real browser (Debian's Chromium driven by playwright-core), and the
// same search with JavaScript off. Starts the jobzone binary itself on a free port.
const { test } = require("node:test");
const assert = require("node:assert/strict");
const { useSite } = require("./harness");

const site = useSite();

test("typing shows suggestions from the JSON API, and the keyboard chooses one", async () => {
  const page = await site.browser.newPage();
  await page.goto(`${site.base}/`);
  await page.fill("#home-q", "backnd eng");
  await page.waitForSelector("#home-q[aria-expanded=true]", { timeout: 5000 });
  const first = await page.textContent(".suggest li:first-child .suggest__title");
  assert.equal(first, "Backend/API Developer (Mid-Level)");
  await page.keyboard.press("ArrowDown");
  const active = await page.getAttribute("#home-q", "aria-activedescendant");
  assert.equal(await page.getAttribute(`#${active}`, "aria-selected"), "true");
  await Promise.all([page.waitForURL(`${site.base}/roles/backend-api-developer-mid-level`), page.keyboard.press("Enter")]);
  await page.keyboard.press("Escape");
  await page.close();
});

test("Escape closes the suggestions", async () => {
  const page = await site.browser.newPage();
  await page.goto(`${site.base}/search`);
  await page.fill("#page-q", "nurse");
  await page.waitForSelector("#page-q[aria-expanded=true]");
  await page.keyboard.press("Escape");
  assert.equal(await page.getAttribute("#page-q", "aria-expanded"), "false");
  await page.close();
});

test("without JavaScript the form still searches", async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${site.base}/`);
  await page.fill("#home-q", "nurse practioner");
  await Promise.all([page.waitForURL(/\/search\?q=/), page.press("#home-q", "Enter")]);
  assert.equal(await page.textContent(".result__title"), "Nurse Practitioners");
  assert.equal(await page.getAttribute("#page-q", "role"), null, "no combobox without the script");
  await context.close();
});
