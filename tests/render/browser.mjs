#!/usr/bin/env node
// browser.mjs - what a reader's browser makes of the filters' HTML, in one
// Chromium (playwright-core, /usr/bin/chromium or $CHROMIUM).
//
//   node tests/render/browser.mjs JOBS
//
// JOBS: a file of jobs, one a line:
//   contrast FILE BASE [light]
//                      axe-core's color-contrast rule over FILE, every
//                      <details> opened, in the light and in the dark
//                      colour scheme (prefers-color-scheme): no violation
//                      but those the page BASE (the same document without
//                      the filters) has too, element for element (pandoc's
//                      own colours, as its syntax highlighting); with
//                      "light", BASE is read in the light scheme only
//                      (pandoc's colours on the page they were made for)
//   print FILE OUT     FILE printed to the PDF OUT (print media, as a
//                      reader's "Print" does)
//   styled FILE [none] every .callout in FILE (an EPUB chapter, a
//                      fragment) is drawn as a box: a visible left border
//                      or a background; with "none", no .callout is (the
//                      fragment without its stylesheet)
//   side FILE SIDE [PNG]
//                      every .callout in FILE has its rule (the wider
//                      border) on SIDE (left or right), its direction
//                      that side's (ltr, rtl), and its title's words
//                      start on that side; PNG: a picture of the page
//   icons FILE         every callout icon in FILE is drawn without an
//                      emoji font: ink in its picture (the browser's
//                      own screenshot of it), at least 10 pixels wide,
//                      and no text icon is a character shown as an emoji
//                      (Emoji_Presentation, or U+FE0F)
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

async function contrast(browser, file, base, baseScheme) {
  for (const colorScheme of ["light", "dark"]) {
    const got = await violations(browser, file, colorScheme);
    const theirs = new Set(base ? (await violations(browser, base, baseScheme || colorScheme)).bad.map((b) => b.html) : []);
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

// ink: how many pixels of the PNG picture differ from its first one (the
// background), decoded by the browser itself.
async function ink(page, png) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext("2d");
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 4; i < d.length; i += 4)
      if (Math.abs(d[i] - d[0]) + Math.abs(d[i + 1] - d[1]) + Math.abs(d[i + 2] - d[2]) > 60) n++;
    return n;
  }, png.toString("base64"));
}

async function icons(browser, file) {
  const page = await open(browser, file);
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => { d.open = true; }));
  const bad = [];
  const all = page.locator(".callout-icon");
  const n = await all.count();
  for (let i = 0; i < n; i++) {
    const icon = all.nth(i);
    const what = await icon.evaluate((el) => ({
      title: el.parentElement.textContent.trim(),
      width: el.getBoundingClientRect().width,
      text: el.querySelector("svg") ? "" : getComputedStyle(el, "::before").content,
    }));
    const inked = await ink(page, await icon.screenshot());
    if (/\p{Emoji_Presentation}|\uFE0F/u.test(what.text))
      bad.push(`${what.title}: an emoji, ${what.text}`);
    else if (what.width < 10 || inked < 12)
      bad.push(`${what.title}: ${what.width.toFixed(1)}px wide, ${inked} inked pixels`);
  }
  report(n > 0 && bad.length === 0, `icons ${file}`, n ? bad.join(" | ") : "no .callout-icon in the page");
  await page.close();
}

async function styled(browser, file, none) {
  const page = await open(browser, file);
  const boxes = await page.evaluate(() => [...document.querySelectorAll(".callout")].map((el) => {
    const s = getComputedStyle(el);
    const clear = (c) => c === "transparent" || /rgba\(.*, 0\)$/.test(c);
    const border = parseFloat(s.borderLeftWidth) > 0 && s.borderLeftStyle !== "none" && !clear(s.borderLeftColor);
    return { name: el.className, box: border || !clear(s.backgroundColor) };
  }));
  const plain = boxes.filter((b) => !b.box).map((b) => b.name);
  const drawn = boxes.filter((b) => b.box).map((b) => b.name);
  if (none === "none")
    report(boxes.length > 0 && drawn.length === 0, `unstyled ${file}`,
      boxes.length ? `drawn as a box without a stylesheet: ${drawn.join(", ")}` : "no .callout in the page");
  else
    report(boxes.length > 0 && plain.length === 0, `styled ${file}`,
      boxes.length ? `drawn without a box: ${plain.join(", ")}` : "no .callout in the page");
  await page.close();
}

async function side(browser, file, want, png) {
  const page = await open(browser, file, { viewport: { width: 700, height: 600 } });
  const boxes = await page.evaluate(() => [...document.querySelectorAll(".callout")].map((el) => {
    const s = getComputedStyle(el), box = el.getBoundingClientRect();
    const l = parseFloat(s.borderLeftWidth), r = parseFloat(s.borderRightWidth);
    // the title; under a heading (no title line), the body's first words
    const title = el.querySelector(".callout-title") || el.querySelector(".callout-body p");
    const range = document.createRange();
    range.selectNodeContents(title);
    const t = range.getBoundingClientRect();
    return { name: el.className, dir: s.direction, rule: l > r ? "left" : r > l ? "right" : "none",
             text: t.left - box.left < box.right - t.right ? "left" : "right" };
  }));
  if (png) await page.screenshot({ path: png, fullPage: true });
  const dir = want === "right" ? "rtl" : "ltr";
  const bad = boxes.filter((b) => b.rule !== want || b.dir !== dir || b.text !== want)
    .map((b) => `${b.name}: rule ${b.rule}, ${b.dir}, title on the ${b.text}`);
  report(boxes.length > 0 && bad.length === 0, `side ${want} ${file}`,
    boxes.length ? bad.join(" | ") : "no .callout in the page");
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
    const [what, file, out, extra] = job.split(" ");
    if (what === "contrast") await contrast(browser, file, out, extra);
    else if (what === "print") await print(browser, file, out);
    else if (what === "styled") await styled(browser, file, out);
    else if (what === "icons") await icons(browser, file);
    else if (what === "side") await side(browser, file, out, extra);
    else report(false, job, "unknown job");
  }
} finally {
  await browser.close();
}
process.exitCode = failed ? 1 : 0;
