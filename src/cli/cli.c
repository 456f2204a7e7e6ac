/*
 * cli.c: option parsing, opening the store and catalog, and output helpers
 * shared by all subcommands.
 */
#include "cli.h"

#include "../config/region.h"
#include "../service/region_binding.h"
#include "../store/store.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void print_help(const char *usage, const char *about, const cli_opt *opts)
{
    printf("Gebruik: jeugdregio %s\n\n%s\n\nOpties:\n", usage, about);
    for (const cli_opt *o = opts; o && o->name; o++) {
        char left[64];
        snprintf(left, sizeof left, "--%s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
        printf("  %-26s %s%s\n", left, o->help, o->kind == OPT_MULTI ? " (herhaalbaar)" : "");
    }
    printf("  %-26s %s\n  %-26s %s\n", "--json", "uitvoer als JSON (een object per regel)",
           "--help", "deze hulp");
    printf("\nGlobale opties (voor het subcommando): --db PAD, --config PAD, --user NAAM.\n"
           "Afsluitcodes: 0 gedaan, 1 invoer geweigerd, 2 gebruiksfout, 3 interne fout.\n");
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "jeugdregio %s: ", cmd);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n(jeugdregio %s --help toont de opties)\n", cmd);
    va_end(ap);
    return EXIT_USAGE;
}

int cli_parse(cli_env *env, const char *usage, const char *about, int argc, char **argv,
              const cli_opt *opts, const char **pos, int npos_max, int *npos)
{
    const char *cmd = argv[0];
    *npos = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            print_help(usage, about, opts);
            return -1;
        }
        if (strcmp(a, "--json") == 0) {
            env->json = true;
            continue;
        }
        if (strncmp(a, "--", 2) != 0 || a[2] == '\0') {
            if (*npos >= npos_max)
                return cli_usage_error(cmd, "onverwacht argument '%s'", a);
            pos[(*npos)++] = a;
            continue;
        }
        const char *name = a + 2, *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        const cli_opt *o = opts;
        for (; o && o->name; o++)
            if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
                break;
        if (!o || !o->name)
            return cli_usage_error(cmd, "onbekende optie '%s'", a);
        if (o->kind == OPT_FLAG) {
            if (eq)
                return cli_usage_error(cmd, "optie --%s heeft geen waarde", o->name);
            *(bool *)o->dest = true;
            continue;
        }
        const char *val = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
        if (val == NULL)
            return cli_usage_error(cmd, "optie --%s mist een waarde (%s)", o->name,
                                   o->arg ? o->arg : "waarde");
        if (o->kind == OPT_STR) {
            *(const char **)o->dest = val;
        } else {
            cli_multi *m = o->dest;
            if (m->n >= CLI_MULTI_MAX)
                return cli_usage_error(cmd, "optie --%s te vaak gegeven", o->name);
            m->v[m->n++] = val;
        }
    }
    return 0;
}

int cli_exit_code(jr_status st)
{
    switch (st) {
    case JR_OK:
        return EXIT_DONE;
    case JR_EINVAL:
    case JR_ENOTFOUND:
    case JR_ECONFLICT:
    case JR_EIO:
    case JR_EAUTH:
    case JR_EFORBIDDEN:
        return EXIT_REFUSED;
    case JR_EDB:
    case JR_ENOMEM:
        return EXIT_INTERNAL;
    }
    return EXIT_INTERNAL;
}

void cli_error_collect(cli_env *env, jr_error *err)
{
    jr_error_collect(err, &env->invalid);
}

/* cli_refusals_json: err's refusals as [{code, field, message}] (a new
 * reference; NULL when out of memory). */
static json_t *cli_refusals_json(const jr_error *err)
{
    json_t *a = json_array();
    for (int i = 0; a && i < err->invalid->n; i++) {
        const jr_refusal *f = &err->invalid->item[i];
        json_array_append_new(a, json_pack("{s:s, s:s, s:s}", "code", f->code, "field", f->field,
                                           "message", f->message));
    }
    return a;
}

int cli_fail(cli_env *env, const jr_error *err)
{
    /* refused input: every refusal, one line each (the first is err's own) */
    bool list = err->status == JR_EINVAL && err->invalid && err->invalid->n > 0;
    if (!list)
        fprintf(stderr, "Fout: %s\n", err->message);
    for (int i = 0; list && i < err->invalid->n; i++)
        fprintf(stderr, "Fout: %s\n", err->invalid->item[i].message);
    if (list && err->invalid->lost > 0)
        fprintf(stderr, "Fout: en nog %d geweigerde velden.\n", err->invalid->lost);
    if (env->json) {
        json_t *e =
            json_pack("{s:s, s:s, s:s, s:s}", "code", err->code, "status",
                      jr_status_name(err->status), "message", err->message, "field", err->field);
        if (e && list)
            json_object_set_new(e, "invalid", cli_refusals_json(err));
        cli_emit(json_pack("{s:o}", "error", e));
    }
    return cli_exit_code(err->status);
}

int cli_load_catalog(cli_env *env)
{
    jr_error err;
    jr_error_clear(&err);
    if (env->cat == NULL) {
        jr_catalog *cat = malloc(sizeof *cat);
        if (!cat) {
            fprintf(stderr, "Fout: onvoldoende geheugen\n");
            return EXIT_INTERNAL;
        }
        if (region_load(env->config_path, cat, &err) != JR_OK) {
            free(cat);
            return cli_fail(env, &err);
        }
        env->cat = cat;
    }
    return EXIT_DONE;
}

int cli_open(cli_env *env)
{
    jr_error err;
    jr_error_clear(&err);
    bool fresh = env->store == NULL;
    if (fresh && store_open(env->db_path, &env->store, &err) != JR_OK)
        return cli_fail(env, &err);
    /* a database bound to a region opens with that region's file unless the
       caller names one (which must then be the same region) */
    static jr_region_binding bound;
    bool found = false;
    if (fresh && env->cat == NULL && !env->config_explicit) {
        if (region_binding_get(env->store, &bound, &found, &err) != JR_OK)
            return cli_fail(env, &err);
        if (found && bound.config_path[0])
            env->config_path = bound.config_path;
    }
    int rc = cli_load_catalog(env);
    if (rc != EXIT_DONE)
        return rc;
    env->ctx.store = env->store;
    env->ctx.cat = env->cat;
    env->ctx.actor = env->actor;
    env->ctx.today = svc_today();
    if (fresh && !env->rebinding && region_binding_open(&env->ctx, &err) != JR_OK)
        return cli_fail(env, &err);
    return EXIT_DONE;
}

void cli_emit(json_t *obj)
{
    if (!obj)
        return;
    /* 15 significant digits: a share in tenths (66.7) prints as 66.7, not as the
       nearest double's 17 digits */
    json_dumpf(obj, stdout,
               JSON_COMPACT | JSON_ENSURE_ASCII | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
    fputc('\n', stdout);
    json_decref(obj);
}

bool cli_date(const char *cmd, const char *opt, const char *s, jr_date *out)
{
    if (s && date_parse(s, out))
        return true;
    cli_usage_error(cmd, "--%s '%s' is geen datum (JJJJ-MM-DD)", opt, s ? s : "");
    return false;
}

bool cli_int(const char *cmd, const char *opt, const char *s, int64_t lo, int64_t hi, int64_t *out)
{
    char *end = NULL;
    long long v = s ? strtoll(s, &end, 10) : 0;
    if (s && *s && end && *end == '\0' && v >= lo && v <= hi) {
        *out = v;
        return true;
    }
    cli_usage_error(cmd, "--%s '%s' is geen geheel getal van %lld tot %lld", opt, s ? s : "",
                    (long long)lo, (long long)hi);
    return false;
}

jr_status cli_write_file(const char *path, const char *data, size_t len, jr_error *err)
{
    if (strcmp(path, "-") == 0) {
        if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0)
            return jr_fail(err, JR_EIO, "file_unwritable", "out", "stdout: niet te schrijven: %s",
                           strerror(errno));
        return JR_OK;
    }
    size_t n = strlen(path) + 16;
    char *tmp = malloc(n);
    if (!tmp)
        return jr_fail(err, JR_ENOMEM, "nomem", NULL, "Onvoldoende geheugen.");
    snprintf(tmp, n, "%s.tmp%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        int e = errno;
        free(tmp);
        return jr_fail(err, JR_EIO, "file_unwritable", "out", "%s: niet te schrijven: %s", path,
                       strerror(e));
    }
    bool ok = fwrite(data, 1, len, f) == len && fflush(f) == 0 && fsync(fileno(f)) == 0;
    int e = errno;
    ok = fclose(f) == 0 && ok;
    if (ok && rename(tmp, path) != 0) {
        e = errno;
        ok = false;
    }
    if (!ok)
        unlink(tmp);
    free(tmp);
    if (!ok)
        return jr_fail(err, JR_EIO, "file_unwritable", "out", "%s: niet te schrijven: %s", path,
                       strerror(e));
    return JR_OK;
}
