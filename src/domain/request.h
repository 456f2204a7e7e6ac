/*
 * domain/request.h: the pure rules of a provider's request (iJw verzoek om
 * toewijzing / om wijziging): the refusal reasons the municipality answers
 * with (iJw LDT_RedenAfwijzingVerzoek).
 */
#ifndef JR_DOMAIN_REQUEST_H
#define JR_DOMAIN_REQUEST_H

/* request_refusal_name: the meaning of iJw RedenAfwijzingVerzoek code ("1"
 * to "9") as the standard words it; NULL when code is none of them. */
const char *request_refusal_name(const char *code);

#endif
