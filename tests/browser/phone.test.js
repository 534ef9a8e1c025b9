// Search from the header on a phone-width page (390 px) other than home: with JavaScript the
// suggestions find an occupation by its lay title and announce their count; without JavaScript
// the header form and its submit button do the same through the results page.
const { test } = require("node:test");
const assert = require("node:assert/strict");
const { useSite } = require("./harness");

const PHONE = { width: 390, height: 844 };
const site = useSite();

test("at 390 px the header search is visible and has a name and a submit button", async () => {
  const context = await site.browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await page.goto(`${site.base}/methodology`);
  assert.ok(await page.isVisible("#site-q"), "header search box visible");
  assert.ok(await page.isVisible(".header-search button[type=submit]"), "submit button visible");
  const box = await page.locator("#site-q").boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, `the box fits the screen: ${JSON.stringify(box)}`);
  assert.ok(box.width >= 200, `the box is wide enough to type in: ${box.width}px`);
  assert.equal(await page.getAttribute(".header-search", "aria-label"), "Search jobs");
  assert.equal(await page.textContent("label[for=site-q]"), "Search for your job by any title");
  await context.close();
});

test("at 390 px typing a lay title in the header on /roles reaches the occupation, and the count is announced", async () => {
  const context = await site.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${site.base}/roles`);
  await page.fill("#site-q", "trucker");
  await page.waitForSelector("#site-q[aria-expanded=true]", { timeout: 5000 });
  assert.equal(await page.textContent(".header-search .suggest li:first-child .suggest__title"), "Heavy and Tractor-Trailer Truck Drivers");
  assert.equal(await page.textContent(".header-search .suggest li:first-child .suggest__matched"), "also called Trucker");
  const shown = await page.locator(".header-search .suggest li").count();
  const status = page.locator(".header-search [role=status]");
  assert.equal(await status.getAttribute("aria-live"), "polite");
  assert.equal(await status.textContent(), `${shown} suggestions`);
  await page.keyboard.press("ArrowDown");
  await Promise.all([page.waitForURL(`${site.base}/occupations/53-3032.00`), page.keyboard.press("Enter")]);
  assert.match(await page.textContent("h1"), /Heavy and Tractor-Trailer Truck Drivers/);
  await context.close();
});

test("at 390 px without JavaScript the header form on /methodology finds a lay title", async () => {
  const context = await site.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${site.base}/methodology`);
  await page.fill("#site-q", "bookkeeper");
  await Promise.all([page.waitForURL(/\/search\?q=bookkeeper/), page.click(".header-search button[type=submit]")]);
  assert.equal(await page.textContent(".result__title"), "Bookkeeping, Accounting, and Auditing Clerks");
  assert.equal(await page.textContent(".result__matched"), "also called Bookkeeper");
  await Promise.all([page.waitForURL(`${site.base}/occupations/43-3031.00`), page.click(".result__title")]);
  assert.match(await page.textContent("h1"), /Bookkeeping, Accounting, and Auditing Clerks/);
  await context.close();
});
