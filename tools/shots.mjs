#!/usr/bin/env node
// shots.mjs - pictures of an HTML page as a reader's Chromium shows it
// (playwright-core, /usr/bin/chromium or $CHROMIUM): on screen in the
// light and in the dark colour scheme, and printed.
//
//   node tools/shots.mjs PAGE.html OUT [WIDTH HEIGHT]
//
// Writes OUT-light.png and OUT-dark.png (the top of the page, WIDTH x
// HEIGHT CSS pixels, 900 x 1100 by default) and OUT-print.pdf (A4, as the
// browser's "Print" makes it).
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const [file, out, w = "900", h = "1100"] = process.argv.slice(2);
if (!file || !out) {
  console.error("usage: node tools/shots.mjs PAGE.html OUT [WIDTH HEIGHT]");
  process.exit(2);
}
const url = pathToFileURL(resolve(file)).href;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium" });
try {
  for (const colorScheme of ["light", "dark"]) {
    const page = await browser.newPage({ colorScheme, viewport: { width: +w, height: +h } });
    await page.goto(url, { waitUntil: "load" });
    await page.screenshot({ path: `${out}-${colorScheme}.png` });
    if (colorScheme === "light") await page.pdf({ path: `${out}-print.pdf`, format: "A4" });
    await page.close();
  }
} finally {
  await browser.close();
}
