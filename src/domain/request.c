/*
 * domain/request.c: the pure rules of a provider's request (see request.h).
 */
#include "request.h"

#include <string.h>

const char *request_refusal_name(const char *code)
{
    /* iJw 3.2 LDT_RedenAfwijzingVerzoek, in the words of basisschema.xsd */
    static const char *const names[] = {
        "Geen wijziging, maar nieuwe aanvraag",
        "Past niet binnen budget",
        "Geen contract",
        "Past niet binnen contract",
        "Andere gemeente",
        "Stapeling",
        "Zorginhoudelijke afkeur",
        "Woonplaatsbeginsel",
        "Leeftijdsgrens is bereikt",
    };
    if (!code || code[0] < '1' || code[0] > '9' || code[1] != '\0')
        return NULL;
    return names[code[0] - '1'];
}
