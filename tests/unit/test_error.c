/*
 * test_error.c - errors and JSON paths for messages (src/error.c).
 */
#include <string.h>

#include "internal.h"
#include "suites.h"

START_TEST(clear_and_set)
{
	dm_error err;

	memset(&err, 'x', sizeof err);
	dm_error_clear(&err);
	ck_assert_int_eq(err.code, DM_OK);
	ck_assert_str_eq(err.what, "");
	ck_assert_str_eq(err.where, "");
	ck_assert(!dm_error_is_set(&err));

	ck_assert_int_eq(dm_error_set(&err, DM_EINPUT, "blocks[3].c[1]",
	                              "bad %s %d", "thing", 7), -1);
	ck_assert(dm_error_is_set(&err));
	ck_assert_int_eq(err.code, DM_EINPUT);
	ck_assert_str_eq(err.what, "bad thing 7");
	ck_assert_str_eq(err.where, "blocks[3].c[1]");

	dm_error_clear(&err);
	ck_assert(!dm_error_is_set(&err));
	ck_assert_int_eq(dm_error_set(&err, DM_EIO, NULL, "no where"), -1);
	ck_assert_str_eq(err.where, "");
	ck_assert_str_eq(err.what, "no where");
	/* a NULL error is allowed and still returns -1 */
	ck_assert_int_eq(dm_error_set(NULL, DM_EIO, NULL, "ignored"), -1);
}
END_TEST

START_TEST(first_error_wins)
{
	dm_error err;

	dm_error_clear(&err);
	dm_error_set(&err, DM_EOPTION, "meta.a", "first");
	ck_assert_int_eq(dm_error_set(&err, DM_EIO, "elsewhere", "second"),
	                 -1);
	ck_assert_int_eq(err.code, DM_EOPTION);
	ck_assert_str_eq(err.what, "first");
	ck_assert_str_eq(err.where, "meta.a");
}
END_TEST

START_TEST(long_messages_truncate)
{
	dm_error err;
	char big[2000];

	memset(big, 'w', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	dm_error_clear(&err);
	dm_error_set(&err, DM_EFAIL, big, "%s", big);
	ck_assert_uint_eq(strlen(err.what), sizeof err.what - 1);
	ck_assert_uint_eq(strlen(err.where), sizeof err.where - 1);
}
END_TEST

START_TEST(exit_status)
{
	static const struct {
		dm_error_code code;
		int status;
	} cases[] = {
		{DM_OK, 0},     {DM_EINPUT, 1}, {DM_EOPTION, 1}, {DM_EIO, 1},
		{DM_EFAIL, 1},  {DM_EUSAGE, 2}, {DM_ENOMEM, 1},
	};
	dm_error err;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		dm_error_clear(&err);
		err.code = cases[i].code;
		ck_assert_msg(dm_error_exit_status(&err) == cases[i].status,
		              "code %d: status %d, want %d", cases[i].code,
		              dm_error_exit_status(&err), cases[i].status);
	}
}
END_TEST

/* The paths in messages: keys after dots, indices in brackets, odd keys
 * quoted, a prefix first. */
START_TEST(path_format)
{
	dm_path p = {NULL, 0, 0, NULL, 0};
	char buf[256];
	size_t i;

	dmp_path_format(&p, buf, sizeof buf);
	ck_assert_str_eq(buf, "");
	dmp_path_push_key(&p, "meta");
	dmp_path_push_key(&p, "dm-callouts");
	dmp_path_push_key(&p, "c");
	dmp_path_push_key(&p, "my key");
	dmp_path_push_index(&p, 3);
	dmp_path_format(&p, buf, sizeof buf);
	ck_assert_str_eq(buf, "meta.dm-callouts.c[\"my key\"][3]");
	dmp_path_pop(&p);
	dmp_path_pop(&p);
	dmp_path_push_key(&p, "a.b");
	dmp_path_format(&p, buf, sizeof buf);
	ck_assert_str_eq(buf, "meta.dm-callouts.c[\"a.b\"]");
	dmp_path_free(&p);

	p.prefix = "blocks";
	dmp_path_push_index(&p, 0);
	dmp_path_push_key(&p, "c");
	dmp_path_push_index(&p, 1);
	dmp_path_set_index(&p, 2);
	dmp_path_format(&p, buf, sizeof buf);
	ck_assert_str_eq(buf, "blocks[0].c[2]");
	/* truncated to the buffer, still terminated */
	dmp_path_format(&p, buf, 8);
	ck_assert_str_eq(buf, "blocks[");
	dmp_path_free(&p);

	/* deep paths grow the segment stack */
	p.prefix = NULL;
	for (i = 0; i < 1000; i++)
		ck_assert_int_eq(dmp_path_push_index(&p, i), 0);
	ck_assert_uint_eq(p.len, 1000);
	dmp_path_format(&p, buf, sizeof buf);
	ck_assert_int_eq(strncmp(buf, "[0][1][2][3]", 12), 0);
	ck_assert_uint_eq(strlen(buf), sizeof buf - 1);
	dmp_path_free(&p);
}
END_TEST

Suite *error_suite(void)
{
	Suite *s = suite_create("error");
	TCase *tc = tcase_create("error");

	tcase_add_test(tc, clear_and_set);
	tcase_add_test(tc, first_error_wins);
	tcase_add_test(tc, long_messages_truncate);
	tcase_add_test(tc, exit_status);
	tcase_add_test(tc, path_format);
	suite_add_tcase(s, tc);
	return s;
}
