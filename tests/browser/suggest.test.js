// Search suggestions in a real browser (Debian's Chromium driven by playwright-core), and the
// same search with JavaScript off. Starts the jobzone binary itself on a free port.
const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { spawn } = require("node:child_process");
const path = require("node:path");
const { chromium } = require("playwright-core");

const root = path.resolve(__dirname, "..", "..");
const binary = process.env.JOBZONE_BIN || path.join(root, "target", "debug", "jobzone");
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
let server, base, browser;

before(async () => {
  const catalogue = path.join(require("node:os").tmpdir(), `jobzone-browser-${process.pid}.db`);
  server = spawn(binary, ["serve", "--addr", "127.0.0.1:0", "--content", path.join(root, "content"), "--catalogue", catalogue], {
    env: { ...process.env, RUST_LOG: "info" },
  });
  base = await new Promise((resolve, reject) => {
    let log = "";
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 30000);
    const read = (chunk) => {
      log += chunk;
      const m = log.match(/serving at (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    server.stdout.on("data", read);
    server.stderr.on("data", read);
    server.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${log}`)));
  });
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill();
});

test("typing shows suggestions from the JSON API, and the keyboard chooses one", async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/`);
  await page.fill("#home-q", "backnd eng");
  await page.waitForSelector("#home-q[aria-expanded=true]", { timeout: 5000 });
  const first = await page.textContent(".suggest li:first-child .suggest__title");
  assert.equal(first, "Backend/API Developer (Mid-Level)");
  await page.keyboard.press("ArrowDown");
  const active = await page.getAttribute("#home-q", "aria-activedescendant");
  assert.equal(await page.getAttribute(`#${active}`, "aria-selected"), "true");
  await Promise.all([page.waitForURL(`${base}/roles/backend-api-developer-mid-level`), page.keyboard.press("Enter")]);
  await page.keyboard.press("Escape");
  await page.close();
});

test("Escape closes the suggestions", async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/search`);
  await page.fill("#page-q", "nurse");
  await page.waitForSelector("#page-q[aria-expanded=true]");
  await page.keyboard.press("Escape");
  assert.equal(await page.getAttribute("#page-q", "aria-expanded"), "false");
  await page.close();
});

test("without JavaScript the form still searches", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.fill("#home-q", "nurse practioner");
  await Promise.all([page.waitForURL(/\/search\?q=/), page.press("#home-q", "Enter")]);
  assert.equal(await page.textContent(".result__title"), "Nurse Practitioners");
  assert.equal(await page.getAttribute("#page-q", "role"), null, "no combobox without the script");
  await context.close();
});
