/*
 * test_doc.c - reading, checking and writing documents (src/doc.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "suites.h"

/* Loads `in`, which must load, and checks that dumping gives it back. */
static void round_trip(const char *in, int minor)
{
	dm_error err;
	dm_doc *doc = t_load(in);
	size_t len = 0;
	char *out;

	ck_assert_int_eq(dm_doc_api_minor(doc), minor);
	dm_error_clear(&err);
	out = dm_doc_dump(doc, &len, &err);
	ck_assert_ptr_nonnull(out);
	ck_assert_uint_eq(len, strlen(in));
	ck_assert_str_eq(out, in);
	free(out);
	dm_doc_free(doc);
}

START_TEST(versions_echoed)
{
	round_trip("{\"pandoc-api-version\":[1,22],\"meta\":{},\"blocks\":[]}",
	           22);
	round_trip("{\"pandoc-api-version\":[1,22,2,1],\"meta\":{},"
	           "\"blocks\":[]}", 22);
	round_trip("{\"pandoc-api-version\":[1,23],\"meta\":{},\"blocks\":[]}",
	           23);
	round_trip("{\"pandoc-api-version\":[1,23,1,2],\"meta\":{},"
	           "\"blocks\":[]}", 23);
	round_trip("{\"pandoc-api-version\":[1,23,0,5,9],\"meta\":{},"
	           "\"blocks\":[]}", 23);
	/* integers written as reals, as pandoc reads them */
	round_trip("{\"pandoc-api-version\":[1.0,22.0,2],\"meta\":{},"
	           "\"blocks\":[]}", 22);
}
END_TEST

/* A compact document with every kind of JSON value but floats: dumping it
 * gives the same bytes (key order, escapes and UTF-8 kept). */
START_TEST(dump_byte_equal)
{
	static const char in[] =
		"{\"pandoc-api-version\":[1,23,1,2],\"meta\":{\"title\":{\"t\":"
		"\"MetaInlines\",\"c\":[{\"t\":\"Str\",\"c\":\"\xc3\x9cn\xc3"
		"\xaf" "c\xc3\xb6" "d\xc3\xa9 \xf0\x9f\x98\x80\"}]},\"draft\":{"
		"\"t\":\"MetaBool\",\"c\":false},\"z\":{\"t\":\"MetaString\","
		"\"c\":\"q\\\"b\\\\s\\n\\t/<>&\"}},\"blocks\":[{"
		"\"t\":\"Header\",\"c\":[2,[\"h\",[\"a\",\"b\"],[[\"k\","
		"\"v\"]]],[{\"t\":\"Str\",\"c\":\"H\"}]]},{\"t\":\"Para\","
		"\"c\":[{\"t\":\"Emph\",\"c\":[{\"t\":\"Str\",\"c\":\"x\"}]},"
		"{\"t\":\"Space\"},{\"t\":\"Math\",\"c\":[{\"t\":"
		"\"InlineMath\"},\"a^2\"]},{\"t\":\"Link\",\"c\":[[\"\",[],[]],"
		"[{\"t\":\"Str\",\"c\":\"l\"}],[\"http://x?a=1&b\","
		"\"\"]]}]},{\"t\":\"HorizontalRule\"},{\"t\":\"OrderedList\","
		"\"c\":[[3,{\"t\":\"Decimal\"},{\"t\":\"Period\"}],[[{\"t\":"
		"\"Plain\",\"c\":[{\"t\":\"Str\",\"c\":\"i\"}]}]]]}]}";

	round_trip(in, 23);
}
END_TEST

/* pandoc's own output without floats comes back byte for byte. */
START_TEST(dump_corpus_byte_equal)
{
	static const char *const files[] = {
		"api1.22/testsuite.json", "api1.23/testsuite.json",
		"api1.22/markdown-citations.json",
		"api1.23/meta-all-kinds.json",
	};
	size_t len;
	char *in = t_read_file(t_corpus(files[_i]), &len);

	/* pandoc -t json ends with a newline; a filter sees none */
	while (len > 0 && in[len - 1] == '\n')
		in[--len] = '\0';
	ck_assert_ptr_null(strstr(in, "ColWidth\","));
	round_trip(in, _i % 2 == 0 ? 22 : 23);
	free(in);
}
END_TEST

/* Every document of the corpus loads, under the version it carries. */
START_TEST(corpus_loads)
{
	static const char *const files[] = {
		"api1.22/lhs-test.json", "api1.22/markdown-reader-more.json",
		"api1.22/pipe-tables.json", "api1.22/tables.json",
		"api1.22/writer.json", "api1.22/meta-all-kinds.json",
		"api1.23/asciidoc-reader.json", "api1.23/djot-reader.json",
		"api1.23/docbook-reader.json",
		"api1.23/docx-table_header_rowspan.json",
		"api1.23/docx-zotero_citations_plus.json",
		"api1.23/epub-features.json", "api1.23/epub-formatting.json",
		"api1.23/html-reader.json", "api1.23/jats-reader.json",
		"api1.23/latex-reader.json", "api1.23/man-reader.json",
		"api1.23/mediawiki-reader.json", "api1.23/rst-reader.json",
		"api1.23/rtf-table_nested.json", "api1.23/tables-planets.json",
		"api1.23/tables-rstsubset.json", "api1.23/tables.json",
		"api1.23/textile-reader.json", "api1.23/typst-reader.json",
		"api1.23/writer.json",
	};
	size_t i, len;

	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		char *in = t_read_file(t_corpus(files[i]), &len);
		dm_error err;
		dm_doc *doc;

		dm_error_clear(&err);
		doc = dm_doc_load(in, len, &err);
		ck_assert_msg(doc != NULL, "%s: %s: %s", files[i], err.what,
		              err.where);
		ck_assert_int_eq(dm_doc_api_minor(doc),
		                 strncmp(files[i], "api1.22", 7) ? 23 : 22);
		dm_doc_free(doc);
		free(in);
	}
}
END_TEST

START_TEST(accessors)
{
	dm_doc *doc = t_load("{\"pandoc-api-version\":[1,22,2,1],\"meta\":"
	                     "{\"a\":{\"t\":\"MetaBool\",\"c\":true}},"
	                     "\"blocks\":[{\"t\":\"Null\"}]}");

	ck_assert(json_is_object(dm_doc_meta(doc)));
	ck_assert_uint_eq(json_object_size(dm_doc_meta(doc)), 1);
	ck_assert(json_is_array(dm_doc_blocks(doc)));
	ck_assert_uint_eq(json_array_size(dm_doc_blocks(doc)), 1);
	ck_assert(dm_is(json_array_get(dm_doc_blocks(doc), 0), "Null"));
	dm_doc_free(doc);
	dm_doc_free(NULL);
}
END_TEST

/* A refusal: the document, the code, a piece of the message, `where`. */
static const struct {
	const char *in;
	const char *what;
	const char *where;
} refusals[] = {
	{"[]", "expected a JSON object at the top level", ""},
	{"[1,2,3]", "expected a JSON object at the top level", ""},
	{"[{\"unMeta\":{}},[]]", "before 1.18", ""},
	{"42", "expected a JSON object at the top level", ""},
	{"\"doc\"", "expected a JSON object at the top level", ""},
	{"null", "expected a JSON object at the top level", ""},
	{"{}", "expected an object with \"pandoc-api-version\", \"meta\" "
	       "and \"blocks\"", ""},
	{"{\"meta\":{},\"blocks\":[]}", "missing \"pandoc-api-version\" "
	 "(supported: 1.22 (pandoc 2.17) and 1.23 (pandoc 3))", ""},
	{"{\"pandoc-api-version\":[1,23],\"blocks\":[]}",
	 "not a pandoc document: missing \"meta\"", ""},
	{"{\"pandoc-api-version\":[1,23],\"meta\":[],\"blocks\":[]}",
	 "\"meta\" must be an object", "meta"},
	{"{\"pandoc-api-version\":[1,23],\"meta\":null,\"blocks\":[]}",
	 "\"meta\" must be an object", "meta"},
	{"{\"pandoc-api-version\":[1,23],\"meta\":{}}",
	 "not a pandoc document: missing \"blocks\"", ""},
	{"{\"pandoc-api-version\":[1,23],\"meta\":{},\"blocks\":{}}",
	 "\"blocks\" must be an array", "blocks"},
	{"{\"pandoc-api-version\":[1,23],\"meta\":{},\"blocks\":\"x\"}",
	 "\"blocks\" must be an array", "blocks"},
	{"{\"pandoc-api-version\":[1,21],\"meta\":{},\"blocks\":[]}",
	 "unsupported pandoc-api-version 1.21 (supported: 1.22 (pandoc "
	 "2.17) and 1.23 (pandoc 3))", "pandoc-api-version"},
	{"{\"pandoc-api-version\":[1,21,1],\"meta\":{},\"blocks\":[]}",
	 "unsupported pandoc-api-version 1.21.1 ", "pandoc-api-version"},
	{"{\"pandoc-api-version\":[1,24],\"meta\":{},\"blocks\":[]}",
	 "unsupported pandoc-api-version 1.24 ", "pandoc-api-version"},
	{"{\"pandoc-api-version\":[2,0],\"meta\":{},\"blocks\":[]}",
	 "unsupported pandoc-api-version 2.0 ", "pandoc-api-version"},
	{"{\"pandoc-api-version\":[2,23],\"meta\":{},\"blocks\":[]}",
	 "unsupported pandoc-api-version 2.23 ", "pandoc-api-version"},
	{"{\"pandoc-api-version\":[0,23],\"meta\":{},\"blocks\":[]}",
	 "unsupported pandoc-api-version 0.23 ", "pandoc-api-version"},
	{"{\"pandoc-api-version\":[1],\"meta\":{},\"blocks\":[]}",
	 "malformed pandoc-api-version", "pandoc-api-version"},
	{"{\"pandoc-api-version\":[],\"meta\":{},\"blocks\":[]}",
	 "malformed pandoc-api-version", "pandoc-api-version"},
	{"{\"pandoc-api-version\":\"1.23\",\"meta\":{},\"blocks\":[]}",
	 "malformed pandoc-api-version", "pandoc-api-version"},
	{"{\"pandoc-api-version\":[\"1\",\"23\"],\"meta\":{},\"blocks\":[]}",
	 "malformed pandoc-api-version", "pandoc-api-version"},
	{"{\"pandoc-api-version\":[1,23,\"1\"],\"meta\":{},\"blocks\":[]}",
	 "malformed pandoc-api-version", "pandoc-api-version"},
	{"{\"pandoc-api-version\":[1,22.5],\"meta\":{},\"blocks\":[]}",
	 "malformed pandoc-api-version", "pandoc-api-version"},
	{"{\"pandoc-api-version\":[1,24.0],\"meta\":{},\"blocks\":[]}",
	 "unsupported pandoc-api-version 1.24 ", "pandoc-api-version"},
	{"{\"pandoc-api-version\":123,\"meta\":{},\"blocks\":[]}",
	 "malformed pandoc-api-version", "pandoc-api-version"},
	{"{\"pandoc-api-version\":{\"1\":23},\"meta\":{},\"blocks\":[]}",
	 "malformed pandoc-api-version", "pandoc-api-version"},
	/* the top level is checked before the nodes */
	{"{\"pandoc-api-version\":[1,24],\"meta\":{},\"blocks\":[1]}",
	 "unsupported pandoc-api-version 1.24 ", "pandoc-api-version"},
	{"{\"pandoc-api-version\":[1,23],\"meta\":{},\"blocks\":[1]}",
	 "not a valid pandoc document: expected a Block object", "blocks[0]"},
	{"{\"pandoc-api-version\":[1,23],\"meta\":{\"k\":1},\"blocks\":[]}",
	 "not a valid pandoc document: expected a MetaValue object",
	 "meta.k"},
	/* JSON syntax */
	{"{\"pandoc-api-version\":[1,23],", "invalid JSON: ",
	 "line 1, column 29"},
	{"{\"a\":1}\n{", "invalid JSON: end of file expected",
	 "line 2, column 1"},
	{"", "empty input: expected a pandoc JSON document", ""},
	{" \n\t ", "empty input", ""},
};

START_TEST(refused)
{
	dm_error err;

	ck_assert_int_eq(t_refuse(refusals[_i].in, &err), DM_EINPUT);
	ck_assert_msg(strstr(err.what, refusals[_i].what) != NULL,
	              "%s\nmessage: %s\nwant: %s", refusals[_i].in, err.what,
	              refusals[_i].what);
	ck_assert_str_eq(err.where, refusals[_i].where);
	ck_assert_msg(strncmp(err.what, "not a ", 6) == 0 ||
	              strncmp(err.what, "unsupported ", 12) == 0 ||
	              strncmp(err.what, "malformed ", 10) == 0 ||
	              strncmp(err.what, "invalid JSON", 12) == 0 ||
	              strncmp(err.what, "empty input", 11) == 0,
	              "unexpected message: %s", err.what);
}
END_TEST

START_TEST(too_deep)
{
	dm_error err;
	dm_buf b = {0};
	int i;

	dm_buf_puts(&b, "{\"pandoc-api-version\":[1,23],\"meta\":{},"
	                "\"blocks\":");
	for (i = 0; i < 3000; i++)
		dm_buf_putc(&b, '[');
	ck_assert_int_eq(t_refuse(dm_buf_str(&b), &err), DM_EINPUT);
	ck_assert_ptr_nonnull(strstr(err.what, "nested too deeply"));
	ck_assert_int_eq(strncmp(err.where, "line 1, column ", 15), 0);
	dm_buf_free(&b);
}
END_TEST

/* The length is honoured: the buffer need not end in NUL. */
START_TEST(load_uses_length)
{
	static const char in[] = "{\"pandoc-api-version\":[1,23],\"meta\":{},"
	                         "\"blocks\":[]}garbage";
	dm_error err;
	dm_doc *doc;

	dm_error_clear(&err);
	doc = dm_doc_load(in, strlen(in) - 7, &err);
	ck_assert_msg(doc != NULL, "%s", err.what);
	dm_doc_free(doc);
	doc = dm_doc_load(in, strlen(in), &err);
	ck_assert_ptr_null(doc);
	ck_assert_int_eq(err.code, DM_EINPUT);
}
END_TEST

/* U+0000 inside a string is accepted (pandoc writes it) and kept. */
START_TEST(nul_in_string)
{
	static const char in[] =
		"{\"pandoc-api-version\":[1,23,1,2],\"meta\":{},\"blocks\":["
		"{\"t\":\"Para\",\"c\":[{\"t\":\"Str\",\"c\":"
		"\"a\\u0000b\"}]}]}";
	dm_error err;
	dm_doc *doc = t_load(in);
	json_t *str = json_array_get(
	        dm_content(json_array_get(dm_doc_blocks(doc), 0)), 0);
	size_t len;
	char *out;

	ck_assert_uint_eq(json_string_length(dm_content(str)), 3);
	ck_assert_int_eq(memcmp(json_string_value(dm_content(str)), "a\0b", 4),
	                 0);
	dm_error_clear(&err);
	out = dm_doc_dump(doc, &len, &err);
	ck_assert_ptr_nonnull(out);
	ck_assert_str_eq(out, in);
	free(out);
	dm_doc_free(doc);
}
END_TEST

static const char small_doc[] =
	"{\"pandoc-api-version\":[1,22,2,1],\"meta\":{},\"blocks\":[{\"t\":"
	"\"Para\",\"c\":[{\"t\":\"Str\",\"c\":\"hello\"}]}]}";

static bool fd_is_open(int fd)
{
	return fcntl(fd, F_GETFD) != -1 || errno != EBADF;
}

START_TEST(write_to_pipe)
{
	dm_doc *doc = t_load(small_doc);
	dm_error err;
	char got[sizeof small_doc + 16];
	ssize_t n, total = 0;
	int p[2];

	ck_assert_int_eq(pipe(p), 0);
	dm_error_clear(&err);
	ck_assert_int_eq(dm_doc_write_fd(doc, p[1], &err), 0);
	ck_assert_int_eq(err.code, DM_OK);
	ck_assert_msg(!fd_is_open(p[1]), "the write end was not closed");
	while ((n = read(p[0], got + total, sizeof got - 1 - (size_t)total)) >
	       0)
		total += n;
	ck_assert_int_eq(n, 0); /* EOF: the writer closed its end */
	got[total] = '\0';
	ck_assert_str_eq(got, small_doc);
	close(p[0]);
	dm_doc_free(doc);
}
END_TEST

/* A document larger than a pipe's buffer, read back by a child. */
START_TEST(write_large_to_pipe)
{
	dm_buf b = {0};
	dm_doc *doc;
	dm_error err;
	char *want, *got;
	size_t want_len, got_len = 0;
	ssize_t n;
	int p[2], i;
	pid_t pid;

	dm_buf_puts(&b, "{\"pandoc-api-version\":[1,23],\"meta\":{},"
	                "\"blocks\":[");
	for (i = 0; i < 20000; i++)
		dm_buf_printf(&b, "%s{\"t\":\"Para\",\"c\":[{\"t\":\"Str\","
		                  "\"c\":\"word%d\"}]}", i ? "," : "", i);
	dm_buf_puts(&b, "]}");
	doc = t_load(dm_buf_str(&b));
	want_len = b.len;
	want = dm_buf_take(&b);
	ck_assert_uint_gt(want_len, 1 << 19);

	ck_assert_int_eq(pipe(p), 0);
	pid = fork();
	ck_assert_int_ne(pid, -1);
	if (pid == 0) {
		close(p[0]);
		dm_error_clear(&err);
		_exit(dm_doc_write_fd(doc, p[1], &err) == 0 ? 0 : 1);
	}
	close(p[1]);
	got = malloc(want_len + 1);
	ck_assert_ptr_nonnull(got);
	while ((n = read(p[0], got + got_len, want_len + 1 - got_len)) > 0)
		got_len += (size_t)n;
	close(p[0]);
	ck_assert_uint_eq(got_len, want_len);
	ck_assert_int_eq(memcmp(got, want, want_len), 0);
	{
		int status;
		ck_assert_int_eq(waitpid(pid, &status, 0), pid);
		ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	free(got);
	free(want);
	dm_doc_free(doc);
}
END_TEST

START_TEST(write_to_full_disk)
{
	dm_doc *doc = t_load(small_doc);
	dm_error err;
	int fd = open("/dev/full", O_WRONLY);

	ck_assert_int_ge(fd, 0);
	dm_error_clear(&err);
	ck_assert_int_eq(dm_doc_write_fd(doc, fd, &err), -1);
	ck_assert_int_eq(err.code, DM_EIO);
	ck_assert_str_eq(err.what, "cannot write output: No space left on "
	                           "device");
	if (fd_is_open(fd))
		close(fd);
	dm_doc_free(doc);
}
END_TEST

START_TEST(write_to_closed_pipe)
{
	dm_doc *doc = t_load(small_doc);
	dm_error err;
	int p[2];

	signal(SIGPIPE, SIG_IGN);
	ck_assert_int_eq(pipe(p), 0);
	close(p[0]);
	dm_error_clear(&err);
	ck_assert_int_eq(dm_doc_write_fd(doc, p[1], &err), -1);
	ck_assert_int_eq(err.code, DM_EIO);
	ck_assert_str_eq(err.what, "cannot write output: Broken pipe");
	if (fd_is_open(p[1]))
		close(p[1]);
	dm_doc_free(doc);
}
END_TEST

START_TEST(write_to_bad_fd)
{
	dm_doc *doc = t_load(small_doc);
	dm_error err;

	dm_error_clear(&err);
	ck_assert_int_eq(dm_doc_write_fd(doc, -1, &err), -1);
	ck_assert_int_eq(err.code, DM_EIO);
	ck_assert_str_eq(err.what, "cannot write output: Bad file descriptor");
	dm_doc_free(doc);
}
END_TEST

START_TEST(read_from_pipe_and_file)
{
	dm_error err;
	dm_doc *doc;
	char path[] = "/tmp/dm-unit-XXXXXX";
	int p[2], fd;

	ck_assert_int_eq(pipe(p), 0);
	ck_assert_int_eq(write(p[1], small_doc, strlen(small_doc)),
	                 (ssize_t)strlen(small_doc));
	close(p[1]);
	dm_error_clear(&err);
	doc = dm_doc_read_fd(p[0], &err);
	ck_assert_msg(doc != NULL, "%s", err.what);
	close(p[0]);
	ck_assert_int_eq(dm_doc_api_minor(doc), 22);
	ck_assert_uint_eq(json_array_size(dm_doc_blocks(doc)), 1);
	dm_doc_free(doc);

	/* a regular file: its size is known in advance */
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	unlink(path);
	ck_assert_int_eq(write(fd, small_doc, strlen(small_doc)),
	                 (ssize_t)strlen(small_doc));
	lseek(fd, 0, SEEK_SET);
	doc = dm_doc_read_fd(fd, &err);
	ck_assert_msg(doc != NULL, "%s", err.what);
	dm_doc_free(doc);
	close(fd);

	/* an empty pipe: a message, not a crash */
	ck_assert_int_eq(pipe(p), 0);
	close(p[1]);
	ck_assert_ptr_null(dm_doc_read_fd(p[0], &err));
	ck_assert_int_eq(err.code, DM_EINPUT);
	ck_assert_ptr_nonnull(strstr(err.what, "empty input"));
	close(p[0]);

	/* a bad descriptor: an I/O error */
	dm_error_clear(&err);
	ck_assert_ptr_null(dm_doc_read_fd(-1, &err));
	ck_assert_int_eq(err.code, DM_EIO);
	ck_assert_str_eq(err.what, "cannot read input: Bad file descriptor");
}
END_TEST

Suite *doc_suite(void)
{
	Suite *s = suite_create("doc");
	TCase *tc = tcase_create("load");
	TCase *io = tcase_create("io");

	tcase_add_test(tc, versions_echoed);
	tcase_add_test(tc, dump_byte_equal);
	tcase_add_loop_test(tc, dump_corpus_byte_equal, 0, 4);
	tcase_add_test(tc, corpus_loads);
	tcase_add_test(tc, accessors);
	tcase_add_loop_test(tc, refused, 0,
	                    (int)(sizeof refusals / sizeof refusals[0]));
	tcase_add_test(tc, too_deep);
	tcase_add_test(tc, load_uses_length);
	tcase_add_test(tc, nul_in_string);
	suite_add_tcase(s, tc);

	tcase_add_test(io, write_to_pipe);
	tcase_add_test(io, write_large_to_pipe);
	tcase_add_test(io, write_to_full_disk);
	tcase_add_test(io, write_to_closed_pipe);
	tcase_add_test(io, write_to_bad_fd);
	tcase_add_test(io, read_from_pipe_and_file);
	suite_add_tcase(s, io);
	return s;
}
