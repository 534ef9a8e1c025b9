// The Nu Html Checker (vnu) finds no error on any page type: the HTML is valid as served; and no
// section or article lacks a heading (a vnu warning, held at zero).
const { test } = require("node:test");
const assert = require("node:assert/strict");
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { useSite } = require("./harness");

const PAGES = {
  home: "/",
  role: "/roles/backend-api-developer-mid-level",
  occupation: "/occupations/15-1252.00",
  "occupation-data-derived": "/occupations/29-1141.00",
  "occupation-unscored": "/occupations/11-9199.00",
  "occupation-personal": "/occupations/29-1141.00/personal",
  "compare-occupations": "/compare/29-1141.00/15-1252.00",
  "personal-problem": "/roles/backend-api-developer-mid-level/personal?share0=abc",
  about: "/about",
  data: "/data",
  browse: "/roles?zone=green",
  search: "/search?q=developer",
  compare: "/compare/backend-api-developer-mid-level/senior-software-engineer",
  personal: "/roles/backend-api-developer-mid-level/personal?share0=90",
  methodology: "/methodology",
  occupations: "/occupations",
  "not-found": "/no-such-page",
};

const site = useSite({ browser: false });

test("vnu reports no errors on any page type", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jobzone-vnu-"));
  const files = [];
  for (const [name, url] of Object.entries(PAGES)) {
    const response = await fetch(`${site.base}${url}`);
    const file = path.join(dir, `${name}.html`);
    fs.writeFileSync(file, await response.text());
    files.push(file);
  }
  const run = spawnSync("java", ["-jar", String(require("vnu-jar")), "--format", "json", "--exit-zero-always", ...files], {
    encoding: "utf8",
  });
  assert.equal(run.status, 0, `vnu did not run: ${run.error || run.stderr}`);
  // vnu writes its JSON report to stderr.
  const report = JSON.parse(run.stderr);
  const errors = report.messages
    .filter((m) => m.type === "error" || (m.subType === "warning" && /lacks heading/.test(m.message)))
    .map((m) => `${path.basename(new URL(m.url).pathname)}:${m.lastLine}: ${m.message}`);
  fs.rmSync(dir, { recursive: true, force: true });
  assert.deepEqual(errors, [], errors.join("\n"));
});
