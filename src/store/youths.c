/*
 * youths.c: the youth table's queries (see youths.h).
 */
#include "youths.h"
#include "../core/sbuf.h"

jr_status store_youth_insert(jr_store *st, const char *bsn, jr_date birth, const char *gemeente,
                             int64_t *id, jr_error *err)
{
    jr_stmt *s = store_prepare(st,
                               "INSERT INTO youth (bsn, birth_date, gemeente, created_at)"
                               " VALUES (?, ?, ?, ?)",
                               err);
    if (!s)
        return JR_EDB;
    char b[JR_DATE_ISO_LEN], now[STORE_TS_LEN];
    store_bind_text(s, 1, bsn);
    store_bind_text(s, 2, date_format(birth, b));
    store_bind_text(s, 3, gemeente);
    store_bind_text(s, 4, store_timestamp(0, now));
    if (store_step(s, err) != STORE_DONE)
        return err && err->status == JR_ECONFLICT ? JR_ECONFLICT : JR_EDB;
    if (id)
        *id = store_last_id(st);
    return JR_OK;
}

/* one_youth: steps s (columns id, bsn, birth_date, gemeente) into *out */
static jr_status one_youth(jr_stmt *s, jr_youth *out, jr_error *err)
{
    store_step_result r = store_step(s, err);
    if (r == STORE_ERROR)
        return JR_EDB;
    if (r == STORE_DONE)
        return JR_ENOTFOUND;
    out->id = store_col_int(s, 0);
    str_copy(out->bsn, sizeof out->bsn, store_col_text(s, 1));
    date_parse(store_col_text(s, 2), &out->birth);
    str_copy(out->gemeente, sizeof out->gemeente, store_col_text(s, 3));
    store_reset(s);
    return JR_OK;
}

jr_status store_youth_by_bsn(jr_store *st, const char *bsn, jr_youth *out, jr_error *err)
{
    jr_stmt *s =
        store_prepare(st, "SELECT id, bsn, birth_date, gemeente FROM youth WHERE bsn = ?", err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, bsn);
    return one_youth(s, out, err);
}

jr_status store_youth_get(jr_store *st, int64_t id, jr_youth *out, jr_error *err)
{
    jr_stmt *s =
        store_prepare(st, "SELECT id, bsn, birth_date, gemeente FROM youth WHERE id = ?", err);
    if (!s)
        return JR_EDB;
    store_bind_int(s, 1, id);
    return one_youth(s, out, err);
}

jr_status store_youth_known_to(jr_store *st, int64_t youth_id, const char *agb, bool *out,
                               jr_error *err)
{
    jr_stmt *s = store_prepare(st,
                               "SELECT 1 FROM assignment a JOIN provider p ON p.id = a.provider_id"
                               " WHERE a.youth_id = ? AND p.agb = ? LIMIT 1",
                               err);
    if (!s)
        return JR_EDB;
    store_bind_int(s, 1, youth_id);
    store_bind_text(s, 2, agb);
    store_step_result r = store_step(s, err);
    store_reset(s);
    if (r == STORE_ERROR)
        return JR_EDB;
    *out = r == STORE_ROW;
    return JR_OK;
}
