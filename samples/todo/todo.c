/*
 * todo.c - a pandoc filter written against the installed dmfilters
 * library: paragraphs that begin with "TODO:" become warning boxes, so
 * that an editor sees them in every draft; `drop` takes them out of a
 * published version, and `strict` fails the build while any is left.
 *
 *   cc -o todo todo.c $(pkg-config --cflags --libs dm)
 *   pandoc draft.md --filter ./todo --filter dm-callouts -o draft.html
 *   pandoc final.md --filter ./todo -M todo.strict -o final.pdf
 *
 * Each TODO paragraph becomes a Div of class "warning" titled "To do"
 * (the title is the option `title`): dm-callouts renders it as a warning
 * box in every output format, and without it pandoc writes a plain div.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <dm.h>

typedef struct todo {
	bool drop;      /* remove TODO paragraphs */
	bool strict;    /* fail while any is left */
	char *marker;   /* what a TODO paragraph begins with */
	char *title;    /* the title of its box */
	size_t count;   /* TODO paragraphs seen */
	char first[256]; /* where the first one is, for the message */
} todo;

static const dm_option_spec options[] = {
	{"marker", DM_OPT_STRING, offsetof(todo, marker), "TODO:", NULL,
	 "what a to-do paragraph begins with", NULL, NULL},
	{"title", DM_OPT_STRING, offsetof(todo, title), "To do", NULL,
	 "the title of its box", NULL, NULL},
	{"drop", DM_OPT_BOOL, offsetof(todo, drop), "false", NULL,
	 "remove to-do paragraphs (for the published version)", NULL, NULL},
	{"strict", DM_OPT_BOOL, offsetof(todo, strict), "false", NULL,
	 "fail while a to-do paragraph is left", NULL, NULL},
	{NULL, DM_OPT_BOOL, 0, NULL, NULL, NULL, NULL, NULL},
};

static int start(dm_ctx *ctx)
{
	todo *t = calloc(1, sizeof *t);

	if (t == NULL)
		return dm_nomem(ctx->err);
	ctx->state = t;
	return dm_options_read(ctx, "todo", options, t);
}

/* True when paragraph `para` begins with the marker. */
static bool is_todo(const todo *t, const json_t *para)
{
	const json_t *first = json_array_get(dm_node_inlines(para), 0);
	const char *text = json_string_value(dm_content(first));

	return dm_type_of(first) == DM_T_STR && text != NULL &&
	       strncmp(text, t->marker, strlen(t->marker)) == 0;
}

static dm_walk_result on_block(dm_ctx *ctx, const dm_walk *w, dm_event ev,
                               json_t *node, json_t **out)
{
	todo *t = ctx->state;
	json_t *attr;

	if (ev != DM_ENTER || dm_type_of(node) != DM_T_PARA ||
	    !is_todo(t, node))
		return DM_WALK_CONTINUE;
	if (t->count++ == 0)
		dm_walk_where(w, t->first, sizeof t->first);
	if (t->drop) {
		*out = json_array(); /* an empty list: the paragraph goes */
		return *out ? DM_WALK_REPLACE_SKIP : DM_WALK_ERROR;
	}
	attr = dm_attr(NULL);
	if (attr == NULL || dm_attr_add_class(attr, "warning") ||
	    dm_attr_add_class(attr, "todo") ||
	    dm_attr_set(attr, "title", t->title)) {
		json_decref(attr);
		dm_nomem(ctx->err);
		return DM_WALK_ERROR;
	}
	*out = dm_div(attr, json_pack("[O]", node));
	if (*out == NULL) {
		dm_nomem(ctx->err);
		return DM_WALK_ERROR;
	}
	return DM_WALK_REPLACE_SKIP;
}

static int finish(dm_ctx *ctx)
{
	todo *t = ctx->state;

	if (t->strict && t->count > 0)
		return dm_error_set(ctx->err, DM_EFAIL, t->first,
		                    "%zu to-do paragraph%s left, the first",
		                    t->count, t->count == 1 ? "" : "s");
	return 0;
}

static void release(dm_ctx *ctx)
{
	todo *t = ctx->state;

	if (t == NULL)
		return;
	dm_options_free(options, t);
	free(t);
}

static const dm_filter todo_filter = {
	.name = "todo",
	.summary = "TODO: paragraphs as warning boxes, or dropped, or an "
	           "error",
	.option_table = options,
	.start = start,
	.visitor = {.block = on_block},
	.finish = finish,
	.release = release,
};

int main(int argc, char **argv)
{
	return dm_filter_main(argc, argv, &todo_filter);
}
