# tests/render/render.mk - the real-renderer tests, for the Makefile to
# include.
#
#   make test-render           tests/render/run.sh: docx and odt through
#                              LibreOffice (the boxes seen in the page
#                              pictures), EPUB 2 and 3 through epubcheck and
#                              Chromium, HTML through vnu, axe-core and
#                              Chromium's print, Typst through its compiler
#   make test-render SAN=1     the same with the ASan+UBSan build

.PHONY: test-render

test-render: all
	@sh tests/render/run.sh $(BUILD)
