#!/bin/sh
# deps.sh - install what building and testing dmfilters needs, when missing.
#
# Debian packages through apt-get (as root, or through sudo; clang for
# `make check SAN=clang` and `make fuzz`), and the npm packages of
# package.json into ./node_modules from package-lock.json:
# pandoc-wasm (pandoc 3.x for the tests), and for tests/render/
# playwright-core and axe-core (Chromium, contrast), vnu-jar (the HTML
# checker, run with Debian's Java), @myriaddreamin/typst-ts-node-compiler
# (Typst); for tests/text/ docutils, Asciidoctor and the DocBook 5 schema
# (Debian).  Does nothing when everything is there already.
#
#   sh tools/deps.sh           build and test dependencies
#   sh tools/deps.sh demo      also what `make demo` renders with
set -eu

# Each entry: a Debian package, or PACKAGE:COMMAND when having the command
# is enough (Node.js and npm may come from elsewhere than Debian).
PKGS="gcc:gcc make:make pkg-config:pkg-config libjansson-dev check
libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-dev pandoc:pandoc
nodejs:node npm:npm valgrind:valgrind texlive-latex-extra
texlive-xetex:xelatex texlive-luatex:lualatex lmodern
texlive-fonts-recommended
libxml2-utils:xmllint unzip:unzip poppler-utils:pdftoppm time:/usr/bin/time
libreoffice-writer-nogui:soffice epubcheck default-jre-headless:java
chromium:chromium python3:python3 python3-docutils:rst2html5
asciidoctor:asciidoctor docbook5-xml clang:clang"
[ "${1:-}" = demo ] && PKGS="$PKGS fonts-noto-cjk texlive-lang-cjk
	texlive-lang-chinese"

missing=
for entry in $PKGS; do
	p=${entry%%:*}
	c=${entry#*:}
	if [ "$c" != "$entry" ] && command -v "$c" >/dev/null 2>&1; then
		continue
	fi
	if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
		grep -q '^install ok installed$'; then
		missing="$missing $p"
	fi
done

if [ -n "$missing" ]; then
	echo "deps: installing:$missing"
	if [ "$(id -u)" = 0 ]; then
		SUDO=
	elif command -v sudo >/dev/null 2>&1; then
		SUDO=sudo
	else
		echo "deps: run as root, or install:$missing" >&2
		exit 1
	fi
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -qq
	# shellcheck disable=SC2086
	$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# Every package package.json names, installed?  (--ignore-scripts: vnu-jar's
# install script would fetch a Java of its own; Debian's is used.)
# shellcheck disable=SC2016 # JavaScript, not shell
if ! node -e '
	const d = require("./package.json").devDependencies;
	for (const m of Object.keys(d))
		require("fs").accessSync(`node_modules/${m}/package.json`);
' 2>/dev/null; then
	echo "deps: installing the npm packages of package.json into node_modules"
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi
