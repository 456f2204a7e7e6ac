/*
 * openapi.c: GET /api/v1/openapi.json, the OpenAPI 3.0 description of the
 * API under /api/v1, readable without logging in (it holds no personal
 * data), built from the table of operations below (summary, roles, query
 * arguments, body fields, success status of each) and the route table
 * generated from the ROUTE comments (which routes need no session). The
 * operations are written apart from the ROUTE comments on purpose: the
 * HTTP tests compare the two, so a route added without its description (or
 * the other way round) fails.
 */
#include "http.h"
#include "router.h"

#include "../core/sbuf.h"

#include <stdio.h>
#include <string.h>

/* One operation. query: names separated by ','. body: NULL (none), "csv", "xml",
 * or fields "name:type" separated by ',', a '*' after the name when
 * required; types string, integer, boolean, date, month, array, object. */
typedef struct {
    const char *method;
    const char *path;
    const char *tag;
    const char *summary;
    const char *roles;
    const char *query;
    const char *body;
    int ok;
    const char *produces; /* the answer's media type; NULL: application/json */
} openapi_op;

#define LIST_Q "limit,offset"

static const openapi_op openapi_ops[] = {
    {"post", "/api/v1/session", "sessie",
     "Inloggen: zet de cookie jr_session, geeft het CSRF-token", "iedereen", NULL,
     "name*:string,password*:string", 200, NULL},
    {"get", "/api/v1/session", "sessie", "Wie ben ik: de gebruiker en het CSRF-token van de sessie",
     "ingelogd", NULL, NULL, 200, NULL},
    {"delete", "/api/v1/session", "sessie", "Uitloggen", "ingelogd", NULL, NULL, 200, NULL},
    {"get", "/api/v1/catalog", "catalogus", "De regiocatalogus (als jeugdregio catalog --json)",
     "alle rollen", NULL, NULL, 200, NULL},
    {"get", "/api/v1/codes", "catalogus", "De redencodes van de declaratiecontroles", "alle rollen",
     LIST_Q, NULL, 200, NULL},
    {"get", "/api/v1/referrals/routes", "verwijzen",
     "De routes en keuzebudgetten die een type verwijzer mag gebruiken", "toegang, beheerder",
     "referrer_type", NULL, 200, NULL},
    {"get", "/api/v1/worklist", "werkvoorraad",
     "Werkvoorraad: open offertes, wachten op start zorg, afgewezen regels, bijna besteed",
     "alle rollen behalve lezer", "limit", NULL, 200, NULL},
    {"get", "/api/v1/providers", "aanbieders", "Aanbieders", "alle rollen", LIST_Q, NULL, 200,
     NULL},
    {"get", "/api/v1/providers/{agb}", "aanbieders", "Een aanbieder", "alle rollen", NULL, NULL,
     200, NULL},
    {"post", "/api/v1/providers", "aanbieders", "Een aanbieder registreren", "rsj, beheerder", NULL,
     "agb*:string,name*:string,kind:string", 201, NULL},
    {"get", "/api/v1/contracts", "aanbieders", "Contracten", "alle rollen", "agb," LIST_Q, NULL,
     200, NULL},
    {"post", "/api/v1/contracts", "aanbieders",
     "Een aanbieder contracteren voor een perceel (product * voor het hele perceel)",
     "rsj, beheerder", NULL, "agb*:string,lot*:string,product:string,start*:date,end:date", 201,
     NULL},
    {"post", "/api/v1/youths", "jeugdigen", "Een jeugdige registreren", "toegang, beheerder", NULL,
     "bsn*:string,birth*:date,gemeente*:string", 201, NULL},
    {"post", "/api/v1/youths/search", "jeugdigen",
     "Een jeugdige zoeken op BSN (het BSN in de aanvraag, nooit in het adres); geeft het id "
     "(wordt gelogd in het auditlog)",
     "binnen de eigen scope", NULL, "bsn*:string", 200, NULL},
    {"get", "/api/v1/youths/{id}", "jeugdigen",
     "Het dossier van een jeugdige op id (wordt gelogd in het auditlog)", "binnen de eigen scope",
     NULL, NULL, 200, NULL},
    {"post", "/api/v1/referrals", "verwijzen", "Verwijzen", "toegang, beheerder", NULL,
     "bsn*:string,referrer_type*:string,referrer_name:string,route*:string,budget:string,"
     "product:string,volume:integer,result*:string,date:date",
     201, NULL},
    {"get", "/api/v1/referrals", "verwijzen", "Verwijzingen", "binnen de eigen scope",
     "youth," LIST_Q, NULL, 200, NULL},
    {"get", "/api/v1/referrals/{id}", "verwijzen", "Een verwijzing", "binnen de eigen scope", NULL,
     NULL, 200, NULL},
    {"post", "/api/v1/referrals/{id}/assignment", "toewijzen",
     "Een open verwijzing toewijzen aan een aanbieder", "toegang, beheerder", NULL,
     "agb*:string,start*:date,end:date", 201, NULL},
    {"post", "/api/v1/referrals/{id}/quotes", "offertes",
     "Offertes aanvragen bij aanbieders voor een verwijzing met route offerte",
     "toegang, beheerder", NULL, "agbs*:array", 201, NULL},
    {"get", "/api/v1/quotes", "offertes", "Offertes", "binnen de eigen scope",
     "referral,agb," LIST_Q, NULL, 200, NULL},
    {"get", "/api/v1/quotes/{id}", "offertes", "Een offerte", "binnen de eigen scope", NULL, NULL,
     200, NULL},
    {"post", "/api/v1/quotes/{id}/answer", "offertes",
     "Een offerte beantwoorden: uren per functiegroep, looptijd en plan", "aanbieder", NULL,
     "lines*:array,months*:integer,plan:string", 200, NULL},
    {"post", "/api/v1/quotes/{id}/accept", "offertes",
     "Een beantwoorde offerte accepteren: een budgettoewijzing", "toegang, beheerder", NULL,
     "start*:date", 201, NULL},
    {"post", "/api/v1/quotes/{id}/reject", "offertes", "Een offerte afwijzen met een reden",
     "toegang, beheerder", NULL, "reason*:string", 200, NULL},
    {"get", "/api/v1/assignments", "toewijzen", "Toewijzingen met hun grootboek",
     "binnen de eigen scope", "gemeente,agb,youth," LIST_Q, NULL, 200, NULL},
    {"get", "/api/v1/assignments/{number}", "toewijzen",
     "Een toewijzing met grootboek (toegekend, gebruikt, resterend, vrijgevallen) en mutaties",
     "binnen de eigen scope", NULL, NULL, 200, NULL},
    {"patch", "/api/v1/assignments/{number}", "toewijzen",
     "Een toewijzing wijzigen: budget of volume, einddatum, reden (iJw RedenWijziging)",
     "toegang, beheerder", NULL, "budget_cents:integer,volume:integer,end:date,reason*:string", 200,
     NULL},
    {"post", "/api/v1/assignments/{number}/end", "toewijzen",
     "Een toewijzing beeindigen; het ongebruikte budget valt vrij", "toegang, beheerder", NULL,
     "date*:date,reason:string", 200, NULL},
    {"post", "/api/v1/assignments/{number}/withdraw", "toewijzen",
     "Een toewijzing intrekken (RedenWijziging 13)", "toegang, beheerder", NULL, "", 200, NULL},
    {"post", "/api/v1/assignments/{number}/care-start", "zorg", "Start zorg melden", "aanbieder",
     NULL, "date*:date", 200, NULL},
    {"post", "/api/v1/assignments/{number}/care-stop", "zorg",
     "Stop zorg melden met een reden (iJw RedenBeeindiging)", "aanbieder", NULL,
     "date*:date,reason*:string", 200, NULL},
    {"post", "/api/v1/declarations", "declareren",
     "Een declaratiebestand (CSV, hoogstens 64 MiB) inlezen; resultaat per regel",
     "aanbieder, beheerder", "name", "csv", 200, NULL},
    {"get", "/api/v1/declarations", "declareren", "Ontvangen declaraties per periode",
     "binnen de eigen scope", "period,gemeente,agb," LIST_Q, NULL, 200, NULL},
    {"get", "/api/v1/declarations/{id}/lines", "declareren", "De regels van een declaratie",
     "binnen de eigen scope", LIST_Q, NULL, 200, NULL},
    {"get", "/api/v1/settlements", "afrekening",
     "De afrekening van een periode per gemeente, aanbieder en product",
     "binnen de eigen scope (lezer: totalen)", "period,gemeente,agb," LIST_Q, NULL, 200, NULL},
    {"get", "/api/v1/settlements/lines", "afrekening", "De regels achter de afrekening",
     "binnen de eigen scope", "period,gemeente,agb,product," LIST_Q, NULL, 200, NULL},
    {"get", "/api/v1/settlements/task-budgets", "afrekening",
     "De taakbudgetten (taakgericht) van het jaar van de periode per partner, taak en gemeente: "
     "budget, termijnen betaald tot en met de periode, de termijn van de periode, resterend",
     "binnen de eigen scope (gemeente: eigen gemeente; aanbieder: waar zij partner is; lezer: "
     "alle)",
     "period,gemeente,agb," LIST_Q, NULL, 200, NULL},
    {"get", "/api/v1/figures/volume", "monitor",
     "Jeugdigen in zorg en toewijzingen (gestart, beeindigd, actief) in een periode, per 1.000 en "
     "als % van de jeugdigen onder 18, met vorig jaar en de regio ernaast",
     "binnen de eigen scope (gemeente: eigen gemeente en de regio; aanbieder: eigen productie; "
     "lezer: kleine groepen verborgen)",
     "period,gemeente,aanbieder", NULL, 200, NULL},
    {"get", "/api/v1/figures/referrals", "monitor",
     "Verwijzingen in een periode per type verwijzer en per route, met vorig jaar en de regio",
     "binnen de eigen scope (lezer: kleine groepen verborgen)", "period,gemeente,aanbieder", NULL,
     200, NULL},
    {"get", "/api/v1/figures/spending", "monitor",
     "Uitgaven (geaccepteerde declaraties) per voorziening, product en aanbieder, gemiddeld per "
     "jeugdige en per toewijzing, met de groei tegenover vorig jaar en de regio",
     "binnen de eigen scope (lezer: kleine groepen verborgen)", "period,gemeente,aanbieder", NULL,
     200, NULL},
    {"get", "/api/v1/figures/durations", "monitor",
     "Duur van de toewijzingen die in de periode eindigden: gemiddelde en mediaan in dagen en de "
     "duurklassen van het CBS, per voorziening",
     "binnen de eigen scope (lezer en andere gemeenten: kleine groepen verborgen)",
     "period,gemeente,aanbieder", NULL, 200, NULL},
    {"get", "/api/v1/figures/waiting", "monitor",
     "Wachttijd van verwijzing tot start zorg voor zorg die in de periode startte: mediaan en 90e "
     "percentiel in dagen, per aanbieder en per voorziening",
     "binnen de eigen scope (lezer en andere gemeenten: kleine groepen verborgen)",
     "period,gemeente,aanbieder", NULL, 200, NULL},
    {"get", "/api/v1/figures/endings", "monitor",
     "Redenen van beeindiging (iJw RedenBeeindiging) en de groepen van het CBS (volgens plan, "
     "voortijdig), met herinstroom binnen 12 maanden",
     "binnen de eigen scope (lezer en andere gemeenten: kleine groepen verborgen)",
     "period,gemeente,aanbieder", NULL, 200, NULL},
    {"get", "/api/v1/figures/concentration", "monitor",
     "Concentratie van aanbieders per voorziening op de geaccepteerde uitgaven: aandeel van de "
     "grootste vijf en de Herfindahl-Hirschman-index",
     "binnen de eigen scope (lezer en andere gemeenten: kleine groepen verborgen)",
     "period,gemeente,aanbieder", NULL, 200, NULL},
    {"get", "/api/v1/figures/budget", "monitor",
     "Budgetgebruik van de budgettoewijzingen die in de periode eindigden: toegekend, besteed, "
     "het aandeel en wat naar de gemeente terugvloeit, per keuzebudget",
     "binnen de eigen scope (lezer en andere gemeenten: kleine groepen verborgen)",
     "period,gemeente,aanbieder", NULL, 200, NULL},
    {"get", "/api/v1/figures/control", "begroting",
     "Begrotingscontrole van een jaar per voorziening: begroting, gerealiseerd, verplicht, "
     "prognose tot het jaareinde met haar methode en het signaal (op koers, let op, "
     "overschrijding); de regio is de som van de gemeenten",
     "beheerder, rsj, lezer; toegang en gemeente per gemeente (niet de regio); niet aanbieder",
     "period,gemeente", NULL, 200, NULL},
    {"get", "/api/v1/budgets", "begroting",
     "De begrotingen van een jaar per gemeente en voorziening",
     "beheerder, rsj; toegang en gemeente: de eigen gemeente", "year,gemeente," LIST_Q, NULL, 200,
     NULL},
    {"put", "/api/v1/budgets/{gemeente}/{year}/{voorziening}", "begroting",
     "De begroting van een gemeente voor een jaar en voorziening (ambulant, verblijf, crisis, "
     "dyslexie, overig) vastleggen of vervangen, met het Iv3-taakveld (6.72, 6.73, 6.74) als "
     "label",
     "beheerder; gemeente: de eigen gemeente", NULL, "amount_cents*:integer,taakveld:string", 200,
     NULL},
    {"get", "/api/v1/figures/benchmark", "monitor",
     "Benchmark: alle gemeenten van de regio naast elkaar per 1.000 jeugdigen (in zorg, gestart, "
     "uitgaven, aandeel ambulant, verblijf) met het regiogemiddelde, de positie en het verschil",
     "binnen de eigen scope (gemeente: eigen gemeente volledig, de andere als totalen; aanbieder: "
     "eigen productie; lezer: kleine groepen verborgen)",
     "period", NULL, 200, NULL},
    {"get", "/api/v1/figures/ambulantisering", "monitor",
     "Ambulantisering: aandeel ambulant tegenover wonen/verblijf in jeugdigen en in geld, per "
     "maand "
     "en dezelfde maanden vorig jaar",
     "binnen de eigen scope (lezer en andere gemeenten: kleine groepen verborgen)",
     "period,gemeente,aanbieder", NULL, 200, NULL},
    {"get", "/api/v1/figures/quotes", "monitor",
     "Offertes: aangevraagd, geaccepteerd, afgewezen en open per type verwijzer en per aanbieder, "
     "met de tijd tot antwoord (mediaan, 90e percentiel in dagen)",
     "binnen de eigen scope (lezer en andere gemeenten: kleine groepen verborgen)",
     "period,gemeente,aanbieder", NULL, 200, NULL},
    {"get", "/api/v1/figures/expensive", "monitor",
     "De duurste jeugdigen van een gemeente in de periode (hoogstens limit, standaard 10, tot 100) "
     "met de toewijzingen erachter; elke vraag staat in het auditlog",
     "beheerder, rsj; toegang en gemeente: eigen gemeente (persoonsgegevens)",
     "period,gemeente,aanbieder,limit", NULL, 200, NULL},
    {"get", "/api/v1/reports/council", "monitor",
     "De raadsrapportage jeugdhulp van een gemeente (zonder gemeente: de regio) over een periode "
     "als PDF: kerncijfers naast vorig jaar, uitgaven, verwijzingen, duur, wachttijd, "
     "beeindiging, budgetgebruik, ambulantisering, concentratie, de vergelijking tussen "
     "gemeenten, begroting en prognose, definities; kleine groepen altijd verborgen (openbaar "
     "stuk); elke rapportage staat in het auditlog",
     "beheerder, rsj, lezer; toegang en gemeente: eigen gemeente; niet aanbieder",
     "period,gemeente", NULL, 200, "application/pdf"},
    {"get", "/api/v1/figures/signals", "monitor",
     "Signalen voor de materiele controle per aanbieder: budget bijna altijd op, uren per week "
     "boven de grens, gedeclareerd buiten de zorgperiode, veel credits, een sprong in de "
     "maandomzet; met de regels erachter (persoonsgegevens, in het auditlog) en de drempels van "
     "de regio",
     "beheerder, rsj; toegang en gemeente: eigen gemeente met regels, andere en de regio zonder; "
     "lezer zonder regels; niet aanbieder",
     "period,gemeente,kind", NULL, 200, NULL},
    {"get", "/api/v1/exports/{figure}", "monitor",
     "De tabellen van een cijfer (volume, referrals, spending, durations, waiting, endings, "
     "concentration, budget, benchmark, ambulantisering, quotes, control, expensive; monitor: "
     "alle cijfers van de monitor) als Excel-werkmap (een tabblad per tabel, echte getallen, "
     "bedragen en datums) of CSV (';', decimale komma); table kiest een tabel; aanbieder "
     "filtert als de route van het cijfer (benchmark, control en signals hebben dat filter niet)",
     "als de route van het cijfer zelf (expensive: persoonsgegevens, in het auditlog)",
     "period,gemeente,aanbieder,format,table,limit", NULL, 200,
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    {"get", "/api/v1/continuity", "continuiteit",
     "Continuiteit van aanbieders in een jaar per omzetklasse (jeugdhulpomzet boven of tot en "
     "met 2 miljoen euro; onbekend als die ontbreekt): aantal aanbieders met cijfers, het "
     "aandeel (een decimaal) met een positief resultaat, rentabiliteit boven 1,5 %, "
     "solvabiliteit boven 20 % en current ratio boven 1, en de aanbieders die twee of meer "
     "signalen niet halen",
     "beheerder, rsj; lezer, gemeente en toegang zonder AGB-codes (at_risk null); niet "
     "aanbieder",
     "year", NULL, 200, NULL},
    {"get", "/api/v1/continuity/years", "continuiteit",
     "Het overzicht van de continuiteit van elk jaar met cijfers (zonder AGB-codes)",
     "beheerder, rsj, lezer, gemeente, toegang; niet aanbieder", NULL, NULL, 200, NULL},
    {"get", "/api/v1/continuity/accounts", "continuiteit",
     "De jaarcijfers van aanbieders met per signaal gehaald, niet gehaald of ontbrekend",
     "beheerder, rsj; aanbieder: de eigen cijfers", "year,agb," LIST_Q, NULL, 200, NULL},
    {"post", "/api/v1/continuity/accounts", "continuiteit",
     "Jaarcijfers van aanbieders inlezen (CSV met kopregel agb,name,year,total_revenue_cents,"
     "youth_revenue_cents,net_result_cents,equity_cents,total_assets_cents,"
     "current_assets_cents,current_liabilities_cents; leeg is onbekend); een foute rij weigert "
     "het hele bestand met het regelnummer; hetzelfde jaar opnieuw vervangt de cijfers",
     "rsj, beheerder", "name", "csv", 200, NULL},
    {"get", "/api/v1/framework-agreements", "raamovereenkomsten",
     "Raamovereenkomsten per perceel met de huidige einddatum (na verlengingen), de laatste dag "
     "voor wijzigingsvoorstellen (voor 1 maart van het jaar van de einddatum), de volgende "
     "evaluatie en het aantal contracten",
     "alle rollen", LIST_Q, NULL, 200, NULL},
    {"post", "/api/v1/framework-agreements", "raamovereenkomsten",
     "Een raamovereenkomst voor een perceel vastleggen", "rsj, beheerder", NULL,
     "lot*:string,name*:string,start*:date,end*:date", 201, NULL},
    {"get", "/api/v1/framework-agreements/{id}", "raamovereenkomsten",
     "Een raamovereenkomst met haar verlengingen, evaluaties en contracten", "alle rollen", NULL,
     NULL, 200, NULL},
    {"post", "/api/v1/framework-agreements/{id}/extensions", "raamovereenkomsten",
     "Een verlenging: gaat in op de dag na de huidige einddatum, voor een aantal maanden",
     "rsj, beheerder", NULL, "start*:date,months*:integer,note:string", 201, NULL},
    {"post", "/api/v1/framework-agreements/{id}/evaluations", "raamovereenkomsten",
     "Een evaluatiemoment plannen binnen de looptijd", "rsj, beheerder", NULL,
     "date*:date,subject*:string", 201, NULL},
    {"post", "/api/v1/framework-agreements/{id}/evaluations/{eid}/outcome", "raamovereenkomsten",
     "De uitkomst van een gehouden evaluatie (eenmalig)", "rsj, beheerder", NULL,
     "date*:date,outcome*:string", 200, NULL},
    {"post", "/api/v1/framework-agreements/{id}/contracts", "raamovereenkomsten",
     "Een contract van hetzelfde perceel onder de raamovereenkomst hangen", "rsj, beheerder", NULL,
     "contract_id*:integer", 201, NULL},
    {"get", "/api/v1/change-proposals", "raamovereenkomsten", "Wijzigingsvoorstellen met hun stand",
     "rsj, beheerder, gemeente: alle; aanbieder: de eigen en de besloten; niet toegang en lezer",
     "agreement," LIST_Q, NULL, 200, NULL},
    {"post", "/api/v1/change-proposals", "raamovereenkomsten",
     "Een wijzigingsvoorstel indienen (vandaag; alleen voor 1 maart van het jaar waarin de "
     "raamovereenkomst afloopt)",
     "gemeente, rsj, aanbieder; beheerder met proposer_kind en proposer", NULL,
     "agreement_id*:integer,title*:string,description*:string,effect_youth*:string,"
     "effect_contractor*:string,effect_client*:string,proposer_kind:string,proposer:string",
     201, NULL},
    {"get", "/api/v1/change-proposals/{id}", "raamovereenkomsten",
     "Een wijzigingsvoorstel met zijn geschiedenis",
     "rsj, beheerder, gemeente; aanbieder: het eigen of een besloten voorstel", NULL, NULL, 200,
     NULL},
    {"post", "/api/v1/change-proposals/{id}/discussion", "raamovereenkomsten",
     "Een ingediend voorstel in bespreking nemen (voor de verlengingsdatum)", "rsj, beheerder",
     NULL, "note:string", 200, NULL},
    {"post", "/api/v1/change-proposals/{id}/decision", "raamovereenkomsten",
     "Besluiten over een voorstel in bespreking: aangenomen of afgewezen, met motivering (voor "
     "de verlengingsdatum)",
     "rsj, beheerder", NULL, "outcome*:string,reason*:string", 200, NULL},
    {"post", "/api/v1/change-proposals/{id}/effect", "raamovereenkomsten",
     "Een aangenomen voorstel in werking: op of na de verlengingsdatum, als de raamovereenkomst "
     "per die datum verlengd is",
     "rsj, beheerder", NULL, "note:string", 200, NULL},
    {"get", "/api/v1/covenants", "raamovereenkomsten",
     "Transformatieconvenanten met hun percelen, afspraken en de stand per aanbieder",
     "rsj, beheerder, gemeente; aanbieder: de eigen stand; niet toegang en lezer", NULL, NULL, 200,
     NULL},
    {"post", "/api/v1/covenants", "raamovereenkomsten", "Een transformatieconvenant vastleggen",
     "rsj, beheerder", NULL, "name*:string,signed*:date,lots*:array", 201, NULL},
    {"get", "/api/v1/covenants/{id}", "raamovereenkomsten",
     "Een transformatieconvenant met zijn percelen, afspraken en de stand per aanbieder",
     "rsj, beheerder, gemeente; aanbieder: de eigen stand", NULL, NULL, 200, NULL},
    {"post", "/api/v1/covenants/{id}/commitments", "raamovereenkomsten",
     "Een afspraak van het convenant", "rsj, beheerder", NULL, "title*:string,description*:string",
     201, NULL},
    {"post", "/api/v1/covenants/{id}/statuses", "raamovereenkomsten",
     "De stand van een afspraak voor een aanbieder (afgesproken, in_uitvoering, gerealiseerd, "
     "niet_gerealiseerd) op een datum",
     "rsj, beheerder", NULL,
     "commitment_id*:integer,agb*:string,status*:string,date*:date,note:string", 201, NULL},
    {"get", "/api/v1/directory/providers", "contractmanagement",
     "Het zorgaanbiedersoverzicht voor verwijzers: gecontracteerde aanbieders met hun aanbod "
     "(producten, keuzebudget, wonen, crisis, dyslexie), gemeenten, contactgegevens en gemelde "
     "wachttijd; product: een product, keuzebudget of ambulant, wonen, crisis, dyslexie",
     "alle rollen", "product,gemeente,name," LIST_Q, NULL, 200, NULL},
    {"get", "/api/v1/public/providers", "contractmanagement",
     "Het openbare zorgaanbiedersoverzicht (zonder inloggen, zonder persoonsgegevens), als "
     "/api/v1/directory/providers",
     "iedereen", "product,gemeente,name," LIST_Q, NULL, 200, NULL},
    {"get", "/api/v1/public/catalog", "contractmanagement",
     "De gemeenten, producten en keuzebudgetten voor de filters van het openbare overzicht "
     "(zonder tarieven, zonder inloggen)",
     "iedereen", NULL, NULL, 200, NULL},
    {"get", "/api/v1/provider-files/{agb}", "contractmanagement",
     "Het dossier van een aanbieder: gegevens, contractmanager, wachttijd, contracten met "
     "gemeenten, escalaties met hun stappen; klachten en notities alleen voor rsj en beheerder; "
     "met period de productie uit de monitor (volume en uitgaven met het filter op de aanbieder)",
     "rsj, beheerder; aanbieder: het eigen dossier zonder klachten en notities", "period", NULL,
     200, NULL},
    {"get", "/api/v1/contract-managers", "contractmanagement", "De aanbieders per contractmanager",
     "rsj, beheerder", "user," LIST_Q, NULL, 200, NULL},
    {"put", "/api/v1/providers/{agb}/contract-manager", "contractmanagement",
     "De contractmanager van een aanbieder toewijzen (een gebruiker met rol rsj)", "rsj, beheerder",
     NULL, "user*:string", 200, NULL},
    {"put", "/api/v1/providers/{agb}/details", "contractmanagement",
     "De contactgegevens van een aanbieder voor verwijzers vervangen",
     "rsj, beheerder; "
     "aanbieder: de eigen",
     NULL, "address:string,postcode:string,place:string,phone:string,email:string,website:string",
     200, NULL},
    {"post", "/api/v1/providers/{agb}/waiting-times", "contractmanagement",
     "Een wachttijd melden (weken, op een datum; standaard vandaag)",
     "rsj, beheerder; aanbieder: de eigen", NULL, "weeks*:integer,date:date", 201, NULL},
    {"post", "/api/v1/providers/{agb}/complaints", "contractmanagement",
     "Een klacht over een aanbieder vastleggen (van: jeugdige, ouder, verwijzer, gemeente, "
     "medewerker of anders; geen naam)",
     "rsj, beheerder", NULL,
     "received_on:date,complainant*:string,subject*:string,handling:string,closed_on:date", 201,
     NULL},
    {"post", "/api/v1/complaints/{id}/close", "contractmanagement",
     "Een klacht sluiten met de afhandeling", "rsj, beheerder", NULL, "date:date,handling*:string",
     200, NULL},
    {"post", "/api/v1/providers/{agb}/escalations", "contractmanagement",
     "Een escalatie openen (financieel of kwaliteit) met het signaal", "rsj, beheerder", NULL,
     "kind*:string,reason*:string,date:date,note:string", 201, NULL},
    {"post", "/api/v1/escalations/{id}/steps", "contractmanagement",
     "De volgende stap van een escalatie (gesprek, verbeterplan, maatregel; afgesloten na elke "
     "stap), op volgorde, met datum en notitie",
     "rsj, beheerder", NULL, "step*:string,date:date,note:string", 201, NULL},
    {"post", "/api/v1/providers/{agb}/notes", "contractmanagement",
     "Een notitie in het dossier van een aanbieder", "rsj, beheerder", NULL,
     "date:date,text*:string", 201, NULL},
    {"get", "/api/v1/contracts/{id}/municipalities", "contractmanagement",
     "De gemeenten waarvoor een contract geldt (leeg: alle gemeenten van de regio)", "alle rollen",
     NULL, NULL, 200, NULL},
    {"put", "/api/v1/contracts/{id}/municipalities", "contractmanagement",
     "De gemeenten van een contract vastleggen (CBS-codes; een lege lijst: alle gemeenten)",
     "rsj, beheerder", NULL, "gemeenten*:array", 200, NULL},
    {"get", "/api/v1/tariff-models", "tarieven",
     "De jaren met normen voor het tariefmodel (cao, index: OVA, PCC, methode en gewichten)",
     "beheerder, rsj, gemeente, lezer", LIST_Q, NULL, 200, NULL},
    {"get", "/api/v1/tariff-models/{year}", "tarieven",
     "Het tariefmodel van een jaar: de normen en de opbouw van elk uurtarief per functiegroep "
     "en elk etmaaltarief per intensiteit, stap voor stap (norm, bedrag, tussenresultaat; "
     "bedragen in eurocenten, percentages in basispunten, elke deling half naar boven op de "
     "cent)",
     "beheerder, rsj, gemeente, lezer", NULL, NULL, 200, NULL},
    {"put", "/api/v1/tariff-models/{year}", "tarieven",
     "De normen van een jaar vervangen door een normendocument (als "
     "config/ijsselland-tariff-norms-2025.json); elke fout met veld en reden, dan niets "
     "opgeslagen",
     "rsj, beheerder", NULL,
     "format*:string,year*:integer,cao*:string,index*:object,functiegroepen*:array,"
     "intensities:array,example:boolean,region:string,notes:array",
     200, NULL},
    {"patch", "/api/v1/tariff-models/{year}", "tarieven",
     "De eigen velden van een jaar wijzigen: cao, ova_bp, pcc_bp, index_method (ova of vng), "
     "wage_weight_bp, example; in het auditlog met oude en nieuwe waarde",
     "rsj, beheerder", NULL,
     "cao:string,ova_bp:integer,pcc_bp:integer,index_method:string,wage_weight_bp:integer,"
     "example:boolean",
     200, NULL},
    {"patch", "/api/v1/tariff-models/{year}/norms/{code}", "tarieven",
     "Velden van de normen van een functiegroep of intensiteit wijzigen (bedragen als tekst in "
     "euro's, \"3412.50\"; de andere getallen geheel); in het auditlog met oude en nieuwe waarde",
     "rsj, beheerder", NULL,
     "scale:integer,step:integer,monthly_salary:string,holiday_bp:integer,year_end_bp:integer,"
     "employer_bp:integer,hours_per_fte:integer,overhead_bp:integer,other_costs:string,"
     "staff_fg:string,fte_x100:integer,group_size:integer,accommodation:string,"
     "occupancy_bp:integer,example:boolean",
     200, NULL},
    {"get", "/api/v1/catalog-proposals/{year}", "tarieven",
     "De voorgestelde catalogus van een jaar naast de huidige: per product het huidige tarief "
     "(31 december van het jaar ervoor), het modeltarief, het geindexeerde (OVA of VNG-mix), het "
     "voorstel (het eigen tarief van de regio, anders model of index volgens basis) en het "
     "verschil in centen en promille",
     "beheerder, rsj, gemeente, lezer", "basis", NULL, 200, NULL},
    {"post", "/api/v1/catalog-proposals/{year}/adoptions", "tarieven",
     "De voorgestelde catalogus vaststellen: antwoordt met het regiobestand met de "
     "tariefperiode van het jaar (gecontroleerd met de regiolader) om te installeren; in het "
     "auditlog per product",
     "rsj, beheerder", NULL, "basis:string", 201, NULL},
    {"get", "/api/v1/tenders", "aanbestedingen",
     "Aanbestedingen met percelen, producten, kwaliteitscriteria (gewicht, minimumscore) en de "
     "data van de fasen, met de fase van vandaag",
     "alle rollen: gepubliceerde; rsj en beheerder ook nog niet gepubliceerde", LIST_Q, NULL, 200,
     NULL},
    {"post", "/api/v1/tenders", "aanbestedingen",
     "Een aanbesteding aanmaken: naam, data van de fasen (publicatie tot contract; standstill ten "
     "minste 20 dagen), percelen met producten uit de catalogus, criteria met gewichten die "
     "samen 100 zijn",
     "rsj, beheerder", NULL,
     "name*:string,description:string,dates*:object,lots*:array,criteria*:array", 201, NULL},
    {"get", "/api/v1/tenders/supply", "aanbestedingen",
     "Het aanbod op een datum: per product de gecontracteerde aanbieders en hun capaciteit "
     "(waar bekend), per product en gemeente de gecontracteerde aanbieders met zorg daar",
     "rsj, beheerder", "date,product", NULL, 200, NULL},
    {"get", "/api/v1/tenders/{id}", "aanbestedingen", "Een aanbesteding",
     "alle rollen zodra gepubliceerd", NULL, NULL, 200, NULL},
    {"put", "/api/v1/tenders/{id}/dates", "aanbestedingen",
     "De data van de fasen wijzigen (rectificatie), met reden; niet meer na contractering",
     "rsj, beheerder", NULL, "dates*:object,reason*:string", 200, NULL},
    {"get", "/api/v1/tenders/{id}/questions", "aanbestedingen",
     "De nota van inlichtingen: de beantwoorde vragen (zonder vraagsteller); een aanbieder ook "
     "zijn eigen open vragen; rsj en beheerder alles",
     "alle rollen zodra gepubliceerd", LIST_Q, NULL, 200, NULL},
    {"post", "/api/v1/tenders/{id}/questions", "aanbestedingen",
     "Een vraag stellen (alleen tijdens de nota van inlichtingen)", "aanbieder, rsj, beheerder",
     NULL, "question*:string", 201, NULL},
    {"post", "/api/v1/tenders/{id}/questions/{qid}/answer", "aanbestedingen",
     "Een vraag beantwoorden (tot de inschrijving sluit)", "rsj, beheerder", NULL, "answer*:string",
     200, NULL},
    {"get", "/api/v1/tenders/{id}/registrations", "aanbestedingen",
     "De inschrijvingen met producten, onderaannemers en resultaat (wie voldoet en waarom niet)",
     "rsj, beheerder; aanbieder: de eigen, resultaat na de gunning", "lot," LIST_Q, NULL, 200,
     NULL},
    {"post", "/api/v1/tenders/{id}/lots/{lot}/registrations", "aanbestedingen",
     "Inschrijven op een perceel, alleen of als combinatie (hoofdaannemer met onderaannemers); "
     "na de eerste ronde een verzoek tot late toetreding",
     "aanbieder voor zichzelf; rsj en beheerder namens een inschrijver", NULL,
     "agb*:string,name*:string,kind:string,products*:array,subcontractors:array", 201, NULL},
    {"post", "/api/v1/tenders/{id}/lots/{lot}/award", "aanbestedingen",
     "Een perceel gunnen (vanaf de gunningsdatum, als elke inschrijving volledig beoordeeld is); "
     "sent_on: de dag dat de gunningsbeslissing verzonden is (standaard vandaag), waarna de "
     "standstill begint",
     "rsj, beheerder", NULL, "sent_on:date", 200, NULL},
    {"post", "/api/v1/tenders/{id}/lots/{lot}/contracts", "aanbestedingen",
     "De gunning omzetten in contracten (pas na de standstill)", "rsj, beheerder", NULL, NULL, 200,
     NULL},
    {"get", "/api/v1/tender-registrations/{id}", "aanbestedingen", "Een inschrijving",
     "rsj, beheerder; aanbieder: de eigen", NULL, NULL, 200, NULL},
    {"get", "/api/v1/tender-registrations/{id}/scores", "aanbestedingen",
     "De scores van een inschrijving met motivering",
     "rsj, beheerder; aanbieder: de eigen na de gunning, zonder beoordelaar", LIST_Q, NULL, 200,
     NULL},
    {"post", "/api/v1/tender-registrations/{id}/scores", "aanbestedingen",
     "Een score (0-10) op een criterium met motivering (alleen tijdens de beoordeling)",
     "rsj, beheerder", NULL, "criterion*:integer,score*:integer,motivation*:string", 200, NULL},
    {"post", "/api/v1/tender-registrations/{id}/admission", "aanbestedingen",
     "Besluit over late toetreding: toegelaten (aanbod onvoldoende in kwaliteit, kwantiteit of "
     "spreiding) of geweigerd, met onderbouwing; toegelaten geeft contracten",
     "rsj, beheerder", NULL, "decision*:string,reason*:string,grounds*:string", 200, NULL},
    {"post", "/api/v1/impact-analyses", "tariefonderzoek",
     "Impactanalyse: de gerealiseerde productie van een jaar (de geaccepteerde declaratieregels, "
     "of production: CSV van het oude model met kopregel agb,gemeente,profile,product,unit,"
     "volume,amount_cents en profiles: profile,product) opnieuw geprijsd onder een of twee "
     "scenario's ({name, method: capped|uncapped, tariffs: {productcode: eurocenten}, budgets: "
     "{KB: eurocenten}}); het verschil per aanbieder, per gemeente en in totaal in eurocenten en "
     "promille, met de grootste verliezers; format=xlsx of csv geeft de tabellen als bestand; "
     "er wordt niets opgeslagen",
     "beheerder, rsj; gemeente: de eigen gemeente en het totaal; lezer: gemeenten en totaal, "
     "geen aanbieders; niet toegang en aanbieder",
     "format", "year*:integer,scenarios*:array,losers:integer,production:string,profiles:string",
     200, NULL},
    {"get", "/api/v1/impact-analyses", "tariefonderzoek",
     "Impactanalyse op opgeslagen scenario's (a en optioneel b: hun namen) over de productie "
     "van het jaar in de database; als POST /api/v1/impact-analyses",
     "beheerder, rsj; gemeente: de eigen gemeente en het totaal; lezer: gemeenten en totaal",
     "year,a,b,losers,format", NULL, 200, NULL},
    {"get", "/api/v1/impact-analyses/scenarios", "tariefonderzoek",
     "De opgeslagen scenario's van de impactanalyse", "beheerder, rsj, gemeente, lezer", LIST_Q,
     NULL, 200, NULL},
    {"post", "/api/v1/impact-analyses/scenarios", "tariefonderzoek",
     "Een scenario opslaan onder zijn naam (201; dezelfde naam opnieuw vervangt het: 200); in het "
     "auditlog",
     "rsj, beheerder", NULL, "name*:string,method:string,tariffs*:object,budgets:object", 201,
     NULL},
    {"delete", "/api/v1/impact-analyses/scenarios", "tariefonderzoek",
     "Een opgeslagen scenario verwijderen (in het auditlog)", "rsj, beheerder", "name", NULL, 200,
     NULL},
    {"get", "/api/v1/impact-analyses/template", "tariefonderzoek",
     "Een scenario met de tarieven en budgetten van de catalogus op 1 juli van het jaar, om een "
     "voorstel van te maken",
     "beheerder, rsj, gemeente, lezer", "year", NULL, 200, NULL},
    {"get", "/api/v1/users", "beheer", "Gebruikers", "beheerder", LIST_Q, NULL, 200, NULL},
    {"post", "/api/v1/users", "beheer", "Een gebruiker toevoegen", "beheerder", NULL,
     "name*:string,display_name:string,role*:string,gemeente:string,agb:string,"
     "password*:string",
     201, NULL},
    {"patch", "/api/v1/users/{name}", "beheer",
     "Een gebruiker (de)activeren of een nieuw wachtwoord", "beheerder", NULL,
     "active:boolean,password:string", 200, NULL},
    {"get", "/api/v1/audit", "beheer", "Het auditlog, nieuwste eerst", "beheerder",
     "entity,id,actor," LIST_Q, NULL, 200, NULL},
    {"post", "/api/v1/ijw", "ijw",
     "Een iJw-bericht (XML, hoogstens 64 MiB) verwerken; antwoord met het retourbericht (JW325 "
     "op een JW323); ?format=xml geeft het retourbericht zelf",
     "aanbieder (als eigen AGB), beheerder", "name,format", "xml", 200, NULL},
    {"post", "/api/v1/ijw/outgoing/export", "ijw",
     "De openstaande uitgaande JW301- of JW319-berichten schrijven en als verstuurd markeren",
     "beheerder", NULL, "type*:string,since:date", 200, NULL},
    {"get", "/api/v1/openapi.json", "documentatie", "Deze beschrijving (OpenAPI 3.0)",
     "iedereen, ook zonder in te loggen", NULL, NULL, 200, NULL},
};

#define OPENAPI_NOPS (int)(sizeof openapi_ops / sizeof openapi_ops[0])

static json_t *openapi_schema_of(const char *type)
{
    if (strcmp(type, "date") == 0)
        return json_pack("{s:s, s:s}", "type", "string", "format", "date");
    if (strcmp(type, "month") == 0)
        return json_pack("{s:s, s:s}", "type", "string", "pattern", "^[0-9]{4}-[0-9]{2}$");
    if (strcmp(type, "array") == 0)
        return json_pack("{s:s, s:{}}", "type", "array", "items");
    return json_pack("{s:s}", "type", type);
}

/* openapi_body: the requestBody of op, or NULL. */
static json_t *openapi_body(const openapi_op *op)
{
    if (!op->body)
        return NULL;
    if (strcmp(op->body, "csv") == 0)
        return json_pack("{s:b, s:{s:{s:{s:s}}}}", "required", 1, "content", "text/csv", "schema",
                         "type", "string");
    if (strcmp(op->body, "xml") == 0)
        return json_pack("{s:b, s:{s:{s:{s:s}}, s:{s:{s:s}}}}", "required", 1, "content",
                         "application/xml", "schema", "type", "string", "text/xml", "schema",
                         "type", "string");
    json_t *props = json_object(), *req = json_array();
    char buf[512];
    str_copy(buf, sizeof buf, op->body);
    for (char *save = NULL, *f = strtok_r(buf, ",", &save); f; f = strtok_r(NULL, ",", &save)) {
        char *colon = strchr(f, ':');
        if (!colon)
            continue;
        *colon = '\0';
        size_t n = strlen(f);
        if (n && f[n - 1] == '*') {
            f[n - 1] = '\0';
            json_array_append_new(req, json_string(f));
        }
        json_object_set_new(props, f, openapi_schema_of(colon + 1));
    }
    json_t *schema = json_pack("{s:s, s:o}", "type", "object", "properties", props);
    if (schema && json_array_size(req) > 0)
        json_object_set(schema, "required", req);
    json_decref(req);
    return json_pack("{s:b, s:{s:{s:o}}}", "required", op->body[0] != '\0', "content",
                     "application/json", "schema", schema);
}

/* openapi_param_about: the Dutch description of the figure routes' shared
 * query arguments (period, gemeente, aanbieder), NULL for the others */
static const char *openapi_param_about(const openapi_op *op, const char *q)
{
    if (!strstr(op->path, "/figures/") && !strstr(op->path, "/exports/") &&
        !strstr(op->path, "/reports/"))
        return NULL;
    if (strcmp(q, "period") == 0)
        return "De periode: een jaar (JJJJ), half jaar (JJJJ-Hn), kwartaal (JJJJ-Qn) of maand "
               "(JJJJ-MM); anders 400 period_invalid.";
    if (strcmp(q, "gemeente") == 0)
        return "CBS-code van een gemeente van de regio; zonder: de regio (toegang en gemeente: "
               "de eigen gemeente); een onbekende 400 gemeente_unknown.";
    if (strcmp(q, "aanbieder") == 0)
        return "AGB-code (8 cijfers) van een aanbieder: alleen diens productie, ook in de regio "
               "ernaast (scope.agb noemt de aanbieder); zonder: alle aanbieders. Een onbekende "
               "400 aanbieder_unknown; een aanbieder mag alleen de eigen vragen (anders 403). "
               "Kleine groepen blijven verborgen zoals zonder filter.";
    return NULL;
}

static json_t *openapi_params(const openapi_op *op)
{
    json_t *a = json_array();
    for (const char *p = strchr(op->path, '{'); a && p; p = strchr(p + 1, '{')) {
        const char *end = strchr(p, '}');
        if (!end)
            break;
        char name[32];
        snprintf(name, sizeof name, "%.*s", (int)(end - p - 1), p + 1);
        json_array_append_new(a, json_pack("{s:s, s:s, s:b, s:{s:s}}", "name", name, "in", "path",
                                           "required", 1, "schema", "type", "string"));
    }
    if (op->query) {
        char buf[256];
        str_copy(buf, sizeof buf, op->query);
        for (char *save = NULL, *q = strtok_r(buf, ",", &save); a && q;
             q = strtok_r(NULL, ",", &save)) {
            bool num = strcmp(q, "limit") == 0 || strcmp(q, "offset") == 0 ||
                       strcmp(q, "referral") == 0 || strcmp(q, "youth") == 0;
            json_t *param =
                json_pack("{s:s, s:s, s:b, s:{s:s}}", "name", q, "in", "query", "required",
                          strcmp(q, "period") == 0 && (strstr(op->path, "settlements") != NULL ||
                                                       strstr(op->path, "figures") != NULL),
                          "schema", "type", num ? "integer" : "string");
            const char *about = openapi_param_about(op, q);
            if (param && about)
                json_object_set_new(param, "description", json_string(about));
            json_array_append_new(a, param);
        }
    }
    return a;
}

static json_t *openapi_operation(const openapi_op *op)
{
    char id[128], desc[256], code[8];
    snprintf(id, sizeof id, "%s %s", op->method, op->path);
    snprintf(desc, sizeof desc, "Wie: %s.", op->roles);
    snprintf(code, sizeof code, "%d", op->ok);
    json_t *responses =
        op->produces
            ? json_pack("{s:{s:s, s:{s:{s:{s:s, s:s}}}}}", code, "description", "gelukt", "content",
                        op->produces, "schema", "type", "string", "format", "binary")
            : json_pack("{s:{s:s, s:{s:{s:{s:s}}}}}", code, "description", "gelukt", "content",
                        "application/json", "schema", "type", "object");
    static const struct {
        const char *code, *what;
    } errs[] = {{"400", "ongeldige invoer"},
                {"401", "niet ingelogd"},
                {"403", "niet toegestaan of CSRF-token ontbreekt"},
                {"404", "bestaat niet (of niet van u)"},
                {"409", "conflict: bestaat al of verkeerde toestand"},
                {"413", "te groot"},
                {"429", "te veel mislukte inlogpogingen"},
                {"500", "interne fout"}};
    for (size_t i = 0; responses && i < sizeof errs / sizeof errs[0]; i++)
        json_object_set_new(responses, errs[i].code,
                            json_pack("{s:s, s:{s:{s:{s:s}}}}", "description", errs[i].what,
                                      "content", "application/problem+json", "schema", "$ref",
                                      "#/components/schemas/Problem"));
    json_t *o = json_pack("{s:[s], s:s, s:s, s:s, s:o, s:o}", "tags", op->tag, "summary",
                          op->summary, "description", desc, "operationId", id, "parameters",
                          openapi_params(op), "responses", responses);
    json_t *body = openapi_body(op);
    if (o && body)
        json_object_set_new(o, "requestBody", body);
    else
        json_decref(body);
    char upper[8];
    size_t k = 0;
    for (; op->method[k] && k < sizeof upper - 1; k++)
        upper[k] = (char)(op->method[k] - ('a' - 'A'));
    upper[k] = '\0';
    const http_route *rt = router_find(router_method_parse(upper), op->path);
    if (o && rt && (rt->flags & HTTP_ROUTE_PUBLIC))
        json_object_set_new(o, "security", json_array());
    return o;
}

/* openapi_document: the whole description (a new reference). */
static json_t *openapi_document(void)
{
    json_t *paths = json_object();
    for (int i = 0; paths && i < OPENAPI_NOPS; i++) {
        const openapi_op *op = &openapi_ops[i];
        json_t *item = json_object_get(paths, op->path);
        if (!item) {
            item = json_object();
            json_object_set_new(paths, op->path, item);
        }
        if (item)
            json_object_set_new(item, op->method, openapi_operation(op));
    }
    json_t *problem = json_pack(
        "{s:s, s:[s,s,s,s,s], s:{s:{s:s}, s:{s:s}, s:{s:s}, s:{s:s}, s:{s:s}, s:{s:s}, s:{s:s}, "
        "s:{s:s}, s:{s:s, s:{s:s, s:[s,s,s], s:{s:{s:s}, s:{s:s}, s:{s:s}}}}}}",
        "type", "object", "required", "type", "title", "status", "detail", "code", "properties",
        "type", "type", "string", "title", "type", "string", "status", "type", "integer", "detail",
        "type", "string", "instance", "type", "string", "code", "type", "string", "field", "type",
        "string", "message", "type", "string", "invalidParams", "type", "array", "items", "type",
        "object", "required", "name", "code", "reason", "properties", "name", "type", "string",
        "code", "type", "string", "reason", "type", "string");
    return json_pack(
        "{s:s, s:{s:s, s:s, s:s}, s:[{s:s}], s:o, s:{s:{s:o}, s:{s:{s:s, s:s, s:s}, s:{s:s, s:s, "
        "s:s}}}, s:[{s:[], s:[]}]}",
        "openapi", "3.0.3", "info", "title", "jeugdregio API", "version", HTTP_API_VERSION,
        "description",
        "Bekostiging van specialistische jeugdhulp (Jeugdwet). Bedragen in eurocenten, datums "
        "JJJJ-MM-DD, perioden JJJJ-MM. Lijsten: ?limit= (standaard 50, hoogstens 500) en "
        "?offset=; antwoord {items, total, limit, offset}. Fouten: application/problem+json "
        "(RFC 9457) met code en field; ongeldige invoer (400) noemt alle velden in "
        "invalidParams. Elk antwoord heeft de header API-Version. Een BSN staat nooit in een "
        "adres: zoek met POST /api/v1/youths/search.",
        "servers", "url", "/", "paths", paths, "components", "schemas", "Problem", problem,
        "securitySchemes", "session", "type", "apiKey", "in", "cookie", "name", "jr_session",
        "csrf", "type", "apiKey", "in", "header", "name", "X-CSRF-Token", "security", "session",
        "csrf");
}

/* ROUTE: GET /api/v1/openapi.json PUBLIC */
void openapi_show(http_req *r)
{
    http_reply_json(r, 200, openapi_document());
}
