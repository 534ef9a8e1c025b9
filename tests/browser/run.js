// Runs every browser test file over one shared catalogue: built once here with the jobzone
// binary into a temporary folder, handed to the harness through JOBZONE_BROWSER_CATALOGUE, and
// removed when the run ends, whatever its outcome (nothing is left in the temporary folder).
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const root = path.resolve(__dirname, "..", "..");
const binary = process.env.JOBZONE_BIN || path.join(root, "target", "debug", "jobzone");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jobzone-browser-"));
let status = 1;
try {
  const catalogue = path.join(dir, "catalogue.db");
  const build = spawnSync(binary, ["build", "--content", path.join(root, "content"), "--catalogue", catalogue], {
    stdio: "inherit",
  });
  if (build.status !== 0) throw new Error(`jobzone build failed (${build.status ?? build.error})`);
  const run = spawnSync(process.execPath, ["--test", ...process.argv.slice(2)], {
    cwd: __dirname,
    stdio: "inherit",
    env: { ...process.env, JOBZONE_BROWSER_CATALOGUE: catalogue },
  });
  status = run.status ?? 1;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(status);
