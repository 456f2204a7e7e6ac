/*
 * cmd_serve.c: the serve subcommand: runs the HTTP API and the web UI
 * (src/http/server.h) until SIGTERM or SIGINT, then shuts down gracefully:
 * stop accepting, let the requests in flight finish, close the stores.
 */
#include "cli.h"

#include "../http/server.h"
#include "../store/store.h"

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#define SERVE_GRACE_MS 30000
#define SERVE_VENDOR_DIR "/usr/share/javascript/bootstrap5"
#define SERVE_CHART_DIR "/usr/share/javascript/chart.js" /* Debian's libjs-chart.js */

static bool serve_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/*
 * COMMAND: serve
 * SUMMARY: de HTTP-API en de webapplicatie starten (standaard op http://127.0.0.1:8080/)
 */
int cmd_serve(cli_env *env, int argc, char **argv)
{
    const char *bind = "127.0.0.1", *port = "8080", *web = NULL, *threads = "0";
    bool secure = false;
    const cli_opt opts[] = {
        {"bind", OPT_STR, &bind, "ADRES", "IP-adres om op te luisteren (standaard 127.0.0.1)"},
        {"port", OPT_STR, &port, "N", "poort (standaard 8080; 0: een vrije poort)"},
        {"web", OPT_STR, &web, "MAP",
         "map met de webapplicatie (standaard web/ in de huidige map, anders de geinstalleerde)"},
        {"secure-cookies", OPT_FLAG, &secure, NULL,
         "sessiecookie alleen over HTTPS (achter een TLS-proxy)"},
        {"threads", OPT_STR, &threads, "N", "aantal werkdraden (standaard: een per processor)"},
        {0}};
    const char *pos[1];
    int npos, rc = cli_parse(env,
                             "serve [--bind ADRES] [--port N] [--web MAP] [--secure-cookies] "
                             "[--threads N]",
                             "Start de HTTP-API onder /api en de webapplicatie onder /. Stopt "
                             "netjes bij SIGTERM of SIGINT (Ctrl-C): lopende verzoeken worden "
                             "afgemaakt.",
                             argc, argv, opts, pos, 0, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    int64_t p, nthreads;
    if (!cli_int("serve", "port", port, 0, 65535, &p) ||
        !cli_int("serve", "threads", threads, 0, 64, &nthreads))
        return EXIT_USAGE;
    if (!web)
        web = serve_is_dir("web") ? "web" : JR_DATADIR "/web";
    if ((rc = cli_open(env)) != EXIT_DONE) /* loads the region, brings the schema up to date */
        return rc;
    store_close(env->store);
    env->store = NULL;

    /* SIGTERM and SIGINT are blocked in every thread (the workers inherit
       the mask) and taken by sigwait below: no handler, no global flag */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);

    http_server_opts o = {.db_path = env->db_path,
                          .cat = env->cat,
                          .bind = bind,
                          .port = (uint16_t)p,
                          .web_dir = web,
                          .vendor_dir = SERVE_VENDOR_DIR,
                          .chart_dir = SERVE_CHART_DIR,
                          .secure_cookies = secure,
                          .threads = (int)nthreads};
    http_server *srv = NULL;
    jr_error err;
    jr_error_clear(&err);
    if (http_server_start(&o, &srv, &err) != JR_OK)
        return cli_fail(env, &err);
    bool v6 = strchr(bind, ':') != NULL;
    printf("jeugdregio luistert op http://%s%s%s:%u/ (database %s, web %s%s)\n", v6 ? "[" : "",
           bind, v6 ? "]" : "", (unsigned)http_server_port(srv), env->db_path, web,
           serve_is_dir(web) ? "" : ": ontbreekt");
    fflush(stdout);
    int sig = 0;
    sigwait(&stop, &sig);
    fprintf(stderr, "jeugdregio serve: %s ontvangen, lopende verzoeken worden afgemaakt...\n",
            sig == SIGINT ? "SIGINT" : "SIGTERM");
    http_server_stop(srv, SERVE_GRACE_MS);
    fprintf(stderr, "jeugdregio serve: gestopt.\n");
    return EXIT_DONE;
}
