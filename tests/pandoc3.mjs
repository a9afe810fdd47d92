#!/usr/bin/env node
// pandoc3.mjs - a small pandoc 3.x command line for the tests, running the
// npm package pandoc-wasm (pandoc compiled to WebAssembly). It converts
// documents; it cannot run JSON filters (the wasm cannot start processes).
//
//   node tests/pandoc3.mjs [-f FROM] [-t TO] [-s] [-o OUT] [-M KEY[=VAL]]...
//                          [--columns N] [--wrap=none|auto|preserve] [FILE...]
//   node tests/pandoc3.mjs --version
//   node tests/pandoc3.mjs --batch JOBS    (JOBS: file or "-"; one JSON array
//                                           of the arguments above per line)
//
// How pandoc-wasm works (node_modules/pandoc-wasm/src/core.js):
// - convert(options, stdin, files): `options` is a defaults-file object
//   ({from, to, standalone, metadata, "input-files", "output-file", ...});
//   `stdin` is a string (used when there are no input-files); `files` maps
//   names to strings or Blobs in a flat in-memory file system. Names cannot
//   hold "/" (no directories), so inputs are given to pandoc by base name.
// - The result is {stdout, stderr, warnings, files}. stdout is decoded as
//   UTF-8, so binary formats need "output-file"; that file comes back as a
//   Blob in result.files.
// - Errors never throw: pandoc's message lands in result.stderr as
//   "ERROR: ...", and no exit code is available. Warnings are pandoc's JSON
//   log messages, each with a "pretty" text.
// - Metadata in a defaults file keeps JSON strings as MetaString and JSON
//   booleans as MetaBool, which is what the command line's -M gives.
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";

class UsageError extends Error {}

// pandoc's -M: split at the first ':' or '='; no value means true;
// true/True/TRUE and false/False/FALSE are booleans; a repeated key
// makes a list.
function addMeta(meta, arg) {
  const at = arg.search(/[:=]/);
  const key = at < 0 ? arg : arg.slice(0, at);
  const raw = at < 0 ? "true" : arg.slice(at + 1);
  const val = /^(true|True|TRUE)$/.test(raw) ? true
    : /^(false|False|FALSE)$/.test(raw) ? false : raw;
  if (!(key in meta)) meta[key] = val;
  else if (Array.isArray(meta[key])) meta[key].push(val);
  else meta[key] = [meta[key], val];
}

function parseArgs(argv) {
  const job = { options: {}, inputs: [], out: null, version: false, batch: null };
  const meta = {};
  for (let i = 0; i < argv.length; i++) {
    let opt = argv[i], val = null;
    const m = /^(--[^=]+)=(.*)$/s.exec(opt);   // --opt=value
    if (m) [opt, val] = [m[1], m[2]];
    const arg = () => {
      if (val !== null) return val;
      if (i + 1 >= argv.length) throw new UsageError(`option ${opt} needs an argument`);
      return argv[++i];
    };
    switch (opt) {
      case "-f": case "--from": job.options.from = arg(); break;
      case "-t": case "--to": job.options.to = arg(); break;
      case "-o": case "--output": job.out = arg(); break;
      case "-s": case "--standalone": job.options.standalone = true; break;
      case "-M": case "--metadata": addMeta(meta, arg()); break;
      case "--columns": {
        const n = arg();
        if (!/^\d+$/.test(n)) throw new UsageError(`--columns needs a number, got ${n}`);
        job.options.columns = Number(n);
        break;
      }
      case "--wrap": {
        const w = arg();
        if (!["none", "auto", "preserve"].includes(w)) throw new UsageError(`bad --wrap value ${w}`);
        job.options.wrap = w;
        break;
      }
      case "--version": job.version = true; break;
      case "--batch": job.batch = arg(); break;
      default:
        if (opt.startsWith("-")) throw new UsageError(`unknown option ${argv[i]}`);
        job.inputs.push(opt);
    }
  }
  if (Object.keys(meta).length) job.options.metadata = meta;
  return job;
}

// Runs one conversion; returns null on success, else an error message.
async function convertJob(convert, job, { batch }) {
  if (batch && !job.out) throw new UsageError("a batch job needs -o OUT");
  if (batch && !job.inputs.length) throw new UsageError("a batch job needs input FILEs");
  if (batch && (job.version || job.batch !== null))
    throw new UsageError("--version and --batch are not allowed in a batch job");
  const options = { ...job.options };
  const files = {};
  const taken = new Set(["stdin", "stdout", "stderr", "warnings"]);
  const flatName = (path) => {  // a unique name in the flat wasm file system
    let name = basename(path);
    for (let n = 2; taken.has(name); n++) name = `${n}-${basename(path)}`;
    taken.add(name);
    return name;
  };
  let stdin = null;
  if (job.inputs.length) {
    options["input-files"] = job.inputs.map((path) => {
      const name = flatName(path);
      files[name] = new Blob([readFileSync(path)]);  // raw bytes, binary-safe
      return name;
    });
  } else {
    stdin = readFileSync(0, "utf8");
    options.from ??= "markdown";  // as pandoc does for stdin (the wasm's "/stdin" would warn)
  }
  if (job.out) options["output-file"] = flatName(job.out);
  else options.to ??= "html";     // as pandoc does for stdout (the wasm's "/stdout" would warn)

  let result;
  try {
    result = await convert(options, stdin, files);
  } catch (e) {  // thrown by the JS wrapper, e.g. binary output to stdout
    return `pandoc-wasm: ${e.message}` +
      (job.out ? "" : " (binary output formats need -o)");
  }
  for (const w of result.warnings)
    if (w.verbosity === "WARNING" || w.verbosity === "ERROR")
      process.stderr.write(`[${w.verbosity}] ${w.pretty ?? JSON.stringify(w)}\n`);
  if (result.stderr) return result.stderr.replace(/\n?$/, "");
  if (job.out) {
    const blob = result.files[options["output-file"]];  // absent if empty
    writeFileSync(job.out, blob ? Buffer.from(await blob.arrayBuffer()) : "");
  } else {
    process.stdout.write(result.stdout);
  }
  return null;
}

async function main(argv) {
  let job;
  try {
    job = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`pandoc3.mjs: ${e.message}`);
    return 2;
  }
  // Loading the wasm takes about a second, so do it only after the arguments are good.
  const { convert, query } = await import("pandoc-wasm");
  if (job.version) {
    console.log(`pandoc ${query({ query: "version" })}`);
    return 0;
  }
  if (job.batch === null) {
    let err;
    try {
      err = await convertJob(convert, job, { batch: false });
    } catch (e) {  // e.g. an input file that cannot be read
      err = `pandoc3.mjs: ${e.message}`;
    }
    if (err) console.error(err);
    return err ? 1 : 0;
  }
  // Batch mode: every job runs in this process with the one wasm instance.
  const lines = readFileSync(job.batch === "-" ? 0 : job.batch, "utf8").split("\n");
  let failed = 0;
  for (const line of lines) {
    if (!line.trim()) continue;
    let err;
    try {
      const args = JSON.parse(line);
      if (!Array.isArray(args)) throw new UsageError("a job must be a JSON array");
      err = await convertJob(convert, parseArgs(args.map(String)), { batch: true });
    } catch (e) {
      err = e.message;
    }
    if (err) {
      failed++;
      console.error(`FAILED ${line.trim()}: ${err.replace(/\n/g, " | ")}`);
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
