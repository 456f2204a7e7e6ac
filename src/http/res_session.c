/*
 * res_session.c: logging in and out, and "who am I" (/api/v1/session).
 *
 * The login answers the user and the session's CSRF token and sets the
 * session cookie (HttpOnly, SameSite=Strict, Path=/, Secure when the server
 * runs behind HTTPS). The auth service throttles failed logins per account;
 * a locked account answers 429.
 */
#include "http.h"

#include <stdio.h>
#include <string.h>

static json_t *session_json(const jr_user *u, const char *csrf)
{
    bool gem = u->who.role == JR_ROLE_TOEGANG || u->who.role == JR_ROLE_GEMEENTE;
    bool agb = u->who.role == JR_ROLE_AANBIEDER;
    return json_pack("{s:{s:s, s:s, s:s, s:o, s:o}, s:s}", "user", "name", u->name, "display_name",
                     u->display_name, "role", role_name(u->who.role), "gemeente",
                     gem ? json_string(u->who.gemeente) : json_null(), "agb",
                     agb ? json_string(u->who.agb) : json_null(), "csrf", csrf);
}

static void session_set_cookie(http_req *r, const char *token)
{
    if (token)
        snprintf(r->cookie, sizeof r->cookie, "jr_session=%s; Path=/; HttpOnly; SameSite=Strict%s",
                 token, r->secure_cookies ? "; Secure" : "");
    else
        snprintf(r->cookie, sizeof r->cookie,
                 "jr_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict%s",
                 r->secure_cookies ? "; Secure" : "");
}

/* ROUTE: POST /api/v1/session PUBLIC OWN_TX */
void session_login(http_req *r)
{
    const char *name = NULL, *password = NULL;
    http_body_str(r, "name", true, 64, &name);
    http_body_str(r, "password", true, 1024, &password);
    if (http_input_failed(r))
        return;
    char token[JR_TOKEN_HEX], csrf[JR_TOKEN_HEX];
    jr_user u;
    jr_error err;
    jr_error_clear(&err);
    if (auth_login(&r->ctx, name, password, r->client, token, csrf, &u, &err) != JR_OK) {
        if (strcmp(err.code, "login_locked") == 0)
            http_reply_json(r, 429, http_problem_json(429, &err, r->path, NULL));
        else
            http_reply_error(r, &err);
        return;
    }
    session_set_cookie(r, token);
    http_reply_json(r, 200, session_json(&u, csrf));
}

/* ROUTE: GET /api/v1/session */
void session_show(http_req *r)
{
    http_reply_json(r, 200, session_json(&r->user, r->csrf));
}

/* ROUTE: DELETE /api/v1/session */
void session_logout(http_req *r)
{
    jr_error err;
    jr_error_clear(&err);
    if (auth_logout(&r->ctx, r->token, &err) != JR_OK) {
        http_reply_error(r, &err);
        return;
    }
    session_set_cookie(r, NULL);
    http_reply_json(r, 200, json_pack("{s:b}", "logged_out", 1));
}
