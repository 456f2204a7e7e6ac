/*
 * res_users.c: user accounts for the beheerder: list, add, and change
 * (activate, block, set a new password).
 */
#include "../render/render.h"
#include "http.h"

#include <string.h>

HTTP_PAGE_ROW(users_row, jr_user, render_user)

typedef struct {
    const char *name;
    jr_user user;
    bool found;
} users_find;

static int users_match(void *ud, const void *row)
{
    users_find *f = ud;
    const jr_user *u = row;
    if (strcmp(u->name, f->name) != 0)
        return 0;
    f->user = *u;
    f->found = true;
    return 1;
}

/* users_reply: answers status with the account name as stored. */
static void users_reply(http_req *r, int status, const char *name)
{
    users_find f = {name, {0}, false};
    jr_error err;
    jr_error_clear(&err);
    if (user_list(&r->ctx, users_match, &f, &err) != JR_OK)
        http_reply_error(r, &err);
    else if (!f.found)
        http_reply_fail(r, JR_ENOTFOUND, "user_unknown", "naam", "Gebruiker %s bestaat niet.",
                        name);
    else
        http_reply_json(r, status, render_user(&f.user));
}

/* ROUTE: GET /api/v1/users */
void users_list(http_req *r)
{
    http_page p;
    jr_error err;
    jr_error_clear(&err);
    if (!http_page_begin(r, &p))
        return;
    jr_status rc = user_list(&r->ctx, users_row, &p, &err);
    http_page_finish(r, &p, rc, &err);
}

/* ROUTE: POST /api/v1/users */
void users_add(http_req *r)
{
    const char *name = NULL, *display = NULL, *role = NULL, *gemeente = NULL, *agb = NULL,
               *password = NULL;
    http_body_str(r, "name", true, 64, &name);
    http_body_str(r, "display_name", false, 128, &display);
    http_body_str(r, "role", true, 16, &role);
    http_body_str(r, "gemeente", false, 5, &gemeente);
    http_body_str(r, "agb", false, 9, &agb);
    http_body_str(r, "password", true, 1024, &password);
    if (http_input_failed(r))
        return;
    jr_role rl =
        JR_ROLE_SYSTEM; /* an unknown role: the service refuses it (after the role check) */
    role_parse(role, &rl);
    jr_error err;
    jr_invalid_list invalid; /* every field the service refuses */
    jr_error_collect(&err, &invalid);
    if (user_add(&r->ctx, name, display, rl, gemeente, agb, password, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        users_reply(r, 201, name);
}

/* ROUTE: PATCH /api/v1/users/{name} */
void users_change(http_req *r)
{
    const char *name = r->params[0], *password = NULL;
    bool active = true, has_active = json_object_get(r->body, "active") != NULL;
    http_body_bool(r, "active", false, &active);
    http_body_str(r, "password", false, 1024, &password);
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_error_clear(&err);
    if (!has_active && !password) {
        if (svc_may(&r->ctx, JR_ACT_USER_ADMIN, &err) != JR_OK)
            http_reply_error(r, &err);
        else
            http_reply_fail(r, JR_EINVAL, "nothing_to_change", "",
                            "Geef 'active' (true of false) of een nieuw 'password'.");
        return;
    }
    jr_status rc = JR_OK;
    if (password)
        rc = user_set_password(&r->ctx, name, password, &err);
    if (rc == JR_OK && has_active)
        rc = user_set_active(&r->ctx, name, active, &err);
    if (rc != JR_OK)
        http_reply_error(r, &err);
    else
        users_reply(r, 200, name);
}
