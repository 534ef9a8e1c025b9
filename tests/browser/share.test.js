// Sharing in a real browser under the site's own CSP: the JSON-LD block raises no CSP
// violation and parses, the embed badge and the touch icon load, and the dark scheme applies.
const { test } = require("node:test");
const assert = require("node:assert/strict");
const { useSite } = require("./harness");

const site = useSite();

const ROLE = "/roles/backend-api-developer-mid-level";

test("a role page's JSON-LD and badge work under the CSP without any violation", async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${site.base}${ROLE}`);
  await page.waitForLoadState("load");
  const result = await page.evaluate(() => ({
    csp: window.__csp,
    ld: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent)),
    badge: document.querySelector(".embed__preview img").naturalWidth,
    snippet: document.querySelector("#embed-code").value,
  }));
  await context.close();
  assert.deepEqual(result.csp, []);
  assert.equal(result.ld.length, 1);
  assert.equal(result.ld[0]["@graph"][0]["@type"], "Occupation");
  assert.ok(result.badge > 50, `badge width ${result.badge}`);
  assert.match(result.snippet, /^<a href="http[^"]+\/roles\/backend-api-developer-mid-level"><img src="[^"]+\/badge\/roles\/backend-api-developer-mid-level\.svg"/);
});

test("the dark scheme darkens the page and keeps text light", async () => {
  const colours = {};
  for (const colorScheme of ["light", "dark"]) {
    const context = await site.browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto(`${site.base}/about`);
    colours[colorScheme] = await page.evaluate(() => {
      const style = getComputedStyle(document.body);
      return { background: style.backgroundColor, text: style.color };
    });
    await context.close();
  }
  assert.notDeepEqual(colours.light, colours.dark);
  const lightness = (rgb) => rgb.match(/\d+/g).slice(0, 3).map(Number).reduce((a, b) => a + b, 0);
  assert.ok(lightness(colours.dark.background) < lightness(colours.dark.text), JSON.stringify(colours.dark));
});
