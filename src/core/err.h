/*
 * err.h: the error vocabulary shared by every layer.
 *
 * A function that can fail returns a jr_status and, when it fails, fills a
 * caller-owned jr_error with a stable code, the field at fault and a Dutch
 * message meant for the user. Interfaces (CLI, HTTP) map the status to an exit
 * code or an HTTP status; they never invent messages of their own.
 *
 * Refused input: a service that checks the fields of one call checks every
 * field before it refuses (jr_refuse per refused field). The first refusal
 * is what err itself holds, as it always was; when the caller attached a
 * list (jr_error_collect), every refusal of the call is recorded there too,
 * in the order of the checks, so that one answer can name them all. A
 * jr_error handed to a function that refuses this way must have been
 * cleared (jr_error_clear) or given a list (jr_error_collect) first, as
 * its list pointer is read; jr_fail never touches that pointer.
 */
#ifndef JR_ERR_H
#define JR_ERR_H

#include <stdarg.h>

typedef enum {
    JR_OK = 0,
    JR_EINVAL,     /* input refused by a rule or a syntax check */
    JR_ENOTFOUND,  /* the record asked for does not exist (or is not yours) */
    JR_ECONFLICT,  /* the input clashes with what is stored */
    JR_EDB,        /* the store failed */
    JR_EIO,        /* a file could not be read or written */
    JR_ENOMEM,     /* out of memory */
    JR_EAUTH,      /* not logged in, or the credentials are wrong */
    JR_EFORBIDDEN, /* logged in, but the role may not do this */
} jr_status;

/* One refused input field: the same code, field and message a jr_error
   holds. */
typedef struct {
    char code[32];
    char field[64];
    char message[512];
} jr_refusal;

/* at most this many refusals of one call are kept; the others are counted */
#define JR_INVALID_MAX 16

/* The refusals of one call, in the order they were found. Owned by the
 * caller (usually on its stack), attached to a jr_error by
 * jr_error_collect. */
typedef struct {
    int n;    /* refusals kept in item */
    int lost; /* refusals beyond JR_INVALID_MAX, counted only */
    jr_refusal item[JR_INVALID_MAX];
} jr_invalid_list;

typedef struct {
    jr_status status;
    char code[32];     /* stable machine code, e.g. "bsn_invalid" or an iJw retourcode */
    char field[64];    /* the input field at fault, "" when none */
    char message[512]; /* Dutch message for the user */
    /* every refused field of the call, or NULL (the default): then only the
       first refusal is kept, in the fields above. Not owned: the caller's,
       attached by jr_error_collect; a struct copy carries the pointer. */
    jr_invalid_list *invalid;
} jr_error;

/* jr_fail: fills err (when not NULL) and returns status. Leaves err's list
 * (err->invalid) as it is: a refusal is recorded there by jr_refuse only. */
jr_status jr_fail(jr_error *err, jr_status status, const char *code, const char *field,
                  const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* jr_refuse: one refused input field in a sequence of checks whose status
 * so far is so_far. When so_far is JR_OK this is the first refusal: err
 * takes it (status JR_EINVAL, code, field, message: exactly as jr_fail);
 * otherwise err's own fields stay as they are. Either way the refusal is
 * appended to err->invalid when err has a list. Returns JR_EINVAL when
 * so_far is JR_OK, else so_far, so that `rc = jr_refuse(err, rc, ...)`
 * keeps the status of the first failure. err may be NULL. */
jr_status jr_refuse(jr_error *err, jr_status so_far, const char *code, const char *field,
                    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* jr_refuse_error: a check that failed into its own jr_error e (a domain
 * check, a look-up that found nothing), joined to the sequence as
 * jr_refuse does: when so_far is JR_OK err takes e whole (its status
 * included) and e->status is returned; otherwise so_far is returned. The
 * refusals join err's list (when err has one): every refusal of e's own
 * list when e has one (a check that collects), else e itself; a first
 * failure that is not JR_EINVAL (a look-up) is not listed, as it stops the
 * sequence: go on checking while the status is JR_OK or JR_EINVAL. An
 * internal failure (JR_EDB, JR_EIO, JR_ENOMEM) is never a refusal: err
 * takes it and it is returned, whatever so_far. */
jr_status jr_refuse_error(jr_error *err, jr_status so_far, const jr_error *e);

/* jr_status_name: a short English name of a status, for logs. */
const char *jr_status_name(jr_status s);

/* jr_error_clear: resets err to "no error", list pointer included
 * (err->invalid becomes NULL: only the first refusal is kept); a list that
 * was attached is not touched. Safe on an uninitialised jr_error. */
void jr_error_clear(jr_error *err);

/* jr_error_take: err takes src's status, code, field and message (the
 * failure of a call made with a scratch jr_error) and keeps its own list:
 * a struct copy would carry src's list pointer over err's. err may be NULL. */
void jr_error_take(jr_error *err, const jr_error *src);

/* jr_error_collect: clears err, empties list and attaches it (list may be
 * NULL: the same as jr_error_clear). Every refusal err is given from now on
 * is also recorded in list, which must outlive err's use. */
void jr_error_collect(jr_error *err, jr_invalid_list *list);

/* jr_error_refusals: the number of refusals err's list holds (kept and
 * lost), 0 when err has no list. */
int jr_error_refusals(const jr_error *err);

#endif
