/*
 * dm.c - the multi-call program: `dm` runs a chain of filters in one
 * process; called as `dm-NAME` (a link), it runs filter NAME alone.
 */
#include "filters.h"

int main(int argc, char **argv)
{
	return dm_main(argc, argv, dmf_filters, dmf_chain);
}
