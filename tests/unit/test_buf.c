/*
 * test_buf.c - the growable buffer (src/buf.c).
 */
#include <string.h>

#include "suites.h"

START_TEST(empty_buffer)
{
	dm_buf b = {0};
	char *s;

	ck_assert_str_eq(dm_buf_str(&b), "");
	ck_assert_uint_eq(b.len, 0);
	/* take on a buffer that never held anything: "" the caller frees */
	s = dm_buf_take(&b);
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s, "");
	free(s);
	ck_assert_ptr_null(b.data);
	dm_buf_free(&b); /* freeing an empty buffer is fine */
	ck_assert_ptr_null(b.data);
}
END_TEST

START_TEST(add_puts_putc)
{
	dm_buf b = {0};

	ck_assert_int_eq(dm_buf_add(&b, "", 0), 0);
	ck_assert_str_eq(dm_buf_str(&b), "");
	ck_assert_int_eq(dm_buf_puts(&b, "ab"), 0);
	ck_assert_int_eq(dm_buf_putc(&b, 'c'), 0);
	ck_assert_int_eq(dm_buf_add(&b, "dexxx", 2), 0);
	ck_assert_str_eq(dm_buf_str(&b), "abcde");
	ck_assert_uint_eq(b.len, 5);
	ck_assert_uint_gt(b.cap, b.len);
	/* bytes after a NUL are kept: len counts them */
	ck_assert_int_eq(dm_buf_add(&b, "f\0g", 3), 0);
	ck_assert_uint_eq(b.len, 8);
	ck_assert_int_eq(memcmp(b.data, "abcdef\0g", 9), 0);
	dm_buf_free(&b);
	ck_assert_ptr_null(b.data);
	ck_assert_uint_eq(b.len, 0);
	ck_assert_uint_eq(b.cap, 0);
}
END_TEST

/* Many small appends, then one append larger than everything so far. */
/* A failed add is remembered: later adds fail and change nothing, take
 * gives NULL, and free makes the buffer usable again. */
START_TEST(failure_is_sticky)
{
	dm_buf b = {0};

	ck_assert_int_eq(dm_buf_puts(&b, "ab"), 0);
	ck_assert(!dm_buf_failed(&b));
	ck_assert_int_eq(dm_buf_add(&b, "x", (size_t)-1), -1);
	ck_assert(dm_buf_failed(&b));
	ck_assert_int_eq(dm_buf_puts(&b, "cd"), -1);
	ck_assert_int_eq(dm_buf_putc(&b, 'e'), -1);
	ck_assert_int_eq(dm_buf_printf(&b, "%d", 1), -1);
	ck_assert_str_eq(dm_buf_str(&b), "ab"); /* unchanged */
	ck_assert_ptr_null(dm_buf_take(&b));
	ck_assert(!dm_buf_failed(&b)); /* take emptied it */
	ck_assert_int_eq(dm_buf_add(&b, "x", (size_t)-1), -1);
	dm_buf_free(&b);
	ck_assert(!dm_buf_failed(&b));
	ck_assert_int_eq(dm_buf_puts(&b, "ok"), 0);
	ck_assert_str_eq(dm_buf_str(&b), "ok");
	dm_buf_free(&b);
}
END_TEST

START_TEST(growth)
{
	dm_buf b = {0};
	size_t i, big = 3 * 1024 * 1024 + 17;
	char *chunk = malloc(big);

	ck_assert_ptr_nonnull(chunk);
	for (i = 0; i < 100000; i++)
		ck_assert_int_eq(dm_buf_putc(&b, (char)('a' + i % 26)), 0);
	ck_assert_uint_eq(b.len, 100000);
	for (i = 0; i < 100000; i++)
		ck_assert_int_eq(b.data[i], 'a' + (int)(i % 26));
	memset(chunk, 'Z', big);
	ck_assert_int_eq(dm_buf_add(&b, chunk, big), 0);
	ck_assert_uint_eq(b.len, 100000 + big);
	ck_assert_uint_ge(b.cap, b.len + 1);
	ck_assert_int_eq(b.data[99999], 'a' + 99999 % 26);
	ck_assert_int_eq(b.data[100000], 'Z');
	ck_assert_int_eq(b.data[b.len - 1], 'Z');
	ck_assert_int_eq(b.data[b.len], '\0');
	ck_assert_uint_eq(strlen(dm_buf_str(&b)), b.len);
	free(chunk);
	dm_buf_free(&b);
}
END_TEST

START_TEST(printf_formats_and_grows)
{
	dm_buf b = {0};
	char want[2048];
	size_t i;

	ck_assert_int_eq(dm_buf_printf(&b, "%d-%s-%zu", -42, "x", (size_t)7),
	                 0);
	ck_assert_str_eq(dm_buf_str(&b), "-42-x-7");
	/* appends; longer than the first allocation */
	ck_assert_int_eq(dm_buf_printf(&b, "[%1000d]", 5), 0);
	ck_assert_uint_eq(b.len, 7 + 1002);
	ck_assert_int_eq(b.data[7], '[');
	ck_assert_int_eq(b.data[1007], '5');
	ck_assert_int_eq(b.data[1008], ']');
	ck_assert_int_eq(b.data[1009], '\0');
	dm_buf_free(&b);

	for (i = 0; i < 1500; i++)
		want[i] = (char)('0' + i % 10);
	want[1500] = '\0';
	ck_assert_int_eq(dm_buf_puts(&b, "<"), 0);
	ck_assert_int_eq(dm_buf_printf(&b, "%s>", want), 0);
	ck_assert_uint_eq(b.len, 1502);
	ck_assert_int_eq(strncmp(b.data + 1, want, 1500), 0);
	ck_assert_str_eq(b.data + 1501, ">");
	/* an empty expansion changes nothing */
	ck_assert_int_eq(dm_buf_printf(&b, "%s", ""), 0);
	ck_assert_uint_eq(b.len, 1502);
	dm_buf_free(&b);
}
END_TEST

START_TEST(take_hands_over)
{
	dm_buf b = {0};
	char *s;

	dm_buf_puts(&b, "hello");
	s = dm_buf_take(&b);
	ck_assert_str_eq(s, "hello");
	ck_assert_ptr_null(b.data);
	ck_assert_uint_eq(b.len, 0);
	ck_assert_uint_eq(b.cap, 0);
	ck_assert_str_eq(dm_buf_str(&b), "");
	/* the emptied buffer is usable again and independent of s */
	dm_buf_puts(&b, "again");
	ck_assert_str_eq(dm_buf_str(&b), "again");
	ck_assert_str_eq(s, "hello");
	free(s);
	dm_buf_free(&b);
}
END_TEST

Suite *buf_suite(void)
{
	Suite *s = suite_create("buf");
	TCase *tc = tcase_create("buf");

	tcase_add_test(tc, empty_buffer);
	tcase_add_test(tc, add_puts_putc);
	tcase_add_test(tc, growth);
	tcase_add_test(tc, failure_is_sticky);
	tcase_add_test(tc, printf_formats_and_grows);
	tcase_add_test(tc, take_hands_over);
	suite_add_tcase(s, tc);
	return s;
}
