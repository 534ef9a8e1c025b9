// Every page type at 390 px: no sideways scrolling; next steps within two screens; no score or points figure outside the screen
// unless its scroller shows a visible scroll hint; chart text at least 12 CSS px as rendered, the "AI use over time"
// chart among them.
// Occupations are picked by zone from the API, so the test does not pin scores that move.
const { test } = require("node:test");
const assert = require("node:assert/strict");
const { useSite } = require("./harness");

const PHONE = { width: 390, height: 844 };
const site = useSite({ ready: pickOccupations });
const pages = [
  "/",
  "/roles/backend-api-developer-mid-level",
  "/occupations/11-9199.00",
  "/roles",
  "/search?q=nurse",
  "/compare/backend-api-developer-mid-level/senior-software-engineer",
  "/compare/29-1141.00/15-1252.00",
  "/roles/backend-api-developer-mid-level/personal",
  "/occupations/29-1141.00/personal",
  "/methodology",
  "/data",
];

async function pickOccupations() {
  // One scored occupation of each zone, as the catalogue has them today.
  const list = await (await fetch(`${site.base}/api/v1/occupations`)).json();
  const occupations = Array.isArray(list) ? list : list.occupations;
  for (const zone of ["red", "yellow", "green"]) {
    const o = occupations.find((x) => x.zone === zone);
    assert.ok(o, `an occupation in the ${zone} zone`);
    pages.push(new URL(o.url, site.base).pathname);
  }
}

// Runs in the page: every problem found, as text.
function problems() {
  const out = [];
  const width = document.documentElement.clientWidth;
  const overflow = document.documentElement.scrollWidth - width;
  if (overflow > 0) {
    const wide = [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > width + 1 && !e.closest("[data-scroll], .table-scroll"))
      .slice(0, 3)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")}`);
    out.push(`the page scrolls sideways by ${overflow}px (${wide.join(", ")})`);
  }
  const figures = document.querySelectorAll(
    ".num, .points, [data-score], .role-list__score, .move__score, .result__score, .scorecard__number, td.col-score"
  );
  for (const f of figures) {
    const r = f.getBoundingClientRect();
    if (r.width === 0 || (r.left >= -1 && r.right <= width + 1)) continue;
    const scroller = f.closest(".table-scroll");
    const hint = scroller && scroller.parentElement.querySelector("[data-scroll-hint]");
    const visible = hint && hint.getBoundingClientRect().width > 0 && getComputedStyle(hint).visibility !== "hidden";
    if (!visible) out.push(`"${f.textContent.trim()}" (${f.className}) is off-screen at x=${Math.round(r.left)} with no scroll hint`);
  }
  // Assessment pages: the answer and the start of "What to do next" within two phone screens.
  const next = document.querySelector("#next");
  if (next && next.getBoundingClientRect().top + scrollY > 2 * innerHeight) {
    out.push(`"What to do next" starts at ${Math.round(next.getBoundingClientRect().top + scrollY)}px, past two screens`);
  }
  // Assessment pages and /methodology: "AI use over time" is there, so its chart is measured below.
  const assessment = document.querySelector("#composite");
  const usage = document.querySelector("#usage");
  if ((assessment || location.pathname === "/methodology") && !usage) out.push(`no "AI use over time" section`);
  if (usage && !document.querySelector("#usage svg, #usage ~ figure svg") && !/not in the Anthropic Economic Index/.test(usage.textContent)) {
    out.push(`"AI use over time" has neither its chart nor the sentence saying why not`);
  }
  for (const t of document.querySelectorAll("svg text")) {
    const ctm = t.getScreenCTM();
    if (!ctm || t.getBoundingClientRect().width === 0) continue;
    const size = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(ctm.a, ctm.b);
    if (size < 11.95) out.push(`chart text "${t.textContent.trim()}" renders ${size.toFixed(1)}px high`);
  }
  return out;
}

test("every page type fits a 390 px phone screen with readable charts", async () => {
  const context = await site.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const found = [];
  for (const path of pages) {
    const response = await page.goto(`${site.base}${path}`);
    assert.equal(response.status(), 200, path);
    for (const p of await page.evaluate(problems)) found.push(`${path}: ${p}`);
  }
  await context.close();
  assert.equal(pages.length, 14);
  assert.deepEqual(found, [], found.join("\n"));
});
