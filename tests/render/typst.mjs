#!/usr/bin/env node
// typst.mjs - does the Typst compiler accept these documents?
//
//   node tests/render/typst.mjs FILE.typ...
//
// Compiles each FILE with @myriaddreamin/typst-ts-node-compiler (typst as a
// library) to PDF next to it (FILE.pdf). Prints "PASS FILE" or
// "FAIL FILE: the compiler's errors" a file; exit status 1 when one failed.
import { writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { NodeCompiler } from "@myriaddreamin/typst-ts-node-compiler";

let failed = 0;
for (const file of process.argv.slice(2)) {
  const path = resolve(file);
  const compiler = NodeCompiler.create({ workspace: dirname(path) });
  const result = compiler.compile({ mainFilePath: path });
  const diags = result.hasError() ? compiler.fetchDiagnostics(result.takeDiagnostics()) : [];
  const errors = diags.filter((d) => d.severity === "error" || d.severity === 1 || !d.severity);
  if (result.result && !errors.length) {
    writeFileSync(`${path.replace(/\.typ$/, "")}.pdf`, compiler.pdf(result.result));
    console.log(`PASS ${file}`);
  } else {
    failed++;
    const why = errors.map((d) => `${d.path ?? ""}${d.range ? ` ${d.range}` : ""}: ${d.message}`);
    console.log(`FAIL ${file}: ${why.join(" | ") || "no document"}`);
  }
}
process.exitCode = failed ? 1 : 0;
