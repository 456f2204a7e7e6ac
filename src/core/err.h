/*
 * err.h: the error vocabulary shared by every layer.
 *
 * A function that can fail returns a jr_status and, when it fails, fills a
 * caller-owned jr_error with a stable code, the field at fault and a Dutch
 * message meant for the user. Interfaces (CLI, HTTP) map the status to an exit
 * code or an HTTP status; they never invent messages of their own.
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

typedef struct {
    jr_status status;
    char code[32];     /* stable machine code, e.g. "bsn_invalid" or an iJw retourcode */
    char field[64];    /* the input field at fault, "" when none */
    char message[512]; /* Dutch message for the user */
} jr_error;

/* jr_fail: fills err (when not NULL) and returns status. */
jr_status jr_fail(jr_error *err, jr_status status, const char *code, const char *field,
                  const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* jr_status_name: a short English name of a status, for logs. */
const char *jr_status_name(jr_status s);

/* jr_error_clear: resets err to "no error". */
void jr_error_clear(jr_error *err);

#endif
