// Search as people type at phone width (390 px): a level word with a title, and a plain
// description of the work. With JavaScript the suggestions say what the level means and why a
// result matched; without it the header form reaches the same results page, which says so too.
const { test } = require("node:test");
const assert = require("node:assert/strict");
const { useSite } = require("./harness");

const PHONE = { width: 390, height: 844 };
const site = useSite();

test("at 390 px a level word in the header suggestions carries the level to the occupation", async () => {
  const context = await site.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${site.base}/roles`);
  await page.fill("#site-q", "senior accountant");
  await page.waitForSelector("#site-q[aria-expanded=true]", { timeout: 5000 });
  const first = ".header-search .suggest li:first-child";
  assert.equal(await page.textContent(`${first} .suggest__title`), "Accountants and Auditors");
  assert.equal(
    await page.textContent(`${first} .suggest__level`),
    "No senior-specific assessment: this estimate covers all levels.",
  );
  const list = await page.locator(".header-search .suggest").boundingBox();
  assert.ok(list.x >= 0 && list.x + list.width <= PHONE.width, `suggestions fit the screen: ${JSON.stringify(list)}`);
  await context.close();
});

test("at 390 px without JavaScript the header form finds work described in plain words, and says why", async () => {
  const context = await site.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${site.base}/methodology`);
  await page.fill("#site-q", "I fix cars");
  await Promise.all([page.waitForURL(/\/search\?q=I\+fix\+cars/), page.click(".header-search button[type=submit]")]);
  assert.equal(await page.textContent(".result__title"), "Automotive Service Technicians and Mechanics");
  assert.match(await page.textContent(".result__why"), /^your words match the (task|work activity|description)/);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `no sideways scrolling: ${width}px`);
  await context.close();
});
