// only-callouts.mjs - did dm-callouts change nothing but callout sources?
//
//   node tests/callouts/only-callouts.mjs IN.json OUT.json
//
// OUT is `dm-callouts json` run over IN: every callout in its semantic
// form, one Div for one source block, so the two documents can be walked
// side by side.  Wherever they differ, IN must hold a Div of a callout type
// (class TYPE or callout-TYPE, as pandoc's readers make admonitions) and
// OUT a Div of classes `callout callout-TYPE` with a title; the two bodies
// (less the title Div or heading that IN's Div opens with) are then walked
// by the same rule, so a nested callout is fine and any other change is
// not.  Prints the number of callouts found; exit 1, with the JSON path of
// the first other difference, when there is one.
import { readFileSync } from "node:fs";

const TYPES = ["tension", "noise", "direct-message", "note", "tip",
	"important", "warning", "caution", "abstract", "info", "todo",
	"success", "question", "failure", "danger", "bug", "example", "quote"];

const [inFile, outFile] = process.argv.slice(2);
const a = JSON.parse(readFileSync(inFile, "utf8"));
const b = JSON.parse(readFileSync(outFile, "utf8"));
let callouts = 0;

function fail(path, what) {
	console.error(`only-callouts: ${what}: ${path}`);
	process.exit(1);
}

// The callout type a source Div names, or null.
function sourceType(node) {
	if (!node || node.t !== "Div")
		return null;
	for (const c of node.c[0][1]) {
		const name = c.startsWith("callout-") ? c.slice(8) : c;
		if (TYPES.includes(name))
			return name;
	}
	return null;
}

function isTitleDiv(node, cls) {
	return node && node.t === "Div" && node.c[0][1].includes(cls);
}

function same(x, y, path) {
	const type = sourceType(x);
	if (type !== null && JSON.stringify(x) !== JSON.stringify(y)) {
		callout(x, y, type, path);
		return;
	}
	if (Array.isArray(x)) {
		if (!Array.isArray(y) || x.length !== y.length)
			fail(path, "a list changed its length");
		x.forEach((v, i) => same(v, y[i], `${path}[${i}]`));
		return;
	}
	if (x !== null && typeof x === "object") {
		if (y === null || typeof y !== "object" || Array.isArray(y))
			fail(path, "an object became something else");
		const kx = Object.keys(x), ky = Object.keys(y);
		if (kx.join("\0") !== ky.join("\0"))
			fail(path, "the keys changed");
		for (const k of kx)
			same(x[k], y[k], `${path}.${k}`);
		return;
	}
	if (x !== y)
		fail(path, `${JSON.stringify(x)} became ${JSON.stringify(y)}`);
}

function callout(x, y, type, path) {
	if (!y || y.t !== "Div")
		fail(path, `the ${type} callout is not a Div in the output`);
	const [id, classes, kvs] = y.c[0];
	if (classes[0] !== "callout" || classes[1] !== `callout-${type}`)
		fail(path, `the ${type} callout has classes ${classes}`);
	if (!kvs.some(([k]) => k === "title"))
		fail(path, `the ${type} callout has no title`);
	if (id !== x.c[0][0])
		fail(path, `the ${type} callout lost its id`);
	callouts++;
	let inBody = x.c[1], outBody = y.c[1];
	if (isTitleDiv(inBody[0], "title") || inBody[0]?.t === "Header")
		inBody = inBody.slice(1);
	if (isTitleDiv(outBody[0], "callout-title"))
		outBody = outBody.slice(1);
	same(inBody, outBody, `${path}.c[1]`);
}

same(a.meta, b.meta, "meta");
same(a.blocks, b.blocks, "blocks");
console.log(callouts);
