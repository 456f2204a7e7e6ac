/*
 * cmd_ijw.c: the iJw 3.2 message exchange at the command line: importing
 * received messages and writing their answers (ijw import), writing the
 * pending outgoing messages (ijw export), the folder exchange (ijw watch),
 * a schema check without the store (ijw validate) and a JW323 from a
 * declaration CSV, the provider's side (ijw convert); the requests still in
 * onderzoek (ijw requests) and refusing one of them (ijw refuse). The work is
 * done by src/ijw (ijw.h) and service/request.h; this file parses options and
 * prints.
 */
#include "cli.h"

#include "../ijw/ijw.h"
#include "../service/request.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define IJW_MAX_FILES 4096

static void print_result(cli_env *env, const char *file, const char *answer, const ijw_result *r)
{
    if (env->json) {
        json_t *o = json_pack("{s:s, s:s, s:o, s:I, s:I, s:o, s:b}", "file", file, "type",
                              ijw_msg_code(r->msg), "answer",
                              answer && *answer ? json_string(answer) : json_null(), "accepted",
                              (json_int_t)r->accepted, "rejected", (json_int_t)r->rejected, "codes",
                              ijw_result_codes_json(r), "replayed", r->replayed);
        cli_emit(o);
        return;
    }
    printf("%s: %s van %s aan %s, %lld geaccepteerd, %lld afgewezen", file, ijw_msg_code(r->msg),
           r->sender, r->receiver, (long long)r->accepted, (long long)r->rejected);
    for (int i = 0; i < r->ncodes; i++)
        printf("%s%s x%lld", i ? ", " : " (", r->codes[i].code, (long long)r->codes[i].n);
    printf("%s", r->ncodes ? ")" : "");
    if (answer && *answer)
        printf("; antwoord %s %s", ijw_msg_code(r->answer_msg), answer);
    if (r->replayed)
        printf(" (al eerder ontvangen: hetzelfde antwoord, niets gewijzigd)");
    printf("\n");
}

static void print_failure(cli_env *env, const char *file, const jr_error *err)
{
    fprintf(stderr, "Fout: %s\n", err->message);
    if (env->json)
        cli_emit(json_pack("{s:s, s:{s:s, s:s, s:s, s:s}}", "file", file, "error", "code",
                           err->code, "status", jr_status_name(err->status), "message",
                           err->message, "field", err->field));
}

static int worse(int a, int b)
{
    return a > b ? a : b;
}

static int ijw_import_cmd(cli_env *env, int argc, char **argv)
{
    const char *out = NULL;
    const cli_opt opts[] = {
        {"out", OPT_STR, &out, "MAP", "schrijf de antwoorden hier (standaard: naast de invoer)"},
        {0}};
    static const char *pos[IJW_MAX_FILES];
    int npos, rc = cli_parse(env, "ijw import BESTAND... [--out MAP] [--json]",
                             "Leest iJw-berichten (JW302, JW305, JW307, JW315, JW317, JW320, "
                             "JW323), herkent het type, verwerkt elk bericht in een transactie en "
                             "schrijft het antwoord (de retour, of een JW325 op een JW323) als "
                             "NAAM_JWnnn.xml. Een bericht dat geen geldige XML is of niet aan het "
                             "iJw 3.2-schema voldoet, wordt geweigerd met bestand, regel en "
                             "element: er wordt niets opgeslagen en geen antwoord geschreven. Een "
                             "bericht dat al eerder ontvangen is, krijgt hetzelfde antwoord.",
                             argc, argv, opts, pos, IJW_MAX_FILES, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    if (npos == 0)
        return cli_usage_error("ijw import", "geef een of meer berichtbestanden");
    if (out && mkdir(out, 0750) != 0 && errno != EEXIST) {
        fprintf(stderr, "Fout: map %s niet aan te maken: %s\n", out, strerror(errno));
        return EXIT_REFUSED;
    }
    if ((rc = cli_open(env)) != EXIT_DONE)
        return rc;
    int exit = EXIT_DONE;
    for (int i = 0; i < npos; i++) {
        ijw_result r;
        jr_error err;
        jr_error_clear(&err);
        char answer[1600];
        if (ijw_import_file(&env->ctx, pos[i], out, answer, sizeof answer, &r, &err) != JR_OK) {
            print_failure(env, pos[i], &err);
            exit = worse(exit, cli_exit_code(err.status));
            continue;
        }
        print_result(env, pos[i], answer, &r);
    }
    return exit;
}

typedef struct {
    cli_env *env;
    const char *dir;
} export_ctx;

static jr_status write_out(void *ud, const ijw_out_info *info, const char *xml, size_t len,
                           jr_error *err)
{
    export_ctx *x = ud;
    char path[1400];
    snprintf(path, sizeof path, "%s/%s_%s_%s.xml", x->dir, ijw_msg_code(info->msg), info->receiver,
             info->ident);
    jr_status rc = cli_write_file(path, xml, len, err);
    if (rc != JR_OK)
        return rc;
    if (x->env->json)
        cli_emit(json_pack("{s:s, s:s, s:s, s:s, s:i}", "file", path, "type",
                           ijw_msg_code(info->msg), "ident", info->ident, "receiver",
                           info->receiver, "records", info->nrecords));
    else
        printf("%s: %s %s aan %s (%d %s)\n", path, ijw_msg_code(info->msg), info->ident,
               info->receiver, info->nrecords,
               info->msg == IJW_JW301 ? "toegewezen producten" : "antwoord");
    return JR_OK;
}

static int ijw_export_cmd(cli_env *env, int argc, char **argv)
{
    const char *type = NULL, *since = NULL, *out = NULL;
    const cli_opt opts[] = {
        {"type", OPT_STR, &type, "JW301|JW319", "welk bericht"},
        {"since", OPT_STR, &since, "DATUM", "alleen wat op of na deze datum veranderde"},
        {"out", OPT_STR, &out, "MAP", "schrijf de berichten hier"},
        {0}};
    const char *pos[1];
    int npos, rc = cli_parse(env, "ijw export --type JW301|JW319 [--since DATUM] --out MAP",
                             "Schrijft de berichten die klaarstaan: JW301 (toewijzing) voor elke "
                             "jeugdige wiens toewijzingen bij een aanbieder nieuw zijn of "
                             "veranderden sinds de vorige JW301, JW319 (antwoord op een verzoek "
                             "om toewijzing of wijziging) voor elk afgewezen of in onderzoek "
                             "genomen verzoek. Een bericht wordt als verstuurd vastgelegd zodra "
                             "het bestand er staat.",
                             argc, argv, opts, pos, 0, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    ijw_msg m = type ? ijw_msg_by_code(type) : IJW_NMSG;
    if (m != IJW_JW301 && m != IJW_JW319)
        return cli_usage_error("ijw export", "--type is JW301 of JW319");
    if (!out)
        return cli_usage_error("ijw export", "geef een map met --out");
    jr_date d = JR_DATE_NONE;
    if (since && !cli_date("ijw export", "since", since, &d))
        return EXIT_USAGE;
    if (mkdir(out, 0750) != 0 && errno != EEXIST) {
        fprintf(stderr, "Fout: map %s niet aan te maken: %s\n", out, strerror(errno));
        return EXIT_REFUSED;
    }
    if ((rc = cli_open(env)) != EXIT_DONE)
        return rc;
    export_ctx x = {env, out};
    jr_error err;
    jr_error_clear(&err);
    int n = 0;
    if (ijw_export(&env->ctx, m, d, write_out, &x, &n, &err) != JR_OK)
        return cli_fail(env, &err);
    if (!env->json)
        printf("%d %s-bericht%s geschreven.\n", n, ijw_msg_code(m), n == 1 ? "" : "en");
    return EXIT_DONE;
}

/* ---- requests under investigation ---- */

static int print_pending(void *ud, const void *row)
{
    cli_env *env = ud;
    const jr_req_pending *p = row;
    if (env->json) {
        cli_emit(json_pack("{s:I, s:s, s:s, s:s, s:s, s:o, s:i, s:i, s:s, s:s}", "id",
                           (json_int_t)p->id, "kind", p->kind, "agb", p->agb, "gemeente",
                           p->gemeente, "referentie", p->referentie, "referral",
                           p->referral_id ? json_integer(p->referral_id) : json_null(), "quotes",
                           p->quotes, "open_quotes", p->open_quotes, "created_at", p->created_at,
                           "message", p->message));
        return 0;
    }
    printf("%lld  %s %s van %s aan %s, verwijzing %lld, %d offerte%s (%d open): %s\n",
           (long long)p->id, p->kind, p->referentie, p->agb, p->gemeente, (long long)p->referral_id,
           p->quotes, p->quotes == 1 ? "" : "s", p->open_quotes, p->message);
    return 0;
}

static int ijw_requests_cmd(cli_env *env, int argc, char **argv)
{
    const cli_opt opts[] = {{0}};
    const char *pos[1];
    int npos, rc = cli_parse(env, "ijw requests [--json]",
                             "Toont de verzoeken om toewijzing of wijziging die nog in onderzoek "
                             "zijn (beantwoord met een JW319 'in onderzoek', nog zonder "
                             "toewijzing), met het aantal offertes van hun verwijzing. Een "
                             "verzoek zonder open offerte kan worden afgewezen met ijw refuse.",
                             argc, argv, opts, pos, 0, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    if ((rc = cli_open(env)) != EXIT_DONE)
        return rc;
    jr_error err;
    jr_error_clear(&err);
    if (request_pending(&env->ctx, print_pending, env, &err) != JR_OK)
        return cli_fail(env, &err);
    return EXIT_DONE;
}

static int ijw_refuse_cmd(cli_env *env, int argc, char **argv)
{
    const char *request = NULL, *reason = NULL, *text = NULL;
    const cli_opt opts[] = {
        {"request", OPT_STR, &request, "ID", "het verzoek (zie ijw requests)"},
        {"reason", OPT_STR, &reason, "CODE", "iJw RedenAfwijzingVerzoek, 1 tot en met 9"},
        {"text", OPT_STR, &text, "TEKST", "de toelichting (standaard: de betekenis van de code)"},
        {0}};
    const char *pos[1];
    int npos, rc = cli_parse(env, "ijw refuse --request ID --reason CODE [--text TEKST] [--json]",
                             "Wijst een verzoek af dat nog in onderzoek is (bijvoorbeeld nadat "
                             "alle offertes zijn afgewezen) en zet het antwoord klaar: een JW319 "
                             "met VerzoekAntwoord 1 (afgewezen) en de reden, te schrijven met ijw "
                             "export --type JW319.",
                             argc, argv, opts, pos, 0, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    int64_t id;
    if (!request || !reason)
        return cli_usage_error("ijw refuse", "geef --request en --reason");
    if (!cli_int("ijw refuse", "request", request, 1, INT64_MAX, &id))
        return EXIT_USAGE;
    if ((rc = cli_open(env)) != EXIT_DONE)
        return rc;
    jr_error err;
    jr_error_clear(&err);
    jr_req_decision d;
    if (request_refuse(&env->ctx, id, reason, text, &d, &err) != JR_OK)
        return cli_fail(env, &err);
    if (env->json)
        cli_emit(json_pack("{s:I, s:s, s:s, s:o, s:s}", "id", (json_int_t)id, "status", "afgewezen",
                           "reason", d.reden, "woonplaats",
                           d.woonplaats[0] ? json_string(d.woonplaats) : json_null(), "message",
                           d.message));
    else
        printf("Verzoek %lld afgewezen (reden %s): %s\nHet antwoord (JW319) staat klaar voor "
               "ijw export --type JW319.\n",
               (long long)id, d.reden, d.message);
    return EXIT_DONE;
}

/* ---- watch ---- */

static volatile sig_atomic_t stop_requested;

static void on_stop(int sig)
{
    (void)sig;
    stop_requested = 1;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_message_file(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 4 && strcasecmp(name + n - 4, ".xml") == 0;
}

/* moves path into dir/sub/, under a new name when that one is taken */
static bool move_into(const char *dir, const char *sub, const char *name, char *dest, size_t cap)
{
    char from[1400];
    snprintf(from, sizeof from, "%s/%s", dir, name);
    snprintf(dest, cap, "%s/%s/%s", dir, sub, name);
    struct stat st;
    for (int k = 1; stat(dest, &st) == 0 && k < 1000; k++)
        snprintf(dest, cap, "%s/%s/%s.%d", dir, sub, name, k);
    return rename(from, dest) == 0;
}

static void clean_temp(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strncmp(e->d_name, ".ijw-answer-", 12) == 0) {
            char p[1400];
            snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
            unlink(p);
        }
    closedir(d);
}

/* one pass over in_dir: each message file imported, answered and moved */
static int watch_pass(cli_env *env, const char *in_dir, const char *out_dir, bool settle)
{
    DIR *d = opendir(in_dir);
    if (!d) {
        fprintf(stderr, "Fout: map %s niet te lezen: %s\n", in_dir, strerror(errno));
        return EXIT_REFUSED;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!is_message_file(e->d_name))
            continue;
        char p[1400];
        struct stat st;
        snprintf(p, sizeof p, "%s/%s", in_dir, e->d_name);
        if (stat(p, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        if (settle && time(NULL) - st.st_mtime < 2)
            continue; /* still being written, perhaps: next round */
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn)
                break;
            names = nn;
        }
        names[n] = strdup(e->d_name);
        if (names[n])
            n++;
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, by_name);
    int exit = EXIT_DONE;
    for (size_t i = 0; i < n && !stop_requested; i++) {
        char path[1400], answer[1600], dest[1600];
        snprintf(path, sizeof path, "%s/%s", in_dir, names[i]);
        env->ctx.today = svc_today();
        ijw_result r;
        jr_error err;
        jr_error_clear(&err);
        jr_status st = ijw_import_file(&env->ctx, path, out_dir, answer, sizeof answer, &r, &err);
        if (st == JR_OK) {
            print_result(env, path, answer, &r);
            if (!move_into(in_dir, "verwerkt", names[i], dest, sizeof dest))
                fprintf(stderr, "Fout: %s niet te verplaatsen naar verwerkt/: %s\n", path,
                        strerror(errno));
        } else if (st == JR_EDB || st == JR_ENOMEM || st == JR_EIO) {
            print_failure(env, path, &err); /* try again next round */
            exit = worse(exit, cli_exit_code(st));
        } else {
            print_failure(env, path, &err);
            exit = worse(exit, EXIT_REFUSED);
            if (move_into(in_dir, "afgekeurd", names[i], dest, sizeof dest)) {
                char why[1700];
                snprintf(why, sizeof why, "%s.fout.txt", dest);
                FILE *f = fopen(why, "w");
                if (f) {
                    fprintf(f, "%s\n", err.message);
                    fclose(f);
                }
            }
        }
        fflush(stdout);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return exit;
}

static int ijw_watch_cmd(cli_env *env, int argc, char **argv)
{
    bool once = false;
    const char *interval = "2";
    const cli_opt opts[] = {
        {"once", OPT_FLAG, &once, NULL, "verwerk wat er nu staat en stop"},
        {"interval", OPT_STR, &interval, "SEC", "kijk elke SEC seconden (standaard 2)"},
        {0}};
    const char *pos[2];
    int npos, rc = cli_parse(env, "ijw watch IN_MAP UIT_MAP [--once] [--interval SEC]",
                             "Uitwisseling via mappen: verwerkt elk bericht (*.xml) dat in IN_MAP "
                             "verschijnt in een transactie, schrijft het antwoord onder een "
                             "tijdelijke naam in UIT_MAP en hernoemt het, en verplaatst het "
                             "bericht naar IN_MAP/verwerkt/ (een geweigerd bericht naar "
                             "IN_MAP/afgekeurd/, met de reden ernaast). Stopt netjes op "
                             "Ctrl-C; wordt het halverwege afgebroken, dan krijgt een bericht dat "
                             "al verwerkt was bij de herstart hetzelfde antwoord.",
                             argc, argv, opts, pos, 2, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    if (npos != 2)
        return cli_usage_error("ijw watch", "geef IN_MAP en UIT_MAP");
    int64_t secs;
    if (!cli_int("ijw watch", "interval", interval, 1, 3600, &secs))
        return EXIT_USAGE;
    char rin[4096], rout[4096];
    if (realpath(pos[0], rin) && realpath(pos[1], rout) && strcmp(rin, rout) == 0)
        return cli_usage_error("ijw watch", "IN_MAP en UIT_MAP moeten verschillen");
    char sub[1400];
    const char *subs[] = {"verwerkt", "afgekeurd"};
    for (int i = 0; i < 2; i++) {
        snprintf(sub, sizeof sub, "%s/%s", pos[0], subs[i]);
        if (mkdir(sub, 0750) != 0 && errno != EEXIST) {
            fprintf(stderr, "Fout: map %s niet aan te maken: %s\n", sub, strerror(errno));
            return EXIT_REFUSED;
        }
    }
    if (mkdir(pos[1], 0750) != 0 && errno != EEXIST) {
        fprintf(stderr, "Fout: map %s niet aan te maken: %s\n", pos[1], strerror(errno));
        return EXIT_REFUSED;
    }
    if ((rc = cli_open(env)) != EXIT_DONE)
        return rc;
    clean_temp(pos[1]);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    int exit = EXIT_DONE;
    while (!stop_requested) {
        int r = watch_pass(env, pos[0], pos[1], !once);
        if (once)
            return r;
        exit = worse(exit, r == EXIT_REFUSED ? EXIT_DONE : r);
        for (int64_t s = 0; s < secs && !stop_requested; s++)
            sleep(1);
    }
    return exit;
}

static int ijw_validate_cmd(cli_env *env, int argc, char **argv)
{
    const cli_opt opts[] = {{0}};
    static const char *pos[IJW_MAX_FILES];
    int npos, rc = cli_parse(env, "ijw validate BESTAND...",
                             "Controleert berichten tegen het iJw 3.2-schema (met de eigen "
                             "validator, zonder database): het type, of de fout met regel en "
                             "element.",
                             argc, argv, opts, pos, IJW_MAX_FILES, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    if (npos == 0)
        return cli_usage_error("ijw validate", "geef een of meer berichtbestanden");
    int exit = EXIT_DONE;
    for (int i = 0; i < npos; i++) {
        jr_error err;
        jr_error_clear(&err);
        ijw_msg m = IJW_NMSG;
        FILE *f = fopen(pos[i], "rb");
        jr_status st = f ? ijw_validate_stream(f, pos[i], &m, &err)
                         : jr_fail(&err, JR_EIO, "file_unreadable", "bestand",
                                   "%s: niet te lezen: %s", pos[i], strerror(errno));
        if (f)
            fclose(f);
        if (st != JR_OK) {
            print_failure(env, pos[i], &err);
            exit = worse(exit, cli_exit_code(st));
        } else if (env->json) {
            cli_emit(
                json_pack("{s:s, s:s, s:b}", "file", pos[i], "type", ijw_msg_code(m), "valid", 1));
        } else {
            printf("%s: %s, voldoet aan het iJw 3.2-schema\n", pos[i], ijw_msg_code(m));
        }
    }
    return exit;
}

static int ijw_convert_cmd(cli_env *env, int argc, char **argv)
{
    const char *out = NULL, *ident = NULL;
    const cli_opt opts[] = {{"out", OPT_STR, &out, "BESTAND", "het JW323-bericht"},
                            {"ident", OPT_STR, &ident, "ID",
                             "de Identificatie van het bericht (standaard: het declaratienummer)"},
                            {0}};
    const char *pos[1];
    int npos, rc = cli_parse(env, "ijw convert DECLARATIE.csv --out BESTAND.xml [--ident ID]",
                             "Schrijft een declaratie in het CSV-formaat (zie README) als JW323-"
                             "bericht, zoals een aanbieder het zou sturen. Toewijzingnummers "
                             "worden de ToewijzingNummers uit de database.",
                             argc, argv, opts, pos, 1, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    if (npos != 1 || !out)
        return cli_usage_error("ijw convert", "geef een CSV-bestand en --out");
    if ((rc = cli_open(env)) != EXIT_DONE)
        return rc;
    jr_error err;
    jr_error_clear(&err);
    FILE *in = fopen(pos[0], "rb");
    if (!in) {
        jr_fail(&err, JR_EIO, "file_unreadable", "bestand", "%s: niet te lezen: %s", pos[0],
                strerror(errno));
        return cli_fail(env, &err);
    }
    char tmp[1200];
    snprintf(tmp, sizeof tmp, "%s.tmp", out);
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        fclose(in);
        jr_fail(&err, JR_EIO, "file_unwritable", "out", "%s: niet te schrijven: %s", tmp,
                strerror(errno));
        return cli_fail(env, &err);
    }
    jr_status st = ijw_csv_to_jw323(&env->ctx, in, pos[0], f, ident, &err);
    fclose(in);
    if (fclose(f) != 0 && st == JR_OK)
        st = jr_fail(&err, JR_EIO, "file_unwritable", "out", "%s: niet te schrijven", tmp);
    if (st != JR_OK || rename(tmp, out) != 0) {
        unlink(tmp);
        if (st == JR_OK)
            jr_fail(&err, JR_EIO, "file_unwritable", "out", "%s: niet te schrijven: %s", out,
                    strerror(errno));
        return cli_fail(env, &err);
    }
    if (!env->json)
        printf("%s geschreven.\n", out);
    return EXIT_DONE;
}

/*
 * COMMAND: ijw
 * SUMMARY: iJw-berichten: inlezen en beantwoorden (import, watch), uitsturen (export), controleren
 */
int cmd_ijw(cli_env *env, int argc, char **argv)
{
    static const struct {
        const char *name;
        int (*fn)(cli_env *, int, char **);
        const char *label;
    } subs[] = {
        {"import", ijw_import_cmd, "ijw import"},    {"export", ijw_export_cmd, "ijw export"},
        {"watch", ijw_watch_cmd, "ijw watch"},       {"validate", ijw_validate_cmd, "ijw validate"},
        {"convert", ijw_convert_cmd, "ijw convert"}, {"requests", ijw_requests_cmd, "ijw requests"},
        {"refuse", ijw_refuse_cmd, "ijw refuse"},
    };
    if (argc >= 2) {
        for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++)
            if (strcmp(argv[1], subs[i].name) == 0) {
                argv[1] = (char *)subs[i].label;
                return subs[i].fn(env, argc - 1, argv + 1);
            }
    }
    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        printf("Gebruik: jeugdregio ijw import|export|watch|validate|convert|requests|refuse "
               "...\n\n"
               "  ijw import BESTAND... [--out MAP] [--json]   berichten inlezen en beantwoorden\n"
               "  ijw export --type JW301|JW319 [--since DATUM] --out MAP\n"
               "                                               klaarstaande berichten schrijven\n"
               "  ijw watch IN_MAP UIT_MAP [--once]            uitwisseling via mappen\n"
               "  ijw validate BESTAND...                      alleen het schema controleren\n"
               "  ijw convert DECLARATIE.csv --out BESTAND     een JW323 uit een CSV-declaratie\n"
               "  ijw requests [--json]                        verzoeken die in onderzoek zijn\n"
               "  ijw refuse --request ID --reason CODE [--text TEKST]\n"
               "                                               een verzoek in onderzoek afwijzen\n"
               "\n'jeugdregio ijw import --help' enz. tonen de opties.\n");
        return EXIT_DONE;
    }
    return cli_usage_error("ijw", "gebruik ijw import, export, watch, validate, convert, "
                                  "requests of refuse");
}
