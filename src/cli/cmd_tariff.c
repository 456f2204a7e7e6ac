/*
 * cmd_tariff.c: tariff research on the command line (issue 12,
 * service/tariff.h, docs/tariffs.md):
 *   jeugdregio tariff norms import FILE.json       a year's norms, replaced whole
 *   jeugdregio tariff norm set --year JJJJ [--code FG2] veld=waarde ...
 *   jeugdregio tariff years                        the years with norms
 *   jeugdregio tariff model --year JJJJ            the build-up, line by line
 *   jeugdregio tariff proposal --year JJJJ [--basis index|model]
 *   jeugdregio tariff adopt --year JJJJ [--basis index|model] --out FILE.json
 * as Dutch tables, or with --json the shapes of render/render_tariff.h
 * that the API answers too. adopt writes the region file with the year's
 * tariff periods added (io/tariff_norms.h), loads it with the region
 * loader to check it carries every adopted tariff, and only then records
 * the adoption (audited); the shipped region file is never changed.
 */
#include "cli.h"

#include "../io/tariff_norms.h"
#include "../render/render_tariff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define TARIFF_ASSIGN_MAX 24

static int emit_or_fail(json_t *o)
{
    if (!o) {
        fprintf(stderr, "Onvoldoende geheugen.\n");
        return EXIT_INTERNAL;
    }
    cli_emit(o);
    return EXIT_DONE;
}

static void print_index(const jr_tariff_norms *n)
{
    char a[48], b[48], w[48];
    if (n->method == JR_TI_VNG)
        printf("Index: VNG-mix: %s x OVA %s + %s x PCC %s\n",
               render_tariff_unit_text(JR_TU_BP, n->wage_weight_bp, w, sizeof w),
               render_tariff_unit_text(JR_TU_BP, n->ova_bp, a, sizeof a),
               render_tariff_unit_text(JR_TU_BP, 10000 - n->wage_weight_bp, b, sizeof b),
               render_tariff_unit_text(JR_TU_BP, n->pcc_bp, b + 24, sizeof b - 24));
    else
        printf("Index: OVA %s\n", render_tariff_unit_text(JR_TU_BP, n->ova_bp, a, sizeof a));
    int64_t e = tariff_index_e8(n) - 100000000; /* in 1e-8: percent with 6 decimals */
    int64_t ae = e < 0 ? -e : e;
    printf("Indexfactor: 1 %c %lld,%06lld %% (afgerond op de cent per tarief)\n", e < 0 ? '-' : '+',
           (long long)(ae / 1000000), (long long)(ae % 1000000));
}

static void print_model(const jr_tariff_model *m)
{
    printf("Tariefmodel %d: %s%s\n", (int)m->norms.year, m->norms.cao,
           m->norms.example ? " (voorbeeldnormen)" : "");
    print_index(&m->norms);
    for (int i = 0; i < m->n; i++) {
        const jr_tariff_line *l = &m->lines[i];
        char t[JR_MONEY_BUF];
        char scale[48] = "";
        for (int k = 0; k < m->norms.nfg; k++)
            if (l->kind == JR_PK_FUNCTIEGROEP && strcmp(m->norms.fg[k].code, l->code) == 0)
                snprintf(scale, sizeof scale, " (CAO-schaal %lld, trede %lld)",
                         (long long)m->norms.fg[k].scale, (long long)m->norms.fg[k].step);
        printf("\n%s %s %s%s%s%s%s: %s per %s%s\n", l->code, l->product, l->name, scale,
               l->staff_fg[0] ? " (personeel " : "", l->staff_fg, l->staff_fg[0] ? ")" : "",
               money_format_nl(l->b.tariff, t), l->kind == JR_PK_INTENSITY ? "etmaal" : "uur",
               l->example ? " (voorbeeld)" : "");
        printf("  %2s  %-64s %18s %16s %16s\n", "", "stap", "norm", "bedrag", "tussenresultaat");
        for (int k = 0; k < l->b.n; k++) {
            const jr_tariff_step *s = &l->b.s[k];
            char nt[64], vt[64], rt[JR_MONEY_BUF];
            render_tariff_unit_text(s->norm_unit, s->norm, nt, sizeof nt);
            render_tariff_unit_text(s->value_unit, s->value, vt, sizeof vt);
            printf("  %2d  %-64.64s %18s %16s %16s%s\n", k + 1, s->label, nt, vt,
                   money_format_nl(s->result, rt), s->rounded ? "  (afgerond)" : "");
        }
    }
    printf("\nAfronding: elke stap die deelt rondt half naar boven af op de cent.\n");
}

static void print_proposal(const jr_tariff_proposal *p)
{
    printf("Voorstel catalogus %d (basis %s)%s\n", (int)p->year, tariff_basis_name(p->basis),
           p->has_norms ? "" : "; geen normen: alleen de OVA van het regiobestand");
    print_index(&p->index);
    printf("\n  %-7s %-8s %-40s %13s %13s %13s %13s %-6s %11s %9s\n", "code", "product", "naam",
           "huidig", "model", "geindexeerd", "voorstel", "bron", "verschil", "promille");
    for (int i = 0; i < p->n; i++) {
        const jr_tariff_prop_row *r = &p->rows[i];
        char c[JR_MONEY_BUF], m[JR_MONEY_BUF], x[JR_MONEY_BUF], v[JR_MONEY_BUF], d[JR_MONEY_BUF];
        printf("  %-7s %-8s %-40.40s %13s %13s %13s %13s %-6s %11s %+9lld\n", r->code, r->product,
               r->name, r->has_current ? money_format_plain(r->current, c) : "-",
               r->has_model ? money_format_plain(r->model, m) : "-",
               r->has_indexed ? money_format_plain(r->indexed, x) : "-",
               money_format_plain(r->proposed, v), r->source,
               r->has_current ? money_format_plain(r->diff, d) : "-", (long long)r->diff_pm);
    }
    if (p->adopted)
        printf("\nVastgesteld door %s op %s (basis %s).\n", p->adopted_by, p->adopted_at,
               p->adopted_basis);
}

static int year_rows(void *ud, const void *row)
{
    json_t *items = ud;
    const jr_tariff_norms *n = row;
    if (items)
        json_array_append_new(items, render_tariff_year(n));
    else
        printf("%d  %s%s  index %s OVA %lld bp PCC %lld bp  (%s)\n", (int)n->year, n->cao,
               n->example ? " (voorbeeld)" : "", tariff_index_method_name(n->method),
               (long long)n->ova_bp, (long long)n->pcc_bp, n->source);
    return 0;
}

static int do_adopt(cli_env *env, int32_t year, jr_tariff_basis basis, const char *out)
{
    jr_error err;
    cli_error_collect(env, &err);
    jr_tariff_proposal *p = malloc(sizeof *p);
    if (!p)
        return emit_or_fail(NULL);
    int rc = EXIT_DONE;
    char *text = NULL;
    bool written = false;
    if (!tariff_may_change(&env->ctx.who)) { /* refused before any file is written */
        tariff_adopt(&env->ctx, year, basis, NULL, NULL, &err);
        goto fail;
    }
    if (tariff_proposal(&env->ctx, year, basis, p, &err) != JR_OK ||
        region_with_tariffs(env->cat->source, p, &text, &err) != JR_OK ||
        cli_write_file(out, text, strlen(text), &err) != JR_OK)
        goto fail;
    written = strcmp(out, "-") != 0;
    if ((written && region_tariffs_verify(out, p, &err) != JR_OK) ||
        (!written && region_tariffs_verify_text(text, p, &err) != JR_OK))
        goto fail;
    if (tariff_adopt(&env->ctx, year, basis, p, p, &err) != JR_OK)
        goto fail;
    if (env->json)
        rc = emit_or_fail(
            json_pack("{s:s, s:o}", "out", out, "proposal", render_tariff_proposal(p)));
    else if (written)
        printf("Catalogus %d vastgesteld (basis %s): %d producten; regiobestand geschreven naar "
               "%s en gecontroleerd met de regiolader.\nInstalleren: zie docs/tariffs.md "
               "(JEUGDREGIO_CONFIG of --config).\n",
               (int)year, tariff_basis_name(basis), p->n, out);
    free(text);
    free(p);
    return rc;
fail:
    if (written)
        unlink(out); /* a file that failed its check or was not adopted is no region file */
    free(text);
    free(p);
    return cli_fail(env, &err);
}

static int do_norm_set(cli_env *env, int32_t year, const char *code, const char **pos, int npos)
{
    jr_tariff_assign a[TARIFF_ASSIGN_MAX];
    char keys[TARIFF_ASSIGN_MAX][48];
    int n = 0;
    for (int i = 0; i < npos; i++) {
        const char *eq = strchr(pos[i], '=');
        if (!eq || eq == pos[i] || (size_t)(eq - pos[i]) >= sizeof keys[0])
            return cli_usage_error("tariff", "'%s' is geen veld=waarde", pos[i]);
        memcpy(keys[n], pos[i], (size_t)(eq - pos[i]));
        keys[n][eq - pos[i]] = '\0';
        a[n].key = keys[n];
        a[n].value = eq + 1;
        n++;
    }
    int rc = cli_open(env);
    if (rc != EXIT_DONE)
        return rc;
    jr_error err;
    cli_error_collect(env, &err);
    if (tariff_norm_set(&env->ctx, year, code, a, n, &err) != JR_OK)
        return cli_fail(env, &err);
    if (env->json)
        return emit_or_fail(
            json_pack("{s:i, s:s, s:i}", "year", (int)year, "code", code ? code : "", "fields", n));
    printf("Normen %d%s%s: %d veld(en) gewijzigd.\n", (int)year, code ? " " : "", code ? code : "",
           n);
    return EXIT_DONE;
}

/*
 * COMMAND: tariff
 * SUMMARY: tariefonderzoek: normen, tariefopbouw, indexatie en het vaststellen van de catalogus
 */
int cmd_tariff(cli_env *env, int argc, char **argv)
{
    const char *year_s = NULL, *basis_s = NULL, *out = NULL, *code = NULL;
    const cli_opt opts[] = {
        {"year", OPT_STR, &year_s, "JJJJ", "het tariefjaar"},
        {"basis", OPT_STR, &basis_s, "index|model",
         "proposal, adopt: index (standaard) of model waar de regio geen eigen tarief zet"},
        {"out", OPT_STR, &out, "BESTAND.json", "adopt: het nieuwe regiobestand"},
        {"code", OPT_STR, &code, "CODE", "norm set: de functiegroep of intensiteit (leeg: index)"},
        {0}};
    const char *pos[TARIFF_ASSIGN_MAX + 2];
    int npos, rc = cli_parse(
                  env,
                  "tariff norms import BESTAND.json | norm set --year JJJJ [--code CODE] "
                  "veld=waarde... | years | model --year JJJJ | proposal --year JJJJ [--basis "
                  "index|model] | adopt --year JJJJ [--basis index|model] --out BESTAND.json",
                  "Het tariefonderzoek: de normen per jaar (cao-schaal en trede met bruto "
                  "maandsalaris, vakantietoeslag, eindejaarsuitkering, werkgeverslasten, "
                  "directe clienturen per FTE, overhead, overige clientgebonden kosten; per "
                  "intensiteit personeel per groep, groepsgrootte, huisvesting en bezetting), de "
                  "opbouw van elk uurtarief en etmaaltarief stap voor stap, de catalogus van het "
                  "jaar uit indexatie (OVA of de VNG-mix van OVA en PCC) naast de huidige, en het "
                  "vaststellen ervan in een nieuw regiobestand. Bedragen in euro's, percentages "
                  "in basispunten (800 is 8 %).",
                  argc, argv, opts, pos, TARIFF_ASSIGN_MAX + 2, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    const char *act = npos ? pos[0] : "";
    int64_t year = 0;
    if (year_s && !cli_int("tariff", "--year", year_s, 1, 9999, &year))
        return EXIT_USAGE;
    jr_tariff_basis basis = JR_TB_INDEX;
    if (basis_s && !tariff_basis_parse(basis_s, &basis))
        return cli_usage_error("tariff", "--basis '%s': kies index of model", basis_s);
    jr_error err;
    if (strcmp(act, "norms") == 0) {
        if (npos != 3 || strcmp(pos[1], "import") != 0)
            return cli_usage_error("tariff", "geef een normenbestand: tariff norms import "
                                             "BESTAND.json");
        if ((rc = cli_open(env)) != EXIT_DONE)
            return rc;
        cli_error_collect(env, &err);
        jr_tariff_norms n;
        if (tariff_norms_read(pos[2], &n, &err) != JR_OK ||
            tariff_norms_put(&env->ctx, &n, &err) != JR_OK)
            return cli_fail(env, &err);
        if (env->json)
            return emit_or_fail(render_tariff_year(&n));
        printf("%s: normen %d ingelezen (%d functiegroepen, %d intensiteiten)\n", pos[2],
               (int)n.year, n.nfg, n.nint);
        return EXIT_DONE;
    }
    if (strcmp(act, "years") == 0) {
        if ((rc = cli_open(env)) != EXIT_DONE)
            return rc;
        cli_error_collect(env, &err);
        json_t *items = env->json ? json_array() : NULL;
        if (tariff_years(&env->ctx, year_rows, items, &err) != JR_OK) {
            json_decref(items);
            return cli_fail(env, &err);
        }
        return env->json ? emit_or_fail(json_pack("{s:o}", "items", items)) : EXIT_DONE;
    }
    if (strcmp(act, "norm") != 0 && npos > 1)
        return cli_usage_error("tariff", "te veel argumenten");
    if (strcmp(act, "norm") != 0 && strcmp(act, "model") != 0 && strcmp(act, "proposal") != 0 &&
        strcmp(act, "adopt") != 0)
        return cli_usage_error("tariff",
                               "onbekende actie '%s': kies norms import, norm set, years, "
                               "model, proposal of adopt",
                               act);
    if (!year_s)
        return cli_usage_error("tariff", "--year ontbreekt");
    if (strcmp(act, "norm") == 0) {
        if (npos < 2 || strcmp(pos[1], "set") != 0)
            return cli_usage_error("tariff", "tariff norm set --year JJJJ [--code CODE] "
                                             "veld=waarde ...");
        return do_norm_set(env, (int32_t)year, code, pos + 2, npos - 2);
    }
    if (strcmp(act, "adopt") == 0 && !out)
        return cli_usage_error("tariff", "--out ontbreekt: het nieuwe regiobestand");
    if ((rc = cli_open(env)) != EXIT_DONE)
        return rc;
    cli_error_collect(env, &err);
    if (strcmp(act, "adopt") == 0)
        return do_adopt(env, (int32_t)year, basis, out);
    if (strcmp(act, "model") == 0) {
        jr_tariff_model *m = malloc(sizeof *m);
        if (!m)
            return emit_or_fail(NULL);
        if (tariff_model(&env->ctx, (int32_t)year, m, &err) != JR_OK) {
            free(m);
            return cli_fail(env, &err);
        }
        rc = EXIT_DONE;
        if (env->json)
            rc = emit_or_fail(render_tariff_model(m));
        else
            print_model(m);
        free(m);
        return rc;
    }
    jr_tariff_proposal *p = malloc(sizeof *p);
    if (!p)
        return emit_or_fail(NULL);
    if (tariff_proposal(&env->ctx, (int32_t)year, basis, p, &err) != JR_OK) {
        free(p);
        return cli_fail(env, &err);
    }
    rc = EXIT_DONE;
    if (env->json)
        rc = emit_or_fail(render_tariff_proposal(p));
    else
        print_proposal(p);
    free(p);
    return rc;
}
