#!/usr/bin/env node
// browser.mjs - what a reader's browser makes of the filters' HTML, in one
// Chromium (playwright-core, /usr/bin/chromium or $CHROMIUM).
//
//   node tests/render/browser.mjs JOBS
//
// JOBS: a file of jobs, one a line:
//   contrast FILE BASE axe-core's color-contrast rule over FILE, every
//                      <details> opened, in the light and in the dark
//                      colour scheme (prefers-color-scheme): no violation
//                      but those the page BASE (the same document without
//                      the filters) has too, element for element (pandoc's
//                      own colours, as its syntax highlighting)
//   print FILE OUT     FILE printed to the PDF OUT (print media, as a
//                      reader's "Print" does)
//   styled FILE        every .callout in FILE (an EPUB chapter) is drawn as
//                      a box: a visible left border or a background
// Prints one line a check: "PASS what" or "FAIL what: why"; exit status 1
// when a check failed, 2 when the browser could not run.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");
let failed = 0;

function report(ok, what, why) {
  if (ok) console.log(`PASS ${what}`);
  else { failed++; console.log(`FAIL ${what}: ${why}`); }
}

async function open(browser, file, options = {}) {
  const page = await browser.newPage(options);
  await page.goto(pathToFileURL(resolve(file)).href, { waitUntil: "load" });
  return page;
}

// violations: axe's color-contrast findings in FILE in a colour scheme, as
// {html: the element's markup, why: the message}, and how many it checked.
async function violations(browser, file, colorScheme) {
  const page = await open(browser, file, { colorScheme });
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => { d.open = true; }));
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "rule", values: ["color-contrast"] } }));
  await page.close();
  return {
    bad: result.violations.flatMap((v) => v.nodes.map((n) =>
      ({ html: n.html, why: `${n.target.join(" ")}: ${n.any.map((a) => a.message).join("; ")}` }))),
    checked: result.passes.reduce((n, v) => n + v.nodes.length, 0),
  };
}

async function contrast(browser, file, base) {
  for (const colorScheme of ["light", "dark"]) {
    const got = await violations(browser, file, colorScheme);
    const theirs = new Set(base ? (await violations(browser, base, colorScheme)).bad.map((b) => b.html) : []);
    const ours = got.bad.filter((b) => !theirs.has(b.html)).map((b) => b.why);
    report(ours.length === 0 && got.checked > 0, `contrast ${colorScheme} ${file}`,
      ours.length ? ours.join(" | ") : "axe checked no text");
  }
}

async function print(browser, file, out) {
  const page = await open(browser, file);
  await page.pdf({ path: out, format: "A4" });
  await page.close();
  console.log(`PASS print ${file}`);
}

async function styled(browser, file) {
  const page = await open(browser, file);
  const boxes = await page.evaluate(() => [...document.querySelectorAll(".callout")].map((el) => {
    const s = getComputedStyle(el);
    const clear = (c) => c === "transparent" || /rgba\(.*, 0\)$/.test(c);
    const border = parseFloat(s.borderLeftWidth) > 0 && s.borderLeftStyle !== "none" && !clear(s.borderLeftColor);
    return { name: el.className, box: border || !clear(s.backgroundColor) };
  }));
  const plain = boxes.filter((b) => !b.box).map((b) => b.name);
  report(boxes.length > 0 && plain.length === 0, `styled ${file}`,
    boxes.length ? `drawn without a box: ${plain.join(", ")}` : "no .callout in the page");
  await page.close();
}

const jobs = readFileSync(process.argv[2], "utf8").split("\n").filter((l) => l.trim());
let browser;
try {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium" });
} catch (e) {
  console.error(`browser.mjs: cannot start Chromium: ${e.message}`);
  process.exit(2);
}
try {
  for (const job of jobs) {
    const [what, file, out] = job.split(" ");
    if (what === "contrast") await contrast(browser, file, out);
    else if (what === "print") await print(browser, file, out);
    else if (what === "styled") await styled(browser, file);
    else report(false, job, "unknown job");
  }
} finally {
  await browser.close();
}
process.exitCode = failed ? 1 : 0;
