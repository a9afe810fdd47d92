#!/usr/bin/env node
// tint.mjs - are there tinted pixels where a word stands on a rendered page?
//
//   node tests/render/tint.mjs BBOX PNGPREFIX DPI WORD...
//
// BBOX is `pdftotext -bbox` output for a PDF (each word with its box, in
// points, page by page); PNGPREFIX-N.png are its pages as `pdftoppm -png
// -r DPI` draws them. For each WORD (its first occurrence) prints one line
//
//   WORD PAGE TINTED RULED SIDE
//
// in the band of the page the word's line occupies (the full width of the
// page, a few points above and below the word):
// TINTED  the number of tinted pixels (a colour: neither white, black nor
//         grey). A box drawn around the word's paragraph in a colour (a
//         rule, a tinted fill) puts many there; black text on white none.
// RULED   the number of columns not white from the top of the band to its
//         bottom: a vertical rule or a fill of any colour (grey too) makes
//         them; text does not, as the band reaches above and below it.
// SIDE    where the columns tinted from the top of the band to its bottom
//         stand (a coloured rule, not a pale fill): "left" or "right" of
//         the page's middle, on average; "-" when there are none.
// A word not found prints "WORD - - - -".
//
//   node tests/render/tint.mjs --edges BBOX PNGPREFIX DPI WORD...
//
// prints instead, for each WORD, "WORD PAGE XMIN RULE": where the word
// starts and where the leftmost ruled column of its band stands (as
// RULED above: a box's rule or fill), in points from the page's left
// edge, rounded; RULE "-" when nothing is ruled.
import { readFileSync } from "node:fs";
import { inflateSync } from "node:zlib";

// decodePng: the pixels of an 8-bit RGB or RGBA PNG (what pdftoppm writes)
// as {width, height, channels, data} with one byte per channel.
function decodePng(buf) {
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error("not a PNG");
  let pos = 8, width = 0, height = 0, channels = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString("latin1", pos + 4, pos + 8);
    const body = buf.subarray(pos + 8, pos + 8 + len);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const depth = body[8], colour = body[9], interlace = body[12];
      channels = { 2: 3, 6: 4, 0: 1 }[colour];
      if (depth !== 8 || !channels || interlace)
        throw new Error(`unsupported PNG (depth ${depth}, colour ${colour})`);
    } else if (type === "IDAT") {
      idat.push(body);
    }
    pos += 12 + len;
  }
  return { width, height, channels, data: unfilter(inflateSync(Buffer.concat(idat)), width, height, channels) };
}

function paeth(a, b, c) {
  const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

// unfilter: PNG's per-row filters undone (RFC 2083, 6).
function unfilter(raw, width, height, bpp) {
  const stride = width * bpp, out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)], src = y * (stride + 1) + 1, dst = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[dst + x - bpp] : 0;
      const b = y > 0 ? out[dst - stride + x] : 0;
      const c = x >= bpp && y > 0 ? out[dst - stride + x - bpp] : 0;
      const pred = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      if (pred === undefined) throw new Error(`bad PNG row filter ${filter}`);
      out[dst + x] = (raw[src + x] + pred) & 0xff;
    }
  }
  return out;
}

// words: [{page, word, xMin, yMin, yMax}] from pdftotext -bbox output.
function words(bbox) {
  const found = [];
  let page = 0;
  for (const m of bbox.matchAll(/<page |<word xMin="([^"]*)" yMin="([^"]*)" xMax="[^"]*" yMax="([^"]*)">([^<]*)<\/word>/g)) {
    if (m[0] === "<page ") { page++; continue; }
    found.push({ page, word: m[4], xMin: Number(m[1]), yMin: Number(m[2]), yMax: Number(m[3]) });
  }
  return found;
}

// band: in rows y0..y1, the pixels whose channels differ by more than 48
// (a colour, not a shade of grey), the columns with no white pixel
// (every channel above 246), and the side of the columns all tinted; with
// `edge`, the first column with no white pixel (-1: none).
function band(png, y0, y1, edge) {
  let tinted = 0, ruled = 0, sum = 0, n = 0, first = -1;
  const { width, channels, data } = png;
  const top = Math.max(0, y0), bottom = Math.min(png.height - 1, y1);
  for (let x = 0; x < width; x++) {
    let white = false, all = true;
    for (let y = top; y <= bottom; y++) {
      const i = (y * width + x) * channels;
      const r = data[i], g = data[i + 1], b = data[i + 2];
      if (Math.max(r, g, b) - Math.min(r, g, b) > 48) tinted++;
      else all = false;
      if (Math.min(r, g, b) > 246) white = true;
    }
    if (!white) { ruled++; if (first < 0) first = x; }
    if (all) { sum += x; n++; }
  }
  if (edge) return first;
  const side = n === 0 ? "-" : sum / n < width / 2 ? "left" : "right";
  return `${tinted} ${ruled} ${side}`;
}

const args = process.argv.slice(2), edges = args[0] === "--edges";
const [bboxFile, prefix, dpiArg, ...wanted] = edges ? args.slice(1) : args;
if (!wanted.length) {
  console.error("usage: node tint.mjs [--edges] BBOX PNGPREFIX DPI WORD...");
  process.exit(2);
}
const dpi = Number(dpiArg), all = words(readFileSync(bboxFile, "utf8"));
const pages = new Map();
for (const w of wanted) {
  const at = all.find((x) => x.word.includes(w));
  if (!at) { console.log(`${w} - - - -`); continue; }
  if (!pages.has(at.page)) {
    // pdftoppm pads the page number to the width of the page count
    let png = null;
    for (const pad of [1, 2, 3]) {
      try { png = decodePng(readFileSync(`${prefix}-${String(at.page).padStart(pad, "0")}.png`)); break; }
      catch (e) { if (e.code !== "ENOENT") throw e; }
    }
    if (!png) throw new Error(`no picture of page ${at.page} (${prefix}-N.png)`);
    pages.set(at.page, png);
  }
  const px = dpi / 72, pad = 2;
  const got = band(pages.get(at.page), Math.floor((at.yMin - pad) * px), Math.ceil((at.yMax + pad) * px), edges);
  if (edges) console.log(`${w} ${at.page} ${Math.round(at.xMin)} ${got < 0 ? "-" : Math.round(got / px)}`);
  else console.log(`${w} ${at.page} ${got}`);
}
