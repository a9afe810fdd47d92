#!/usr/bin/env python3
"""boxes.py KIND FILE - the boxes a reader's tool made of a document.

Prints one line per box, in document order, indented two spaces per box
around it: "TYPE: TITLE" ("-" for no title of its own).  KIND says what
FILE is:

  docutils  Docutils' XML (rst2xml): admonitions, note ..., containers
            of class callout
  docbook   DocBook 4 or 5 (pandoc's, or Asciidoctor's -b docbook5):
            note tip warning important caution, and sidebar and
            blockquote with a role
  pandoc    pandoc JSON (what pandoc's org or jira reader made): Divs of
            a class (org special blocks; jira panels, titled by their
            title attribute or panelheader Div) and block quotes opening
            with a bold title (a callout inside a Jira panel)
  html      HTML: div.callout (MediaWiki's divs, as pandoc passes them)
"""
import json
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

ADMONITIONS = {"attention", "caution", "danger", "error", "hint",
               "important", "note", "tip", "warning"}


def text(e):
    return " ".join("".join(e.itertext()).split()) if e is not None else "-"


def local(tag):
    return tag.rsplit("}", 1)[-1]


def docutils(root, depth, out):
    for e in root:
        tag, classes = e.tag, e.get("classes", "").split()
        kind = None
        if tag == "admonition":
            kind, title = classes[0] if classes else "admonition", \
                text(e.find("title"))
        elif tag in ADMONITIONS:
            kind, title = tag, text(e.find("title"))
        elif tag == "container" and "callout" in classes:
            kind = [c[8:] for c in classes if c.startswith("callout-")][0]
            title = "-"
        if kind:
            out.append("  " * depth + kind + ": " + title)
        docutils(e, depth + (kind is not None), out)


def docbook(root, depth, out):
    for e in root:
        tag, role = local(e.tag), e.get("role")
        kind = None
        if tag in ADMONITIONS or (tag in ("sidebar", "blockquote") and role):
            kind = role or tag
            title = [c for c in e if local(c.tag) == "title"]
            title = text(title[0]) if title else "-"
            out.append("  " * depth + kind + ": " + title)
        docbook(e, depth + (kind is not None), out)


def stringify(x):
    if isinstance(x, list):
        return "".join(stringify(i) for i in x)
    if not isinstance(x, dict):
        return ""
    t, c = x.get("t"), x.get("c")
    if t == "Str":
        return c
    if t in ("Space", "SoftBreak", "LineBreak"):
        return " "
    if t in ("Code",):
        return c[1]
    if isinstance(c, list):
        return stringify(c)
    return ""


def strong_first(blocks):
    """The text of a first Para or Plain that is one Strong, or None."""
    if blocks and blocks[0]["t"] in ("Para", "Plain"):
        ils = blocks[0]["c"]
        if len(ils) == 1 and ils[0]["t"] == "Strong":
            return stringify(ils[0]["c"])
    return None


def pandoc_blocks(blocks, depth, out):
    for b in blocks:
        t, c = b.get("t"), b.get("c")
        kind, inner = None, []
        if t == "Div":
            (_, classes, kvs), inner = c
            kvs = dict(kvs)
            if classes and classes[0] not in ("title", "panelheader"):
                kind, title = classes[0], kvs.get("title")
                head = [d for d in inner if d["t"] == "Div" and
                        d["c"][0][1][:1] in (["title"], ["panelheader"])]
                if head:
                    title = stringify(head[0]["c"][1])
                    inner = [d for d in inner if d is not head[0]]
                # an org block's bold first paragraph is the title it
                # shows (pandoc 3's reader adds a title Div of the type)
                title = strong_first(inner) or title or "-"
        elif t == "BlockQuote" and strong_first(c):
            kind, title, inner = "quote", strong_first(c), c
        if kind:
            out.append("  " * depth + kind + ": " + title)
        if t == "Div":
            pandoc_blocks(inner if kind else c[1], depth + bool(kind), out)
        elif t == "BlockQuote":
            pandoc_blocks(c, depth + bool(kind), out)


class Html(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.out, self.title = [], [], None

    def handle_starttag(self, tag, attrs):
        if tag != "div":
            return
        cls = dict(attrs).get("class", "").split()
        kinds = [c[8:] for c in cls if c.startswith("callout-")]
        if "callout" in cls and kinds:
            depth = sum(1 for s in self.stack if s)
            self.out.append(["  " * depth + kinds[0], "-"])
            self.stack.append(True)
        else:
            if "callout-title" in cls:
                self.title = self.out[-1]
                self.title[1] = ""
            self.stack.append(False)

    def handle_endtag(self, tag):
        if tag == "div" and self.stack:
            self.stack.pop()
            self.title = None

    def handle_data(self, data):
        if self.title is not None:
            self.title[1] = " ".join((self.title[1] + data).split())


def main():
    kind, path = sys.argv[1], sys.argv[2]
    out = []
    if kind == "docutils":
        docutils(ET.parse(path).getroot(), 0, out)
    elif kind == "docbook":
        docbook(ET.parse(path).getroot(), 0, out)
    elif kind == "pandoc":
        with open(path, encoding="utf-8") as f:
            pandoc_blocks(json.load(f)["blocks"], 0, out)
    elif kind == "html":
        p = Html()
        with open(path, encoding="utf-8") as f:
            p.feed(f.read())
        out = [k + ": " + t for k, t in p.out]
    else:
        sys.exit("boxes.py: unknown kind " + kind)
    print("\n".join(out))


if __name__ == "__main__":
    main()
