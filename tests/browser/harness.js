// Starts the jobzone binary on a free port over the bundled content, and Debian's Chromium.
const { spawn } = require("node:child_process");
const os = require("node:os");
const path = require("node:path");
const { chromium } = require("playwright-core");

const root = path.resolve(__dirname, "..", "..");

async function startServer() {
  const binary = process.env.JOBZONE_BIN || path.join(root, "target", "debug", "jobzone");
  const catalogue = path.join(os.tmpdir(), `jobzone-browser-${process.pid}-${Date.now()}.db`);
  const child = spawn(binary, ["serve", "--addr", "127.0.0.1:0", "--content", path.join(root, "content"), "--catalogue", catalogue], {
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

module.exports = { startServer, launchBrowser };
