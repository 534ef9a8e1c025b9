// Accessibility: axe-core finds no serious or critical WCAG A/AA violations on the main pages,
// in the light and the dark colour scheme.
const { test } = require("node:test");
const assert = require("node:assert/strict");
const { useSite } = require("./harness");

const site = useSite();

const PAGES = [
  "/",
  "/roles/backend-api-developer-mid-level",
  "/roles?zone=green",
  "/occupations/29-1141.00",
  "/occupations/11-9199.00",
  "/occupations/29-1141.00/personal",
  "/compare/29-1141.00/15-1252.00",
  "/search?q=nurse",
  "/compare/backend-api-developer-mid-level/senior-software-engineer",
  "/roles/backend-api-developer-mid-level/personal?share0=90",
  "/methodology",
  "/about",
  "/accessibility",
  "/data",
  "/privacy",
  "/no-such-page",
];
const SCHEMES = ["light", "dark"];

for (const colorScheme of SCHEMES) for (const path of PAGES) {
  test(`${path} has no serious accessibility violations in the ${colorScheme} scheme`, async () => {
    // The site's CSP rightly refuses injected scripts; only this test context lifts it for axe.
    const context = await site.browser.newContext({ bypassCSP: true, colorScheme });
    const page = await context.newPage();
    await page.goto(`${site.base}${path}`);
    await page.addScriptTag({ path: require.resolve("axe-core") });
    const result = await page.evaluate(() => window.axe.run(document, { runOnly: ["wcag2a", "wcag2aa"] }));
    const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    const report = serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
    await context.close();
    assert.deepEqual(report, [], report.join("\n"));
  });
}
