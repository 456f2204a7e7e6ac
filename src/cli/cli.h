/*
 * cli.h: what the subcommands of the jeugdregio command share: the
 * environment (store, catalog, acting user, output mode), a small option
 * parser that also writes each command's --help, and the output helpers.
 *
 * A subcommand is a function `int cmd_NAME(cli_env *, int argc, char **argv)`
 * preceded by a comment holding the lines "COMMAND: NAME" and "SUMMARY: ...";
 * tools/mkcmds.awk collects them into the dispatch table at build time, so
 * adding a command never means editing a central switch.
 *
 * Exit codes: 0 done, 1 input refused, 2 usage error, 3 internal failure
 * (database or memory).
 */
#ifndef JR_CLI_H
#define JR_CLI_H

#include "../core/err.h"
#include "../domain/catalog.h"
#include "../render/render.h" /* the JSON shapes --json shares with the API */
#include "../service/svc.h"

#include <jansson.h>
#include <stdbool.h>

enum { EXIT_DONE = 0, EXIT_REFUSED = 1, EXIT_USAGE = 2, EXIT_INTERNAL = 3 };

typedef struct {
    const char *db_path;
    const char *config_path;
    /* config_path came from --config (or --region) or $JEUGDREGIO_CONFIG; else a
       database bound to a region (service/region_binding.h) uses its own file */
    bool config_explicit;
    bool rebinding; /* `region --bind`: open without the region check */
    const char *actor;
    bool json;
    jr_store *store; /* opened on first use by cli_open */
    jr_catalog *cat; /* loaded on first use by cli_open */
    jr_ctx ctx;
    jr_invalid_list invalid; /* the refused fields of the command's call (cli_error_collect) */
} cli_env;

typedef int (*cli_cmd_fn)(cli_env *env, int argc, char **argv);

typedef struct {
    const char *name;
    cli_cmd_fn fn;
    const char *summary;
} cli_command;

/* the generated table, ending with a NULL name */
extern const cli_command cli_commands[];

typedef enum { OPT_FLAG, OPT_STR, OPT_MULTI } cli_opt_kind;

#define CLI_MULTI_MAX 32
typedef struct {
    const char *v[CLI_MULTI_MAX];
    int n;
} cli_multi;

typedef struct {
    const char *name; /* without the leading "--" */
    cli_opt_kind kind;
    void *dest;       /* bool *, const char **, cli_multi * */
    const char *arg;  /* name of the value in --help, e.g. "YYYY-MM" */
    const char *help; /* one line */
} cli_opt;

/* cli_parse: parses argv (argv[0] is the command name) against opts (ended
 * by a NULL name); --json and --help are always known. Positional
 * arguments go to pos (at most npos_max). Returns -1 when it printed help
 * (exit 0), EXIT_USAGE after printing a usage error, or 0. */
int cli_parse(cli_env *env, const char *usage, const char *about, int argc, char **argv,
              const cli_opt *opts, const char **pos, int npos_max, int *npos);

/* cli_open: loads the catalog and opens the store (once each). */
int cli_open(cli_env *env);
/* cli_load_catalog: loads the catalog only. */
int cli_load_catalog(cli_env *env);

/* cli_fail: reports err (stderr; with --json also {"error":...} on stdout)
 * and returns the exit code for its status. Refused input with a list
 * (cli_error_collect) prints every refusal, one line each, and with --json
 * holds them as "invalid": [{code, field, message}] in the error. */
int cli_fail(cli_env *env, const jr_error *err);
/* cli_error_collect: clears err and attaches env's list to it, so that a
 * service checking several fields records each refusal for cli_fail. */
void cli_error_collect(cli_env *env, jr_error *err);
/* cli_usage_error: prints a usage error naming the command; returns EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* cli_emit: prints obj as one line of JSON and releases it. */
void cli_emit(json_t *obj);
/* cli_exit_code: the exit code for a status. */
int cli_exit_code(jr_status st);

/* cli_write_file: writes len bytes of data to path ("-": stdout) whole or
 * not at all: into a temporary file beside it, synced, then renamed over
 * path. JR_EIO (code file_unwritable, field out) naming the file and why. */
jr_status cli_write_file(const char *path, const char *data, size_t len, jr_error *err);

/* parsing helpers that fail with a usage error naming the option */
bool cli_date(const char *cmd, const char *opt, const char *s, jr_date *out);
bool cli_int(const char *cmd, const char *opt, const char *s, int64_t lo, int64_t hi, int64_t *out);

/* json helpers */

#endif
