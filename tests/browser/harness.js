// Starts the jobzone binary on a free port over the bundled content, and Debian's Chromium.
// The catalogue is the one `run.js` built for the whole run (JOBZONE_BROWSER_CATALOGUE); a test
// file run on its own has the server build one. Everything the server writes (subscribers, the
// outbox, that catalogue) goes to a temporary folder of this process, removed when it exits.
const { spawn } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { chromium } = require("playwright-core");

const root = path.resolve(__dirname, "..", "..");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "jobzone-browser-"));
process.on("exit", () => fs.rmSync(scratch, { recursive: true, force: true }));

async function startServer() {
  const binary = process.env.JOBZONE_BIN || path.join(root, "target", "debug", "jobzone");
  const catalogue = process.env.JOBZONE_BROWSER_CATALOGUE || path.join(scratch, "catalogue.db");
  const args = ["serve", "--addr", "127.0.0.1:0", "--content", path.join(root, "content"), "--catalogue", catalogue];
  args.push("--subscribers", path.join(scratch, "subscribers.db"), "--warm", "false");
  const child = spawn(binary, args, {
    env: { ...process.env, RUST_LOG: "info" },
  });
  const base = await new Promise((resolve, reject) => {
    let log = "";
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 30000);
    const read = (chunk) => {
      log += chunk;
      const m = log.match(/serving at (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${log}`)));
  });
  return { process: child, base };
}

function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}

// Registers the hooks that start the server (and, unless `browser: false`, Chromium) before a
// test file's tests, then run `ready(site)` if given, and stop them after; returns the object
// they fill: `site.base`, `site.browser`.
function useSite({ browser = true, ready } = {}) {
  const { before, after } = require("node:test");
  const site = { base: undefined, browser: undefined, server: undefined };
  before(async () => {
    site.server = await startServer();
    site.base = site.server.base;
    if (browser) site.browser = await launchBrowser();
    if (ready) await ready(site);
  });
  after(async () => {
    if (site.browser) await site.browser.close();
    if (site.server) site.server.process.kill();
  });
  return site;
}

module.exports = { startServer, launchBrowser, useSite };
