/*
 * dm.c - the multi-call program: `dm` runs a chain of filters in one
 * process; called as `dm-NAME` (a link), it runs filter NAME alone.
 */
#include "filters.h"

static const dm_filter *const filters[] = {
	&dm_check_filter,
	&dm_callouts_filter,
	&dm_credits_filter,
	NULL
};

int main(int argc, char **argv)
{
	return dm_main(argc, argv, filters, "callouts,credits");
}
