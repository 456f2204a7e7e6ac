// Browser tests of the jeugdregio web UI: Playwright (playwright-core only,
// no downloaded browser) driving Debian's chromium against a real
// `jeugdregio serve` on a fresh demo database.
//
//   node --test tests/browser/run.mjs [JEUGDREGIO_BIN]
//   node tests/browser/run.mjs [JEUGDREGIO_BIN]   (what meson runs)
//
// Run directly (not under `node --test`), the file first checks what the
// tests need and exits 77 (skipped, for meson) with the reason when
// playwright-core or /usr/bin/chromium is missing; otherwise it runs itself
// under `node --test` and passes its exit status on.
//
// Environment: JEUGDREGIO_BIN (the binary, else argv or build/src/jeugdregio),
// JR_SOURCE_ROOT (the source tree, else two folders up), JR_ARTEFACTS (where
// the screenshots go, else tests/artefacts), JEUGDREGIO_TODAY (2026-01-15
// unless set).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { app, euroText, launcher, missing, PASSWORD } from './harness.mjs';

// launcher mode (meson): skip with the reason, or run under node --test
launcher(import.meta.url);

// ---- the tests (under node --test) ------------------------------------------------------

const { describe, it, before, after } = await import('node:test');
const assert = (await import('node:assert/strict')).default;

const why = missing();
if (why.length) {
  describe('jeugdregio web UI', () => {
    it('needs playwright-core and chromium', { skip: why.join('; ') }, () => {});
  });
} else {
  await suite();
}

async function suite() {
  const SRC = process.env.JR_SOURCE_ROOT || path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
  const a = app({ name: 'browser', config: process.env.JEUGDREGIO_CONFIG || path.join(SRC, 'config', 'ijsselland.json') });
  const { BIN, ENV, tmp } = a;
  const TODAY = ENV.JEUGDREGIO_TODAY;
  const { cli, cliJson, freshBsn, shot, login, guard, text } = a;
  const facts = {}; // what the scenarios find out and share
  let base = '';
  let context = null;
  let page = null;
  const problems = a.problems; // CSP violations and uncaught page errors
  const requested = []; // every URL the pages asked for

  describe('jeugdregio web UI', { timeout: 300000 }, () => {
    before(async () => {
      const help = cli('serve', '--help');
      assert.equal(help.status, 0, `jeugdregio serve --help failed: ${help.err || help.out}`);

      const demo = cli('demo', '--youths', '300', '--providers', '20');
      assert.equal(demo.status, 0, `demo failed: ${demo.err}`);
      const users = cliJson('user', 'list');
      const tenant = (n) => (users.find((u) => u.name === n) || {}).tenant || (users.find((u) => u.name === n) || {}).agb;
      facts.agb1 = tenant('aanbieder1');
      facts.agb2 = tenant('aanbieder2');
      facts.gemeente1 = tenant('toegang1') || (users.find((u) => u.name === 'toegang1') || {}).gemeente;
      assert.ok(facts.agb1 && facts.agb2 && facts.gemeente1, 'demo accounts aanbieder1, aanbieder2, toegang1');
      const other = cliJson('assignment', 'list', '--agb', facts.agb2);
      assert.ok(other.length > 0, 'aanbieder2 has assignments');
      facts.foreignAssignment = other[0].number;
      // what aanbieder1 may declare: its functiegroepen and their 2025 tariffs
      const cat = cliJson('catalog')[0];
      facts.cat = cat;
      const contracts = cliJson('contract', 'list', '--agb', facts.agb1);
      const fgs = cat.products.filter((p) => p.kind === 'functiegroep' && contracts.some((c) => c.product === p.code || (c.product === '*' && c.lot === 'P1')));
      assert.ok(fgs.length >= 2, 'aanbieder1 is contracted for two functiegroepen');
      const tariff2025 = (p) => p.tariffs.find((t) => t.from <= '2025-12-01' && (!t.to || t.to >= '2025-12-01')).cents;
      facts.fgA = { code: fgs[0].code, short: fgs[0].short_code, tariff: tariff2025(fgs[0]) };
      facts.fgB = { code: fgs[1].code, short: fgs[1].short_code, tariff: tariff2025(fgs[1]) };
      facts.bsn = freshBsn(123456700);

      await a.start();
      ({ base, context, page } = a);
      page.on('request', (r) => requested.push(r.url()));
    });

    after(async () => {
      await a.stop();
    });

    it('1. toegang refers a new youth with a keuzebudget and assigns a contracted provider', guard('scenario1', async () => {
      // a wrong password is refused with a Dutch message at the field
      await context.clearCookies();
      await page.goto(`${base}/login.html`);
      await page.fill('#naam', 'toegang1');
      await page.fill('#wachtwoord', 'niet-het-wachtwoord');
      await page.click('#inloggen');
      await page.waitForSelector('#login-form .alert-danger');
      assert.ok(await page.locator('#wachtwoord.is-invalid').count(), 'the password field is marked');
      await shot('login-fout');

      await login('toegang1');
      assert.match(page.url(), /index\.html$/);
      await page.waitForSelector('#open-quotes table, #open-quotes p:not(:has-text("Laden"))');
      await shot('werkvoorraad-toegang');
      const nav = await text('#site-nav');
      for (const label of ['Werkvoorraad', 'Jeugdige zoeken', 'Verwijzen', 'Offertes', 'Toewijzingen', 'Afrekening']) assert.ok(nav.includes(label), `nav has ${label}`);
      for (const label of ['Gebruikers', 'Auditlog', 'Declareren']) assert.ok(!nav.includes(label), `nav has no ${label}`);

      await page.goto(`${base}/verwijzen.html`);
      // the BSN is checked as you type
      await page.fill('#bsn', '123456789');
      await page.locator('#bsn').blur();
      assert.match(await text('#bsn-fout'), /elfproef/);
      await page.fill('#bsn', facts.bsn);
      await page.click('#bsn-verder');
      await page.waitForSelector('#form-registreren:not(.d-none)');
      await page.fill('#geboortedatum', '31-02-2014');
      await page.locator('#geboortedatum').blur();
      assert.match(await text('#geboortedatum-fout'), /Geen geldige datum/);
      await page.fill('#geboortedatum', '02-03-2014');
      assert.equal(await page.locator('#gemeente').inputValue(), facts.gemeente1);
      await page.click('#registreren');
      await page.waitForSelector('#stap2:not(.d-none)');
      assert.match(await text('#jeugdige-samenvatting'), new RegExp(facts.bsn));

      await page.selectOption('#verwijzer', '01');
      await page.waitForSelector('input[name=keuze][value="budget:KB3"]');
      const choices = await page.locator('input[name=keuze]').evaluateAll((l) => l.map((i) => i.value));
      assert.deepEqual(choices.filter((c) => c.startsWith('budget:')).length, 7, 'toegang may choose all seven budgets');
      assert.ok(choices.includes('offerte') && choices.includes('verblijf'), 'toegang may ask a quote and verblijf');
      await page.check('input[name=keuze][value="budget:KB3"]');
      await page.click('#route-verder');
      await page.waitForSelector('#stap3:not(.d-none)');
      // the expected result is required
      await page.click('#vastleggen');
      assert.match(await text('#resultaat-fout'), /verplicht/);
      await page.fill('#resultaat', 'Weer naar school en minder conflicten thuis');
      await page.fill('#verwijsdatum', '20-11-2025');
      await shot('verwijzen-stap3');
      await page.click('#vastleggen');
      await page.waitForSelector('#stap4:not(.d-none)');
      await page.fill('#start', '01-12-2025');
      await page.locator('#start').blur();
      await page.waitForSelector(`#aanbieder option[value="${facts.agb1}"]`, { state: 'attached' });
      await page.selectOption('#aanbieder', facts.agb1);
      // the server's refusal shows next to the field it names (KB3 runs at most 12 months)
      await page.fill('#einde', '31-12-2027');
      await page.click('#toewijzen');
      await page.waitForSelector('#einde.is-invalid');
      assert.match(await text('#einde-fout'), /\S/, 'a Dutch message next to the end date');
      assert.match(await text('#form-toewijzen .js-alert'), /\S/);
      await page.fill('#einde', '');
      await page.click('#toewijzen');
      await page.waitForSelector('#naar-toewijzing');
      await shot('verwijzen-toegewezen');
      const href = await page.locator('#naar-toewijzing').getAttribute('href');
      facts.assignment = new URL(href, base).searchParams.get('nummer');
      assert.match(facts.assignment, /^TW\d+/);

      await page.click('#naar-toewijzing');
      await page.waitForSelector('#detail-inhoud:not(.d-none)');
      assert.match(await text('#titel'), new RegExp(facts.assignment));
      assert.equal(await page.locator('#ledger .progress .progress-bar').count(), 3, 'ledger bar: used, released, remaining');
      assert.match(await text('#ledger-toegekend'), /€ 5\.192,50/, 'KB3 of 2025');
      assert.ok(await page.locator('#acties-toegang').isVisible(), 'toegang may change, end, withdraw');
      assert.ok(!(await page.locator('#acties-aanbieder').isVisible()), 'toegang does not start care');
      await shot('toewijzing-toegang');

      // the youth is searched with the BSN in a body; the address gets its id
      await page.goto(`${base}/jeugdige.html`);
      await page.fill('#bsn', facts.bsn);
      await page.click('#zoek-form button[type=submit]');
      await page.waitForSelector(`#resultaat a[href*="${facts.assignment}"]`);
      assert.match(page.url(), /jeugdige\.html\?id=[0-9]+$/);
      await page.reload();
      await page.waitForSelector(`#resultaat a[href*="${facts.assignment}"]`);
      assert.match(await text('#resultaat'), /Weer naar school/);
      await shot('jeugdige');
    }));

    it('2. the provider starts care and declares; a faulty line shows its reason code', guard('scenario2', async () => {
      assert.ok(facts.assignment, 'scenario 1 made an assignment');
      await login('aanbieder1');
      await page.goto(`${base}/toewijzing.html?nummer=${facts.assignment}`);
      await page.waitForSelector('#form-start:not(.d-none)');
      assert.ok(!(await page.locator('#acties-toegang').isVisible()), 'a provider does not change assignments');
      await page.fill('#start-datum', '01-12-2025');
      await page.click('#zorg-starten');
      await page.waitForSelector('#form-stop:not(.d-none)');
      assert.match(await text('#detail-status'), /Start zorg is gemeld/);
      assert.match(await text('#gegevens'), /01-12-2025/);

      const money = (c) => (c / 100).toFixed(2);
      const header = 'declaratienummer,agb,gemeente,periode,dagtekening,referentie,toewijzingnummer,bsn,productcategorie,productcode,begindatum,einddatum,volume,eenheid,tarief,bedrag,debet_credit,vorige_referentie';
      const row = (ref, fg, hours, tariff) => ['UI2025-12-001', facts.agb1, facts.gemeente1, '2025-12', '2026-01-05', ref, facts.assignment, facts.bsn, '45', fg, '2025-12-01', '2025-12-31', hours, '04', money(tariff), money(hours * tariff), 'D', ''].join(',');
      const wrong = facts.fgB.tariff - 454; // not the catalog tariff: 0611
      const csv = path.join(tmp, 'declaratie-ui.csv');
      writeFileSync(csv, `${header}\n${row('UI-R1', facts.fgA.code, 10, facts.fgA.tariff)}\n${row('UI-R2', facts.fgB.code, 2, wrong)}\n`);

      await page.goto(`${base}/declareren.html`);
      // a file-level fault refuses the whole file, with the line it is on
      const broken = path.join(tmp, 'kapot.csv');
      writeFileSync(broken, 'declaratienummer,agb\nX,1\n');
      await page.setInputFiles('#bestand', broken);
      await page.click('#uploaden');
      await page.waitForSelector('#form-upload .alert-danger');
      assert.match(await text('#form-upload .alert-danger'), /:1\b.*ontbreekt/);
      assert.ok(await page.locator('#bestand.is-invalid').count());
      await shot('declareren-bestandsfout');
      await page.setInputFiles('#bestand', csv);
      await page.click('#uploaden');
      await page.waitForSelector('#regels table');
      const ok = page.locator('#regels tr', { hasText: 'UI-R1' });
      const bad = page.locator('#regels tr', { hasText: 'UI-R2' });
      assert.match(await ok.innerText(), /8001/);
      assert.ok(!(await ok.getAttribute('class') || '').includes('table-danger'));
      assert.match(await bad.innerText(), /0611/);
      assert.match(await bad.innerText(), /tarief/i);
      assert.match(await bad.getAttribute('class'), /table-danger/, 'the rejected line is highlighted');
      assert.match(await text('#samenvatting'), /1 geaccepteerd.*1 afgewezen/);
      await shot('declareren');

      await page.goto(`${base}/toewijzing.html?nummer=${facts.assignment}`);
      await page.waitForSelector('#detail-inhoud:not(.d-none)');
      assert.equal(await text('#ledger-gebruikt'), euroText(10 * facts.fgA.tariff));
      await shot('toewijzing-aanbieder');
    }));

    it('2b. the provider uploads a JW323 message; the faulty prestatie shows its retourcode', guard('scenario2b', async () => {
      assert.ok(facts.assignment, 'scenario 1 made an assignment');
      await login('aanbieder1');
      // the provider's JW323, written from a CSV as a provider's system would (ijw convert)
      const money = (c) => (c / 100).toFixed(2);
      const header = 'declaratienummer,agb,gemeente,periode,dagtekening,referentie,toewijzingnummer,bsn,productcategorie,productcode,begindatum,einddatum,volume,eenheid,tarief,bedrag,debet_credit,vorige_referentie';
      const row = (ref, fg, hours, tariff) => ['UI202512002', facts.agb1, facts.gemeente1, '2025-12', '2026-01-06', ref, facts.assignment, facts.bsn, '45', fg, '2025-12-01', '2025-12-31', hours, '04', money(tariff), money(hours * tariff), 'D', ''].join(',');
      const csv = path.join(tmp, 'jw323-ui.csv');
      const xml = path.join(tmp, 'jw323-ui.xml');
      writeFileSync(csv, `${header}\n${row('UIX-R1', facts.fgB.code, 1, facts.fgB.tariff)}\n${row('UIX-R2', facts.fgA.code, 2, facts.fgA.tariff - 454)}\n`);
      const conv = cli('ijw', 'convert', csv, '--out', xml, '--ident', 'UIJW0001');
      assert.equal(conv.status, 0, `ijw convert: ${conv.err}`);

      await page.goto(`${base}/declareren.html`);
      await page.setInputFiles('#bestand', xml);
      await page.click('#uploaden');
      await page.waitForSelector('#regels table');
      assert.match(await text('#samenvatting'), /JW323 verwerkt, antwoord JW325/);
      assert.match(await text('#samenvatting'), /1 geaccepteerd.*1 afgewezen/);
      const ok = page.locator('#regels tr', { hasText: 'UIX-R1' });
      const bad = page.locator('#regels tr', { hasText: 'UIX-R2' });
      assert.match(await ok.innerText(), /8001/);
      assert.ok(!(await ok.getAttribute('class') || '').includes('table-danger'));
      assert.match(await bad.getAttribute('class'), /table-danger/, 'the rejected prestatie is highlighted');
      const badText = await bad.innerText();
      assert.match(badText, /\b(?!8001)\d{4}\b/, 'its retourcode');
      assert.match(badText, /[a-z]{4,}/i, 'with its Dutch meaning');
      // the JW325 answer can be downloaded
      assert.ok(await page.locator('#download-jw325').isVisible());
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-jw325')]);
      assert.equal(download.suggestedFilename(), 'jw323-ui_JW325.xml');
      await shot('declareren-jw323');
    }));

    it('3. a GP referral offers exactly two budgets and the quote', guard('scenario3', async () => {
      await login('toegang1');
      await page.goto(`${base}/verwijzen.html`);
      await page.fill('#bsn', facts.bsn);
      await page.click('#bsn-verder');
      await page.waitForSelector('#stap2:not(.d-none)');
      await page.selectOption('#verwijzer', '02');
      await page.waitForSelector('input[name=keuze]');
      const choices = await page.locator('input[name=keuze]').evaluateAll((l) => l.map((i) => i.value));
      assert.deepEqual(choices.sort(), ['budget:KB1', 'budget:KB2', 'offerte']);
      await shot('verwijzen-huisarts');
      // a GI asks a quote for ambulant care, and refers to wonen/verblijf and crisis
      await page.selectOption('#verwijzer', '04');
      await page.waitForFunction(() => [...document.querySelectorAll('input[name=keuze]')].map((i) => i.value).join() === 'offerte,verblijf,crisis');
      // the GP asks a quote from aanbieder1
      await page.selectOption('#verwijzer', '02');
      await page.waitForSelector('input[name=keuze][value=offerte]');
      await page.check('input[name=keuze][value=offerte]');
      await page.fill('#verwijzer-naam', 'Huisarts De Vries');
      await page.click('#route-verder');
      await page.fill('#resultaat', 'Diagnostiek en behandeling van angstklachten');
      await page.fill('#verwijsdatum', '10-12-2025');
      await page.click('#vastleggen');
      await page.waitForSelector('#form-offerte:not(.d-none)');
      await page.check(`#offerte-agb-${facts.agb1}`);
      await page.click('#offertes-aanvragen');
      await page.waitForSelector('#klaar .alert-success');
    }));

    it('3b. the provider answers the quote; the total follows the catalog tariffs as you type', guard('scenario3b', async () => {
      await login('aanbieder1');
      await page.goto(`${base}/offertes.html?status=aangevraagd`);
      await page.waitForSelector('#lijst table');
      const link = page.locator('#lijst tbody tr', { hasText: 'aangevraagd' }).first().locator('a').first();
      await link.click();
      await page.waitForSelector('#form-antwoord:not(.d-none)');
      await page.selectOption('#regels tr:nth-child(1) select', facts.fgA.short);
      await page.fill('#regels tr:nth-child(1) input', '12,5');
      await page.click('#regel-toevoegen');
      await page.selectOption('#regels tr:nth-child(2) select', facts.fgB.short);
      await page.fill('#regels tr:nth-child(2) input', '4');
      // p*q at the tariffs of the date the page says it prices at
      const [d, m, y] = (await text('#tariefdatum')).slice(0, 10).split('-');
      const on = `${y}-${m}-${d}`;
      const tariff = (code) => facts.cat.products.find((p) => p.code === code).tariffs.find((t) => t.from <= on && (!t.to || on <= t.to)).cents;
      const expect = Math.floor((1250 * tariff(facts.fgA.code) + 50) / 100) + 4 * tariff(facts.fgB.code);
      const shown = await text('#totaal');
      const cents = Number(shown.replace(/[^\d]/g, ''));
      assert.equal(cents, expect, `live total ${shown}`);
      await page.fill('#maanden', '6');
      await page.fill('#plan', 'Twaalf gesprekken met de jeugdige, vier met de ouders.');
      await shot('offerte-maken');
      await page.click('#offerte-versturen');
      await page.waitForSelector('#detail-melding .alert-success');
      assert.match(await text('#detail-status'), /beantwoord/);
      // the server's total is the one that counts (at the referral's date)
      const serverTotal = Math.floor((1250 * facts.fgA.tariff + 50) / 100) + 4 * facts.fgB.tariff;
      assert.match(await text('#detail-melding'), new RegExp(`totaal ${euroText(serverTotal).replace(/\./g, '\\.')}`));
      await shot('offerte-beantwoord');
    }));

    it('3c. toegang accepts the quote, then ends the assignment: the unspent budget is released', guard('scenario3c', async () => {
      await login('toegang1');
      await page.goto(`${base}/offertes.html?status=beantwoord`);
      await page.waitForSelector('#lijst table');
      await page.locator('#lijst tbody tr', { hasText: facts.agb1 }).first().locator('a').first().click();
      await page.waitForSelector('#form-accepteren:not(.d-none)');
      await page.fill('#accepteer-start', '01-01-2026');
      await page.click('#accepteren');
      await page.waitForSelector('#detail-melding .alert-success');
      assert.match(await text('#detail-status'), /geaccepteerd/);
      const nr = (await text('#detail-melding')).match(/TW\d+/);
      assert.ok(nr, 'the accepted quote names its assignment');
      await page.goto(`${base}/toewijzing.html?nummer=${nr[0]}`);
      await page.waitForSelector('#acties-toegang:not(.d-none)');
      await page.fill('#einde-datum', '10-01-2026');
      await page.fill('#einde-reden', 'Hulp niet meer nodig');
      await page.click('#beeindigen');
      await page.waitForSelector('#detail-status .alert-success');
      assert.match(await text('#status-badge'), /beëindigd/);
      assert.notEqual(await text('#ledger-vrijgevallen'), '€ 0,00', 'released budget shows');
      await shot('toewijzing-beeindigd');
    }));

    it('4. a provider cannot open another provider\'s assignment by URL', guard('scenario4', async () => {
      await login('aanbieder1');
      await page.goto(`${base}/toewijzing.html?nummer=${facts.foreignAssignment}`);
      await page.waitForSelector('#detail-status .alert');
      assert.match(await text('#detail-status'), /niet gevonden/);
      assert.ok(!(await page.locator('#detail-inhoud').isVisible()));
      await shot('toewijzing-niet-gevonden');
    }));

    it('5. the other pages open for their roles without errors', guard('scenario5', async () => {
      await login('beheerder');
      const pages = [
        ['catalogus.html', '#catalogus table', 'catalogus'],
        ['aanbieders.html', '#aanbieders table', 'aanbieders'],
        ['afrekening.html?periode=2025-03', '#afrekening-tabel', 'afrekening'],
        ['offertes.html', '#lijst table', 'offertes'],
        ['toewijzing.html', '#lijst-resultaat table', 'toewijzingen'],
        ['gebruikers.html', '#gebruikers table', 'gebruikers'],
        ['audit.html', '#audit table', 'audit'],
        ['index.html', '#budgets-nearly-spent :is(table, p)', 'werkvoorraad-beheerder'],
        ['verwijzen.html', '#form-bsn', 'verwijzen-start'],
        ['declareren.html', '#form-upload', 'declareren-leeg'],
        ['jeugdige.html', '#zoek-form', 'jeugdige-zoeken'],
        ['monitor.html?periode=2025', '#kerncijfers', 'monitor'],
        ['begroting.html?jaar=2025&gemeente=0193', '#kop-controle', 'begroting'],
        ['benchmark.html?periode=2025', '#kop-benchmark', 'benchmark'],
        ['signalen.html?periode=2025', '#tabel-signalen', 'signalen'],
        ['zorg.html?periode=2025', '#kerncijfers', 'zorg'],
      ];
      for (const [url, sel, name] of pages) {
        await page.goto(`${base}/${url}`);
        await page.waitForSelector(sel);
        await shot(name);
        // every form control has a label
        const unlabeled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
          .filter((i) => i.type !== 'hidden' && !(i.labels && i.labels.length) && !i.getAttribute('aria-label') && !i.getAttribute('aria-labelledby'))
          .map((i) => i.id || i.name || i.outerHTML.slice(0, 60)));
        assert.deepEqual(unlabeled, [], `${url}: controls without a label`);
      }
      // budget control: a begroting entered for Zwolle shows in its row with a warning badge
      await page.goto(`${base}/begroting.html?jaar=2025&gemeente=0193`);
      await page.waitForSelector('#kop-controle');
      await page.selectOption('#voorziening', 'ambulant');
      await page.fill('#bedrag', '1,00');
      await page.click('#opslaan');
      await page.waitForSelector('#invoer-melding .alert-success');
      await page.waitForSelector('#controle tbody tr:first-child [data-level="over"]');
      await shot('begroting-overschrijding');
      // a budget of the worklist's "nearly spent" list says so on its own page
      await page.goto(`${base}/index.html`);
      await page.waitForSelector('#budgets-nearly-spent table');
      const nearly = page.locator('#budgets-nearly-spent tbody a').first();
      const nearlyHref = await nearly.getAttribute('href');
      await page.goto(new URL(nearlyHref, `${base}/index.html`).href);
      await page.waitForSelector('.nearly-spent');
      assert.equal((await page.locator('.nearly-spent').first().innerText()).trim(), 'Bijna besteed');
      await shot('toewijzing-bijna-besteed');
      // drill down from a settlement row to its lines
      await page.goto(`${base}/afrekening.html?periode=2025-03`);
      await page.locator('#afrekening-tabel button', { hasText: 'Regels' }).first().click();
      await page.waitForSelector('#drill-regels table');
      await shot('afrekening-regels');
      // IJsselland has no task budgets: the section is hidden, not empty
      assert.equal(await page.locator('#taakbudgetten').isVisible(), false, 'no Taakbudgetten section in IJsselland');
      // a reader sees no personal pages
      await login('lezer');
      const nav = await text('#site-nav');
      assert.ok(!nav.includes('Toewijzingen') && !nav.includes('Jeugdige'), 'lezer sees no personal pages');
      await page.goto(`${base}/toewijzing.html`);
      await page.waitForSelector('#inhoud .alert-warning');
    }));

    it('5b. the monitor: key figures and charts for a period, a filter, and a drill-down to the lines', guard('scenario5b', async () => {
      // a municipality's controller: its own figures beside the region's
      await login('gemeente1');
      await page.goto(`${base}/monitor.html?periode=2025-Q2`);
      await page.waitForSelector('#kerncijfers');
      const api = (u) => page.evaluate(async (x) => (await fetch(x)).json(), u);
      const vol = await api(`/api/v1/figures/volume?period=2025-Q2&gemeente=${facts.gemeente1}`);
      const shown = await text('#kpi-jeugdigen .kpi-value');
      const want = typeof vol.now.youths === 'string' ? vol.now.youths : Number(vol.now.youths).toLocaleString('nl-NL');
      assert.equal(shown, want, 'the card shows the API\'s youths in care');
      assert.equal(await page.locator('#gemeente').inputValue(), facts.gemeente1, 'a gemeente user sees its own municipality first');
      assert.equal(await page.locator('canvas#grafiek-voorziening').count(), 1, 'a chart of spending per voorziening');
      // the council report of the same scope: a PDF download
      const pdfHref = await page.locator('#rapport-pdf').getAttribute('href');
      assert.equal(pdfHref, `/api/v1/reports/council?period=2025-Q2&gemeente=${facts.gemeente1}`);
      assert.ok(await page.locator('#rapport-pdf').isVisible(), 'the report button is shown');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#rapport-pdf')]);
      assert.equal(download.suggestedFilename(), `raadsrapportage-${facts.gemeente1}-2025-Q2.pdf`);
      const head = await page.evaluate(async (x) => {
        const r = await fetch(x);
        const b = new Uint8Array(await r.arrayBuffer());
        return { type: r.headers.get('content-type'), magic: String.fromCharCode(...b.slice(0, 5)) };
      }, pdfHref);
      assert.deepEqual(head, { type: 'application/pdf', magic: '%PDF-' });
      // every table of the monitor as an Excel workbook, the providers' spending as CSV
      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('#export-xlsx')]);
      assert.equal(xlsx.suggestedFilename(), `monitor-${facts.gemeente1}-2025-Q2.xlsx`);
      const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
      assert.equal(csv.suggestedFilename(), `spending-uitgaven-aanbieder-${facts.gemeente1}-2025-Q2.csv`);
      const csvText = readFileSync(await csv.path(), 'utf8');
      assert.match(csvText, /^\uFEFFAGB;Aanbieder;Uitgaven;/, 'the CSV starts with its header');
      await shot('monitor-gemeente');
      // the aanbieder filter: asked of the API, every figure that provider's (scope.agb)
      const sp = await api(`/api/v1/figures/spending?period=2025-Q2&gemeente=${facts.gemeente1}`);
      const prov = sp.spending.by_provider[0].code;
      await page.selectOption('#aanbieder', prov);
      await page.click('#tonen');
      await page.waitForFunction((a) => new URLSearchParams(location.search).get('aanbieder') === a && document.querySelector('#melding-aanbieder'), prov);
      assert.ok(requested.some((u) => u.includes('/api/v1/figures/volume?') && u.includes(`aanbieder=${prov}`)), 'the API is asked with ?aanbieder=');
      const pvol = await api(`/api/v1/figures/volume?period=2025-Q2&gemeente=${facts.gemeente1}&aanbieder=${prov}`);
      assert.equal(pvol.scope.agb, prov);
      const pwant = typeof pvol.now.youths === 'string' ? pvol.now.youths : Number(pvol.now.youths).toLocaleString('nl-NL');
      assert.equal(await text('#kpi-jeugdigen .kpi-value'), pwant, 'the card shows the provider\'s youths in care');
      assert.equal(await page.locator('#tabel-aanbieders tbody tr').count(), 1, 'one provider\'s spending');
      assert.ok((await text('#tabel-aanbieders tbody tr')).includes(prov));
      assert.ok((await page.locator('#export-xlsx').getAttribute('href')).includes(`aanbieder=${prov}`), 'the workbook with the same filter');
      assert.ok(!(await page.locator('#rapport-pdf').getAttribute('href')).includes('aanbieder'), 'the council report stays every provider\'s');
      await page.selectOption('#aanbieder', '');
      await page.click('#tonen');
      await page.waitForFunction(() => !new URLSearchParams(location.search).get('aanbieder') && !document.querySelector('#melding-aanbieder') && document.querySelector('#kerncijfers'));
      // the filter: another period
      await page.fill('#periode', '2025');
      await page.click('#tonen');
      await page.waitForFunction(() => /2025$/.test(document.querySelector('#monitor h2')?.textContent || ''));
      assert.match(page.url(), /periode=2025(&|$)/);
      // another municipality, to compare with: its figures as a lezer sees them
      const other = await page.locator('#gemeente option').evaluateAll((os, own) => os.map((o) => o.value).find((v) => v && v !== own), facts.gemeente1);
      await page.selectOption('#gemeente', other);
      await page.click('#tonen');
      await page.waitForFunction((g) => new URLSearchParams(location.search).get('gemeente') === g && !/Laden/.test(document.querySelector('#monitor')?.textContent || ''), other);
      const theirs = await api(`/api/v1/figures/volume?period=2025&gemeente=${other}`);
      const lezerSees = theirs.now.youths;
      assert.equal(await text('#kpi-jeugdigen .kpi-value'), typeof lezerSees === 'string' ? lezerSees : Number(lezerSees).toLocaleString('nl-NL'));
      assert.equal(await page.locator('#tabel-aanbieders button', { hasText: 'Regels' }).count(), 0, 'no lines of another municipality');
      await shot('monitor-andere-gemeente');
      // a bad period is refused at the field
      await page.fill('#periode', '2025-Q5');
      await page.click('#tonen');
      await page.waitForSelector('#periode.is-invalid');
      // the region, and a drill-down from a provider's spending to its lines
      await login('beheerder');
      await page.goto(`${base}/monitor.html?periode=2025-Q2`);
      await page.waitForSelector('#tabel-aanbieders tbody tr');
      await page.locator('#tabel-aanbieders button', { hasText: 'Regels' }).first().click();
      await page.waitForSelector('#drill-tabel tbody tr');
      await shot('monitor-regels');
    }));

    it('5d. the control signals: per provider with the lines behind them, none for a lezer', guard('scenario5d', async () => {
      await login('gemeente1');
      await page.goto(`${base}/signalen.html?periode=2025`);
      await page.waitForSelector('#tabel-signalen');
      const s = await page.evaluate(async (x) => (await fetch(x)).json(), `/api/v1/figures/signals?period=2025&gemeente=${facts.gemeente1}`);
      assert.ok(s.total > 0, 'the demo year has signals');
      assert.equal(await page.locator('#tabel-signalen tbody tr').count(), s.total, 'a row per signal');
      for (const [code, n] of Object.entries(s.counts)) {
        assert.equal(await text(`#signaal-tellingen [data-kind="${code}"]`), String(n), `the count of ${code}`);
      }
      // the drill-down: the lines behind the first signal
      await page.locator('#tabel-signalen button').first().click();
      await page.waitForSelector('#regels-lijst tbody tr');
      assert.equal(await page.locator('#regels-lijst tbody tr').count(), s.signals[0].lines.length);
      await shot('signalen-regels');
      // a filter on one kind
      await page.selectOption('#soort', 'sprong');
      await page.click('#tonen');
      await page.waitForFunction(() => new URLSearchParams(location.search).get('soort') === 'sprong' && !/Laden/.test(document.querySelector('#signalen')?.textContent || ''));
      const kinds = await page.locator('#tabel-signalen tbody tr td:first-child').allTextContents();
      assert.ok(kinds.every((k) => k === 'Plotselinge sprong in de maandomzet'), 'only jumps');
      // a lezer: the signals, no lines
      await login('lezer');
      await page.goto(`${base}/signalen.html?periode=2025&gemeente=${facts.gemeente1}`);
      await page.waitForSelector('#tabel-signalen');
      assert.equal(await page.locator('#tabel-signalen tbody tr').count(), s.total);
      assert.equal(await page.locator('#tabel-signalen button').count(), 0, 'no lines for a lezer');
    }));

    it('5f. provider continuity: rsj imports yearly figures, a bad row is refused with its line, the shares and the at-risk list show; a lezer sees counts only; a provider its own figures', guard('scenario5f', async () => {
      const H = 'agb,name,year,total_revenue_cents,youth_revenue_cents,net_result_cents,equity_cents,total_assets_cents,current_assets_cents,current_liabilities_cents';
      // le2m: agb1 healthy, agb2 exactly on every boundary (fails three), an applicant with a loss (fails two)
      const good = [H,
        `${facts.agb1},Aanbieder een,2019,100000000,80000000,5000000,30000000,100000000,20000000,10000000`,
        `${facts.agb2},Aanbieder twee,2019,100000000,100000000,1500000,20000000,100000000,5000000,5000000`,
        '99999990,Inschrijver,2019,100000000,90000000,-1,50000000,100000000,20000000,10000000', ''].join('\n');
      await login('rsj');
      await page.goto(`${base}/continuiteit.html?jaar=2019`);
      await page.waitForSelector('#kop-overzicht');
      await page.setInputFiles('#bestand', { name: 'fout.csv', mimeType: 'text/csv', buffer: Buffer.from(`${H}\n${facts.agb1},X,2019,1,1,1,1,1,1,1\n1234,Kort,2019,1,1,1,1,1,1,1\n`) });
      await page.click('#inlezen');
      await page.waitForSelector('#form-import .alert-danger');
      assert.match(await text('#form-import .alert-danger'), /regel 3: kolom agb/);
      assert.equal(await text('#kop-overzicht'), 'Continuïteit 2019: cijfers van 0 aanbieder(s)', 'nothing stored');
      await page.setInputFiles('#bestand', { name: 'jaar2019.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
      await page.click('#inlezen');
      await page.waitForSelector('#import-melding .alert-success');
      await page.waitForFunction(() => /3 aanbieder/.test(document.querySelector('#kop-overzicht')?.textContent || ''));
      const row = page.locator('#overzicht tbody tr', { hasText: 'Tot en met 2 miljoen euro' });
      assert.equal((await row.locator('[data-signal="positive_result"]').innerText()).trim(), '66,7 %');
      assert.equal((await row.locator('[data-signal="rentabiliteit"]').innerText()).trim(), '33,3 %');
      assert.equal(await page.locator('canvas#grafiek-jaar').count(), 1, 'a chart of the year');
      assert.ok(!/\bnull\b|undefined|NaN/.test(await text('main')), 'no null, undefined or NaN shown');
      await page.waitForSelector('.js-risico tbody tr');
      const risk = await page.locator('.js-risico tbody tr td:first-child').allTextContents();
      assert.deepEqual(risk.map((x) => x.trim()), [facts.agb2, '99999990']);
      await page.waitForSelector('.js-verloop tbody tr');
      assert.equal(await page.locator('canvas#grafiek-verloop').count(), 1, 'a chart over the years');
      await shot('continuiteit');
      // a lezer: the same shares, how many at risk, not which
      await login('lezer');
      await page.goto(`${base}/continuiteit.html?jaar=2019`);
      await page.waitForSelector('#risico-aantal');
      assert.match(await text('#risico-aantal'), /^2 aanbieder/);
      assert.equal(await page.locator('.js-risico').count(), 0);
      assert.ok(!(await page.locator('#invoer').isVisible()), 'no import for a lezer');
      // the provider file: a provider sees its own figures with the signals
      await login('aanbieder1');
      await page.goto(`${base}/aanbieders.html?agb=${facts.agb1}`);
      await page.waitForSelector('.js-continuiteit tbody tr');
      // 2019 from the import above, and the demo's three years
      const y2019 = page.locator('.js-continuiteit tbody tr', { hasText: '2019' });
      assert.equal(await y2019.locator('[data-verdict="met"]').count(), 4);
      await shot('aanbieder-continuiteit');
    }));

    it('5g. framework agreements: the current end after the 2025 extension, a municipality submits a change proposal (a missing effect refused, nothing stored), the rsj moves it through in bespreking and besloten, in werking is refused before the extension date; a provider sees the decided proposal and its own covenant status', guard('scenario5g', async () => {
      const TITLE = 'Wachttijdnorm van zes weken';
      const mine = `.js-voorstellen tbody tr:has-text("${TITLE}")`;
      await login('gemeente1');
      assert.ok((await text('#site-nav')).includes('Raamovereenkomsten'), 'nav has Raamovereenkomsten');
      await page.goto(`${base}/raamovereenkomsten.html`);
      await page.waitForSelector('.js-overeenkomsten tbody tr');
      const p1 = page.locator('.js-overeenkomst-1');
      assert.equal((await p1.locator('[data-veld="einde"]').innerText()).trim(), '31-12-2026', 'the end after the extension of 1 January 2025');
      assert.equal((await p1.locator('[data-veld="termijn"]').innerText()).trim(), '28-02-2026', 'proposals before 1 March 2026');
      const unlabeled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
        .filter((i) => i.type !== 'hidden' && !(i.labels && i.labels.length) && !i.getAttribute('aria-label'))
        .map((i) => i.id || i.name));
      assert.deepEqual(unlabeled, [], 'every control has a label');
      await page.waitForSelector('.js-voorstellen tbody tr');
      const before = await page.locator('.js-voorstellen tbody tr').count();
      await page.selectOption('#voorstel-overeenkomst', '1');
      await page.fill('#voorstel-titel', TITLE);
      await page.fill('#voorstel-beschrijving', 'Aanbieders van perceel P1 starten binnen zes weken na de toewijzing.');
      await page.fill('#voorstel-jeugdige', 'Sneller hulp.');
      await page.fill('#voorstel-opdrachtnemer', 'Meer capaciteit nodig in drukke maanden.');
      await page.click('#indienen');
      await page.waitForSelector('#voorstel-opdrachtgever.is-invalid');
      assert.match(await text('#form-voorstel .alert-danger'), /opdrachtgever/);
      assert.equal(await page.locator('.js-voorstellen tbody tr').count(), before, 'nothing stored');
      await page.fill('#voorstel-opdrachtgever', 'Minder escalatie naar verblijf.');
      await page.click('#indienen');
      await page.waitForSelector('#voorstel-melding .alert-success');
      await page.waitForSelector(`${mine} [data-state="ingediend"]`);
      assert.equal(await page.locator(`${mine} button[data-actie]`).count(), 0, 'a municipality does not move it on');
      // the rsj: in bespreking, a decision, then in werking too early
      await login('rsj');
      await page.goto(`${base}/raamovereenkomsten.html`);
      await page.waitForSelector(`${mine} [data-state="ingediend"]`);
      await page.click(`${mine} button[data-actie="discussion"]`);
      await page.waitForSelector(`${mine} [data-state="in_bespreking"]`);
      await page.click(`${mine} button[data-actie="decision"]`);
      await page.waitForSelector('#form-besluit:not(.d-none)');
      await page.click('#besluiten');
      await page.waitForSelector('#form-besluit .alert-danger');
      assert.equal(await page.locator(`${mine} [data-state="in_bespreking"]`).count(), 1, 'no decision without its outcome and reason');
      await page.selectOption('#besluit-uitkomst', 'aangenomen');
      await page.fill('#besluit-motivering', 'Past in het budget; evaluatie na een jaar.');
      await page.click('#besluiten');
      await page.waitForSelector(`${mine} [data-state="besloten"]`);
      await page.waitForSelector('.js-geschiedenis tbody tr:nth-child(3)');
      assert.deepEqual((await page.locator('.js-geschiedenis [data-state]').evaluateAll((n) => n.map((x) => x.dataset.state))), ['ingediend', 'in_bespreking', 'besloten']);
      await page.click(`${mine} button[data-actie="effect"]`);
      await page.waitForSelector('#voorstellen .alert-danger');
      assert.match(await text('#voorstellen .alert-danger'), /verlengingsdatum 2027-01-01/);
      assert.equal(await page.locator(`${mine} [data-state="besloten"]`).count(), 1, 'still besloten');
      await page.click('.js-overeenkomst-1 button');
      await page.waitForSelector('.js-verlengingen tbody tr');
      assert.match(await text('.js-verlengingen tbody tr'), /01-01-2025/);
      await shot('raamovereenkomsten');
      // aanbieder1: the decided proposal, without actions; its own covenant status only
      await login('aanbieder1');
      await page.goto(`${base}/raamovereenkomsten.html`);
      await page.waitForSelector(`${mine} [data-state="besloten"]`);
      assert.equal(await page.locator('.js-voorstellen button[data-actie]').count(), 0);
      await page.waitForSelector('.js-convenant tbody tr');
      const rows = await page.locator('.js-convenant tbody tr td:first-child').allTextContents();
      assert.ok(rows.length === 1 && rows[0].startsWith(facts.agb1), `only its own status: ${rows}`);
      await shot('raamovereenkomsten-aanbieder');
    }));

    it('5h. contract management: the public directory searched by product and municipality without login; rsj opens a provider file from the directory and takes an escalation step in order', guard('scenario5h', async () => {
      // without a session: the public page, the public API, no personal data
      await context.clearCookies();
      await page.goto(`${base}/zorgaanbieders.html`);
      await page.waitForSelector('#inloggen');
      await page.waitForSelector('#aantal');
      const gem = facts.gemeente1;
      await page.selectOption('#zoek-product', 'dyslexie');
      await page.selectOption('#zoek-gemeente', gem);
      await page.click('#zoeken');
      await page.waitForFunction((g) => new URLSearchParams(location.search).get('gemeente') === g && /gevonden/.test(document.querySelector('#aantal')?.textContent || ''), gem);
      const api = await page.evaluate(async (g) => (await fetch(`/api/v1/public/providers?product=dyslexie&gemeente=${g}&limit=500`)).json(), gem);
      assert.ok(api.total > 0, 'dyslexie is offered in the municipality');
      assert.equal(await page.locator('.js-overzicht tbody tr').count(), api.total);
      const gemName = await page.locator(`#zoek-gemeente option[value="${gem}"]`).innerText();
      const cells = await page.locator('.js-overzicht tbody tr td:nth-child(3)').allTextContents();
      assert.ok(cells.every((c) => c === 'alle gemeenten van de regio' || c.includes(gemName)), 'every provider found serves the municipality');
      const offers = await page.locator('.js-overzicht .js-producten').allTextContents();
      assert.ok(offers.every((o) => /\bED\b/.test(o) || o.includes('45D')), 'every provider found offers dyslexie');
      // a provider contracted elsewhere only is not in the list: the scope of the demo's dyslexie contracts
      const all = await page.evaluate(async () => (await fetch('/api/v1/public/providers?product=dyslexie&limit=500')).json());
      const elsewhere = all.items.filter((x) => !x.all_gemeenten && !x.gemeenten.includes(gem));
      for (const x of elsewhere) assert.equal(api.items.filter((y) => y.agb === x.agb).length, 0, `${x.agb} is not contracted for ${gem}`);
      assert.ok(!/cm\.jansen|contractmanager/i.test(JSON.stringify(all)), 'no users in the public answer');
      await shot('zorgaanbieders-openbaar');
      // rsj: the directory with the navigation, a keuzebudget, into a provider file
      await login('rsj');
      await page.goto(`${base}/zorgaanbieders.html?product=KB3&gemeente=${gem}`);
      await page.waitForSelector('.js-overzicht tbody tr a');
      assert.equal(await page.locator('#inloggen').count(), 0);
      const first = page.locator('.js-overzicht tbody tr a').first();
      const name = (await first.innerText()).trim();
      await Promise.all([page.waitForURL(/aanbiedersdossier\.html\?agb=\d{8}/), first.click()]);
      await page.waitForSelector('.js-contracten');
      assert.equal(await text('#kop'), `Dossier ${name}`);
      // open an escalation, then its next step in order; a skipped step is refused
      await page.fill('#e-reden', 'Signaal van de toegang over de bereikbaarheid');
      await page.click('#escalatie-openen');
      await page.waitForSelector('.js-escalatie[data-step="signaal"]');
      const esc = page.locator('.js-escalatie[data-step="signaal"]').first();
      const id = await esc.getAttribute('data-id');
      await esc.locator('select[name="step"]').selectOption('gesprek');
      await esc.locator('input[name="note"]').fill('Gesprek met de directie');
      await esc.locator('button[type="submit"]').click();
      await page.waitForSelector(`.js-escalatie[data-id="${id}"][data-step="gesprek"]`);
      assert.equal(await text(`.js-escalatie[data-id="${id}"] .js-stap-nu`), 'Gesprek');
      assert.equal(await page.locator(`.js-escalatie[data-id="${id}"] ol li`).count(), 2);
      const stepOptions = await page.locator(`.js-escalatie[data-id="${id}"] select[name="step"] option`).evaluateAll((l) => l.map((o) => o.value));
      assert.deepEqual(stepOptions, ['verbeterplan', 'afgesloten'], 'only the next step or closing');
      await shot('aanbiedersdossier');
      // the list per contract manager
      await page.goto(`${base}/aanbiedersdossier.html`);
      await page.waitForSelector('.js-cm-lijst tbody tr');
      assert.equal(await page.locator('#lijst-cm').inputValue(), 'rsj', 'rsj manages providers of its own');
      // a provider: its own file, its own waiting time; no complaints, notes or escalation steps
      await login('aanbieder1');
      await page.goto(`${base}/aanbiedersdossier.html`);
      await page.waitForSelector('#form-wachttijd:not(.d-none)');
      assert.match(await text('#kerngegevens'), new RegExp(`AGB ${facts.agb1}`));
      assert.ok(!(await page.locator('#klachten-sectie').isVisible()), 'no complaints for a provider');
      assert.ok(!(await page.locator('#notities-sectie').isVisible()), 'no notes for a provider');
      await page.fill('#w-weken', '4');
      await page.click('#wachttijd-melden');
      await page.waitForFunction(() => /^4 weken/.test(document.querySelector('#wachttijd')?.textContent || ''));
      const own = await page.evaluate(async (a) => (await fetch(`/api/v1/public/providers?name=${a}`)).json(), facts.agb1);
      assert.equal(own.items[0].waiting.weeks, 4, 'the directory shows the reported waiting time');
      await page.goto(`${base}/aanbiedersdossier.html?agb=${facts.agb2}`);
      await page.waitForSelector('#inhoud .alert-danger');
      assert.equal(await page.locator('#dossier:not(.d-none)').count(), 0, "another provider's file stays closed");
      // aanbieder2's provider is in talks (demo): it sees its escalation and its steps, read only
      await login('aanbieder2');
      await page.goto(`${base}/aanbiedersdossier.html`);
      await page.waitForSelector('.js-escalatie');
      assert.equal(await page.locator('.js-escalatie[data-step="gesprek"]').count(), 1);
      assert.equal(await page.locator('.js-stap').count(), 0, 'no escalation steps by a provider');
      assert.ok(!(await page.locator('#form-escalatie').isVisible()), 'no escalation opened by a provider');
      await shot('aanbiedersdossier-aanbieder');
    }));

    it('5i. tariff research: the 2026 catalog beside 2025 with its differences, the build-up of FG1 and of wonen midden step by step, a refused norm edit named, an adoption offering a region file that loads; a lezer reads only', guard('scenario5i', async () => {
      const api = (u) => page.evaluate(async (x) => (await fetch(x)).json(), u);
      await login('rsj');
      await page.goto(`${base}/tarieven.html?jaar=2026`);
      await page.waitForSelector('.js-voorstel tbody tr');
      const p = await api('/api/v1/catalog-proposals/2026?basis=index');
      assert.equal(await page.locator('.js-voorstel tbody tr').count(), p.rows.length, 'every product with a tariff');
      // FG1: 58.16 in 2025 (56.00 + OVA 3.85 %), x the VNG mix 3.06 % = 59.94, +1.78 or 31 per mille
      const fg1 = page.locator('.js-product-45F01');
      const col = async (row, c) => (await row.locator(`[data-col="${c}"]`).innerText()).trim();
      assert.equal(await col(fg1, 'huidig'), '€ 58,16');
      assert.equal(await col(fg1, 'index'), '€ 59,94');
      assert.equal(await col(fg1, 'model'), '€ 59,93');
      assert.equal(await col(fg1, 'verschil'), '+€ 1,78');
      assert.equal(await col(fg1, 'promille'), '+31 ‰');
      // the build-up: ten steps for an hour of FG1, nine for an etmaal of wonen midden
      const steps = page.locator('#opbouw-FG1 tbody tr');
      assert.equal(await steps.count(), 10);
      assert.equal((await steps.nth(7).locator('td').nth(3).innerText()).trim(), '€ 11,49', 'the overhead of half a cent rounded up');
      assert.equal((await steps.nth(9).locator('td').nth(4).innerText()).trim(), '€ 59,93');
      assert.equal(await page.locator('#opbouw-WMIDDEN tbody tr').count(), 9);
      assert.match(await text('#opbouw-WMIDDEN .js-tarief'), /€ 265,78 per etmaal/);
      await shot('tarieven');
      // a holiday pay of 250 %: refused with what, where and why; nothing changed
      await page.selectOption('#norm-code', 'FG2');
      await page.selectOption('#norm-veld', 'holiday_bp');
      assert.equal(await page.inputValue('#norm-waarde'), '800');
      await page.fill('#norm-waarde', '25000');
      await page.click('#norm-opslaan');
      await page.waitForSelector('#form-norm .alert-danger');
      assert.match(await text('#form-norm .alert-danger'), /FG2: vakantietoeslag 250,00 % ligt buiten de grenzen/);
      assert.equal((await api('/api/v1/tariff-models/2026')).lines.find((l) => l.code === 'FG2').norms.holiday_bp, 800);
      // on the model's basis, adopted: the region file offered carries FG1's model tariff and loads
      await page.selectOption('#basis', 'model');
      await page.click('#tonen');
      await page.waitForFunction(() => document.querySelector('.js-product-45F01 [data-col="bron"]')?.textContent === 'model');
      await page.click('#vaststel-knop');
      await page.waitForSelector('#vaststel-melding .alert-success');
      const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#download-regio')]);
      assert.equal(dl.suggestedFilename(), 'ijsselland-2026.json');
      const regionText = readFileSync(await dl.path(), 'utf8');
      const region = JSON.parse(regionText);
      const t = region.functiegroepen.find((f) => f.code === 'FG1').tariffs.find((x) => x.from === '2026-01-01');
      assert.equal(t.amount, '59.93');
      const file = path.join(tmp, 'ijsselland-2026.json');
      writeFileSync(file, regionText);
      const loaded = spawnSync(BIN, ['--config', file, 'catalog', '--json'], { env: ENV, cwd: SRC, encoding: 'utf8' });
      assert.equal(loaded.status, 0, `the adopted region file loads: ${loaded.stderr}`);
      await page.waitForSelector('#vastgesteld');
      await shot('tarieven-vastgesteld');
      // a lezer reads the catalog and the build-up, and may change nothing
      await login('lezer');
      await page.goto(`${base}/tarieven.html?jaar=2026`);
      await page.waitForSelector('#opbouw-FG1 tbody tr');
      assert.ok(!(await page.locator('#wijzigen').isVisible()), 'no edit for a lezer');
      assert.ok(!(await page.locator('#vaststellen').isVisible()), 'no adoption for a lezer');
      // an access worker has no such page
      await login('toegang1');
      assert.ok(!(await text('#site-nav')).includes('Tarieven'));
    }));

    it('5j. a tender from publication to contracts: rsj creates it, a provider registers and asks, rsj registers an applicant as a combination, the phase dates move through the API, scores with a motivation, the award shows who passes and why not, contracts only after the standstill', guard('scenario5j', async () => {
      const day = (n) => {
        const d = new Date(`${TODAY}T12:00:00Z`);
        d.setUTCDate(d.getUTCDate() + n);
        return d.toISOString().slice(0, 10);
      };
      const fillDates = async (pre, ds) => {
        for (const [k, v] of Object.entries(ds)) await page.fill(`#${pre}-${k}`, v);
      };
      const phases = (o) => ({
        publication: day(o[0]), qa_end: day(o[1]), registration_end: day(o[2]), assessment_start: day(o[3]),
        assessment_end: day(o[4]), award: day(o[5]), contract_start: day(o[6]),
      });
      const applicant = '71299993';
      // fresh: no alert left in #melding, so that waiting for the next one waits for it
      const fresh = () => page.evaluate(() => document.querySelector('#melding').replaceChildren());
      await login('rsj');
      await page.goto(`${base}/aanbestedingen.html`);
      await page.waitForSelector('#form-nieuw');
      // the demo: a contracted past tender and one in assessment
      await page.waitForSelector('.js-aanbestedingen tbody tr');
      assert.ok(await page.locator('.js-aanbestedingen [data-phase="contract"]').count() >= 1);
      assert.ok(await page.locator('.js-aanbestedingen [data-phase="beoordeling"]').count() >= 1);
      // open today: publication, questions and registration today, assessment after
      await page.fill('#nw-naam', 'Browsertest ernstige dyslexie');
      await fillDates('nw', phases([0, 0, 0, 1, 2, 3, 30]));
      await page.check('#nw-lot-P4');
      await page.fill('#nw-criteria', 'Kwaliteit; 60; 6\nVisie; 30; 5');
      await page.click('#aanmaken');
      await page.waitForSelector('#form-nieuw .alert-danger');
      assert.match(await text('#form-nieuw .alert-danger'), /tellen op tot 90; dat moet precies 100 zijn/);
      await page.fill('#nw-criteria', 'Kwaliteit; 60; 6\nVisie; 40; 5');
      await Promise.all([page.waitForURL(/aanbestedingen\.html\?id=\d+/), page.click('#aanmaken')]);
      const id = new URL(page.url()).searchParams.get('id');
      await page.waitForSelector('#fase[data-phase="nvi"]');
      // rsj registers an applicant (no provider yet) as a combination with a subcontractor
      await page.fill('#ins-agb', applicant);
      await page.fill('#ins-naam', 'Leesbureau Browser');
      await page.check('#ins-producten .js-product');
      await page.fill('#ins-producten .js-capaciteit', '15');
      await page.fill('#ins-onder', '71299985; Onderaannemer Browser');
      await page.click('#inschrijven');
      await page.waitForSelector(`.js-inschrijvingen tr.js-agb-${applicant}`);
      assert.match(await text(`.js-inschrijvingen tr.js-agb-${applicant}`), /met Onderaannemer Browser 71299985/);
      // the provider: registers itself (its own AGB, fixed) and asks a question
      await login('aanbieder1');
      await page.goto(`${base}/aanbestedingen.html?id=${id}`);
      await page.waitForSelector('#fase[data-phase="nvi"]');
      assert.equal(await page.inputValue('#ins-agb'), facts.agb1);
      assert.ok(await page.locator('#ins-agb').evaluate((e) => e.readOnly));
      await page.fill('#ins-naam', 'Aanbieder een');
      await page.check('#ins-producten .js-product');
      await page.click('#inschrijven');
      await page.waitForSelector(`.js-inschrijvingen tr.js-agb-${facts.agb1}`);
      assert.equal(await page.locator('.js-inschrijvingen tbody tr').count(), 1, 'a provider sees its own registration only');
      assert.match(await text(`.js-inschrijvingen tr.js-agb-${facts.agb1}`), /resultaat na de gunning/);
      await page.fill('#vraag', 'Telt een wachttijd mee in de beoordeling?');
      await page.click('#vraag-stellen');
      await page.waitForSelector('.js-vragen li');
      assert.equal(await page.locator('#score-sectie').isVisible(), false, 'no scores for a provider');
      // rsj: answers; a score now is refused naming the assessment and its dates
      await login('rsj');
      await page.goto(`${base}/aanbestedingen.html?id=${id}`);
      await page.waitForSelector('.js-beantwoorden');
      await page.fill('.js-beantwoorden input', 'Nee, alleen de criteria van de aanbesteding.');
      await page.click('.js-beantwoorden button');
      await page.waitForSelector('.js-vragen .js-antwoord');
      await page.fill('#sc-score', '7');
      await page.fill('#sc-motivering', 'Goed onderbouwd plan.');
      await page.click('#score-opslaan');
      await page.waitForSelector('#form-score .alert-danger');
      assert.match(await text('#form-score .alert-danger'), new RegExp(`fase beoordeling, van ${day(1)} tot en met ${day(2)}; vandaag is ${TODAY}`));
      // move the phases: the assessment runs today
      await fillDates('wd', phases([-10, -9, -8, -7, 0, 1, 30]));
      await page.fill('#wd-reden', 'Browsertest: beoordeling vandaag');
      await page.click('#data-opslaan');
      await page.waitForSelector('#fase[data-phase="beoordeling"]');
      const regIds = await page.locator('#sc-inschrijving option').evaluateAll((os) => os.map((o) => ({ id: o.value, text: o.textContent })));
      const regOf = (agb) => regIds.find((r) => r.text.includes(agb)).id;
      const scoreIt = async (agb, crit, value) => {
        await page.selectOption('#sc-inschrijving', regOf(agb));
        await page.selectOption('#sc-criterium', String(crit));
        await page.fill('#sc-score', String(value));
        await page.fill('#sc-motivering', `Score ${value} op criterium ${crit}.`);
        await fresh();
        await page.click('#score-opslaan');
        await page.waitForSelector('#melding .alert-success');
      };
      // a score without a motivation is refused at its field
      await page.selectOption('#sc-inschrijving', regOf(applicant));
      await page.fill('#sc-score', '7');
      await page.fill('#sc-motivering', '');
      await page.click('#score-opslaan');
      await page.waitForSelector('#form-score .alert-danger');
      assert.match(await text('#form-score .alert-danger'), /motivering ontbreekt/);
      await scoreIt(applicant, 1, 6); // exactly the minimum: passes
      await scoreIt(applicant, 2, 8);
      await scoreIt(facts.agb1, 1, 5); // under 6: does not pass
      // the award before its date, and with a registration not fully scored
      await page.click('.js-percelen .js-gunnen');
      await page.waitForSelector('#form-percelen .alert-danger');
      assert.match(await text('#form-percelen .alert-danger'), new RegExp(`Gunnen kan pas vanaf ${day(1)}`));
      await scoreIt(facts.agb1, 2, 9);
      // move the phases again: the award date passed 30 days ago
      await fillDates('wd', phases([-40, -39, -38, -37, -36, -30, 1]));
      await page.fill('#wd-reden', 'Browsertest: gunning');
      await page.click('#data-opslaan');
      await page.waitForSelector('#fase[data-phase="gunning"]');
      // the decision was sent 21 days ago (after the award date): the standstill is over
      const lotId = (await (await page.request.get(`${base}/api/v1/tenders/${id}`)).json()).lots[0].id;
      await page.fill(`#verzonden-${lotId}`, day(-21));
      await fresh();
      await page.click('.js-percelen .js-gunnen');
      await page.waitForSelector('#melding .alert-success');
      assert.match(await text('#melding'), /1 gegund, 1 afgewezen/);
      assert.match(await text(`.js-inschrijvingen tr.js-agb-${facts.agb1}`), /afgewezen.*voldoet niet: Kwaliteit 5,0 onder minimum 6/);
      assert.match(await text(`.js-inschrijvingen tr.js-agb-${applicant}`), /gegund.*6\.800 \/ 10\.000.*voldoet/);
      assert.equal(cliJson('contract', 'list', '--agb', facts.agb1).filter((c) => c.product === '45D01' && c.start === TODAY).length, 0);
      await fresh();
      await page.click('.js-percelen .js-contracteren');
      await page.waitForSelector('#melding .alert-success');
      assert.match(await text('#melding'), /gecontracteerd: 1 contract/);
      assert.match(await text(`.js-inschrijvingen tr.js-agb-${applicant}`), /gecontracteerd/);
      // the applicant is now a contracted provider for 45D01 from the contract start
      const made = cliJson('contract', 'list', '--agb', applicant);
      assert.equal(made.length, 1);
      assert.equal(made[0].product, '45D01');
      assert.equal(made[0].start, day(1));
      assert.equal(cliJson('contract', 'list', '--agb', facts.agb1).filter((c) => c.start === day(1)).length, 0, 'no contract for the rejected registration');
      await shot('aanbesteding-gecontracteerd');
      // later entry: a new registration after the contracts, scored, admitted only for an
      // insufficiency of supply, with its grounds; then contracted at once
      const late = '71299977';
      await page.fill('#ins-agb', late);
      await page.fill('#ins-naam', 'Late Toetreder');
      await page.check('#ins-producten .js-product');
      await page.click('#inschrijven');
      await page.waitForSelector(`.js-inschrijvingen tr.js-agb-${late}`);
      assert.match(await text(`.js-inschrijvingen tr.js-agb-${late}`), /late toetreding.*ingeschreven/);
      await page.waitForSelector('#toetreding-sectie:not(.d-none)');
      const lateId = await page.locator('#sc-inschrijving option', { hasText: late }).getAttribute('value');
      for (const [crit, value] of [[1, 7], [2, 6]]) {
        await page.selectOption('#sc-inschrijving', lateId);
        await page.selectOption('#sc-criterium', String(crit));
        await page.fill('#sc-score', String(value));
        await page.fill('#sc-motivering', `Toetreding: score ${value}.`);
        await fresh();
        await page.click('#score-opslaan');
        await page.waitForSelector('#melding .alert-success');
      }
      await page.selectOption('#tt-inschrijving', lateId);
      await page.selectOption('#tt-besluit', 'toegelaten');
      await page.selectOption('#tt-reden', 'voldoende_aanbod');
      await page.fill('#tt-onderbouwing', 'Zie het aanbod per gemeente hieronder.');
      await page.click('#besluiten');
      await page.waitForSelector('#form-toetreding .alert-danger');
      assert.match(await text('#form-toetreding .alert-danger'), /Toelaten kan alleen als het aanbod onvoldoende is/);
      await page.selectOption('#tt-reden', 'spreiding');
      await page.fill('#tt-onderbouwing', 'Steenwijkerland: geen gecontracteerde aanbieder voor 45D01 met zorg daar.');
      await fresh();
      await page.click('#besluiten');
      await page.waitForSelector('#melding .alert-success');
      assert.match(await text(`.js-inschrijvingen tr.js-agb-${late}`), /toegelaten/);
      assert.equal(cliJson('contract', 'list', '--agb', late).length, 1, 'the admitted entry is contracted');
      const audit = cliJson('audit').filter((a) => a.action === 'aanbesteding.toetreding');
      assert.ok(audit.some((a) => /toegelaten \(spreiding\)/.test(a.detail)), 'the decision is audited');
      // a second tender awarded today: no contracts during the standstill
      await page.goto(`${base}/aanbestedingen.html`);
      await page.waitForSelector('#form-nieuw');
      await page.fill('#nw-naam', 'Browsertest standstill');
      await fillDates('nw', phases([-50, -49, -48, -47, -46, -30, 1]));
      await page.check('#nw-lot-P4');
      await page.fill('#nw-criteria', 'Kwaliteit; 100; 6');
      await Promise.all([page.waitForURL(/aanbestedingen\.html\?id=\d+/), page.click('#aanmaken')]);
      await page.waitForSelector('#fase[data-phase="gunning"]');
      // registration closed long ago: refused naming the phase and its dates
      await page.fill('#ins-agb', applicant);
      await page.fill('#ins-naam', 'Leesbureau Browser');
      await page.check('#ins-producten .js-product');
      await page.click('#inschrijven');
      await page.waitForSelector('#form-inschrijven .alert-danger');
      assert.match(await text('#form-inschrijven .alert-danger'), new RegExp(`Inschrijven kan alleen in de fase inschrijving, van ${day(-50)} tot en met ${day(-48)}`));
      await fresh();
      await page.click('.js-percelen .js-gunnen');
      await page.waitForSelector('#melding .alert-success');
      await page.click('.js-percelen .js-contracteren');
      await page.waitForSelector('#form-percelen .alert-danger');
      assert.match(await text('#form-percelen .alert-danger'), new RegExp(`standstill \\(Alcatel-termijn\\): gegund op ${TODAY}, standstill van ${day(1)} tot en met ${day(20)} \\(20 dagen\\)`));
      // the supply on the first tender's page: the dyslexie providers with figures
      await page.goto(`${base}/aanbestedingen.html?id=${id}`);
      await page.waitForSelector('.js-aanbod-producten tbody tr');
      const dys = page.locator('.js-aanbod-producten tbody tr', { hasText: '45D01' });
      assert.ok(Number((await dys.locator('td').nth(2).innerText()).trim()) >= 3, 'the demo\'s dyslexie providers and the new one');
      // per municipality: one row per product, one column per municipality, every row whole
      const cols = await page.locator('.js-aanbod-gemeenten thead th').count();
      assert.ok(cols >= 3, `a column per municipality: ${cols}`);
      const firstRow = page.locator('.js-aanbod-gemeenten tbody tr').first();
      assert.equal(await firstRow.locator('td').count(), cols - 1, 'a cell for every municipality');
      await shot('aanbestedingen');
      // a lezer: the published tenders, no registrations, no supply
      await login('lezer');
      await page.goto(`${base}/aanbestedingen.html?id=${id}`);
      await page.waitForSelector('#fase');
      assert.equal(await page.locator('.js-inschrijvingen').count(), 0);
      assert.equal(await page.locator('#aanbod-sectie').isVisible(), false);
      assert.ok(await page.locator('.js-aanbestedingen tbody tr').count() >= 3);
    }));

    it('5k. the impact analysis: rsj prices the year under the catalog and a lower scenario, the totals match the CLI, the losers and a chart show, an unknown product is refused, Excel downloads; a gemeente sees its own municipality', guard('scenario5k', async () => {
      const B = { name: 'Lager', method: 'uncapped', tariffs: { '45F01': 5000, '45F02': 7000, '45F03': 8000 } };
      const bFile = path.join(tmp, 'lager.json');
      writeFileSync(bFile, JSON.stringify(B));
      const tFile = path.join(tmp, 'catalogus.json');
      const t = cli('impact', '--year', '2025', '--template');
      assert.equal(t.status, 0, t.err);
      writeFileSync(tFile, t.out);
      const [want] = cliJson('impact', '--year', '2025', '--scenario', tFile, '--scenario', bFile);
      await login('rsj');
      await page.goto(`${base}/impactanalyse.html?jaar=2025`);
      await page.click('#catalogus-a');
      await page.waitForFunction(() => /catalogus 2025/.test(document.querySelector('#scenario-a').value));
      await page.fill('#scenario-b', JSON.stringify(B));
      await page.click('#berekenen');
      await page.waitForSelector('#kop-resultaat');
      assert.match(await text('#kop-resultaat'), new RegExp(`^Impactanalyse 2025: ${want.lines.toLocaleString('nl-NL').replace('.', '\\.')} declaratieregels`));
      const total = await page.locator('.js-totaal tbody td').allInnerTexts();
      assert.equal(total[1].trim(), euroText(want.total.current_cents), 'the realised total');
      assert.equal(total[2].trim(), euroText(want.total.scenarios[0].cents), 'the catalog prices the year as it was billed (capped at the budgets)');
      assert.equal(total[5].trim(), euroText(want.total.scenarios[1].cents), 'scenario B');
      assert.equal(await page.locator('.js-gemeenten tbody tr').count(), want.municipalities.length);
      assert.equal(await page.locator('.js-verliezers-2 tbody tr').count(), want.losers[1].providers.length);
      assert.ok(want.losers[1].providers.length > 0, 'a lower tariff makes losers');
      const firstLoser = (await page.locator('.js-verliezers-2 tbody tr:first-child td:first-child').innerText()).trim();
      assert.equal(firstLoser, want.losers[1].providers[0].agb, 'the biggest loser first');
      assert.equal(await page.locator('canvas#grafiek-gemeenten').count(), 1, 'a chart per municipality');
      await shot('impactanalyse');
      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('#download-xlsx')]);
      assert.equal(xlsx.suggestedFilename(), 'impactanalyse-2025.xlsx');
      assert.equal(readFileSync(await xlsx.path()).subarray(0, 2).toString('latin1'), 'PK', 'a workbook (zip)');
      // saved under its name, then chosen from the list
      await page.click('#opslaan-b');
      await page.waitForSelector('#form-impact .alert-success');
      assert.match(await text('#form-impact .alert-success'), /Scenario 'Lager' opgeslagen/);
      await page.waitForSelector('#opgeslagen-a option[value="Lager"]', { state: 'attached' });
      await page.selectOption('#opgeslagen-a', 'Lager');
      assert.deepEqual(JSON.parse(await page.inputValue('#scenario-a')).tariffs, B.tariffs);
      // an unknown product: refused with its code, nothing shown as a result
      await page.fill('#scenario-b', JSON.stringify({ name: 'Fout', tariffs: { '99X99': 100 } }));
      await page.click('#berekenen');
      await page.waitForSelector('#form-impact .alert-danger');
      assert.match(await text('#form-impact .alert-danger'), /99X99 is geen productcode/);
      await page.fill('#scenario-b', '{"name": "kapot",');
      await page.click('#berekenen');
      await page.waitForFunction(() => /geen geldige JSON/.test(document.querySelector('#form-impact .alert-danger')?.textContent || ''));
      // a gemeente: its own municipality's row and the region's total
      await login('gemeente1');
      await page.goto(`${base}/impactanalyse.html?jaar=2025`);
      assert.ok(!(await page.locator('#opslaan-a').isVisible()), 'a gemeente saves no scenario');
      await page.click('#catalogus-a');
      await page.waitForFunction(() => /catalogus 2025/.test(document.querySelector('#scenario-a').value));
      await page.click('#berekenen');
      await page.waitForSelector('.js-gemeenten tbody tr');
      assert.equal(await page.locator('.js-gemeenten tbody tr').count(), 1);
      assert.match(await text('.js-gemeenten tbody tr'), new RegExp(`\\(${facts.gemeente1}\\)`));
      assert.equal((await page.locator('.js-totaal tbody td').nth(1).innerText()).trim(), euroText(want.total.current_cents));
    }));

    it('5e. the zorgverloop dashboard: figures for a period, a voorziening filter and a drill-down from the most expensive youths to their assignments', guard('scenario5e', async () => {
      await login('gemeente1');
      await page.goto(`${base}/zorg.html?periode=2025`);
      await page.waitForSelector('#kerncijfers');
      assert.equal(await page.locator('#gemeente').inputValue(), facts.gemeente1, 'a gemeente user sees its own municipality first');
      const api = (u) => page.evaluate(async (x) => (await fetch(x)).json(), u);
      const q = `period=2025&gemeente=${facts.gemeente1}`;
      const [dur, wait, end, bud, conc] = await Promise.all(['durations', 'waiting', 'endings', 'budget', 'concentration'].map((f) => api(`/api/v1/figures/${f}?${q}`)));
      // the page's Dutch numbers: days with one decimal at most, shares in tenths
      const dayText = (v) => `${Number(v).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} ${v === 1 ? 'dag' : 'dagen'}`;
      const pct = (x10) => `${(x10 / 10).toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
      assert.equal(dur.scope.aggregate, false, 'its own municipality, every group');
      assert.equal(await text('#kpi-duur .kpi-value'), dayText(dur.total.mean_days), 'the mean duration');
      assert.equal(await text('#kpi-wachttijd .kpi-value'), dayText(wait.total.median_days), 'the median waiting time');
      const plan = end.by_group.find((g) => g.group === 'volgens plan');
      assert.equal(await text('#kpi-volgens-plan .kpi-value'), pct(plan.share_x10), 'the share ended as planned');
      assert.equal(await text('#kpi-budgetgebruik .kpi-value'), pct(bud.total.use_share_x10), 'the budget use');
      assert.ok(dur.by_voorziening.length > 0 && wait.by_voorziening.length > 0, 'the demo year has ended and started care');
      assert.equal(await page.locator('#tabel-duur tbody tr').count(), dur.by_voorziening.length + 1, 'a row per voorziening and the total');
      assert.equal(await page.locator('canvas#grafiek-duur').count(), 1, 'a chart of the duration classes');
      assert.equal(await page.locator('#tabel-duurklassen tbody tr').count(), dur.total.classes.length, 'the classes as a table too');
      assert.deepEqual(await page.locator('#tabel-concentratie tbody tr[data-key]').evaluateAll((l) => l.map((r) => r.dataset.key)), conc.by_voorziening.map((x) => x.key));
      assert.ok((await text('#tabel-concentratie tbody tr[data-totaal]')).includes(pct(conc.total.top5_share_x10)), 'the top-5 share of all voorzieningen');
      // the waiting times per provider: the longest 90th percentile first
      const p90s = await page.locator('#tabel-wachttijd-aanbieder tbody tr td:nth-child(5)').allTextContents();
      assert.equal(p90s.length, Math.min(15, wait.by_provider.length));
      const nums = p90s.map((t) => Number(t.replace(',', '.')));
      assert.deepEqual(nums, [...nums].sort((a, b) => b - a), 'ordered by the 90th percentile');
      // the durations table as CSV
      const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-durations-csv')]);
      assert.equal(csv.suggestedFilename(), `durations-${facts.gemeente1}-2025.csv`);
      assert.match(readFileSync(await csv.path(), 'utf8'), /^\uFEFFBudget of product;/);
      await shot('zorg-gemeente');

      // the voorziening filter: only the rows of wonen/verblijf (the catalog's intensities)
      const wonen = new Set(facts.cat.products.filter((p) => p.kind === 'intensiteit').map((p) => p.code));
      const wantWait = wait.by_voorziening.filter((x) => wonen.has(x.key)).map((x) => x.key);
      assert.ok(wantWait.length > 0 && wantWait.length < wait.by_voorziening.length, 'some but not all rows are wonen/verblijf');
      await page.selectOption('#voorziening', 'wonen/verblijf');
      await page.click('#tonen');
      await page.waitForFunction(() => new URLSearchParams(location.search).get('voorziening') === 'wonen/verblijf' && document.querySelector('#kerncijfers'));
      assert.deepEqual(await page.locator('#tabel-wachttijd-voorziening tbody tr').evaluateAll((l) => l.map((r) => r.dataset.key)), wantWait, 'only wonen/verblijf, no total');
      const wantDur = dur.by_voorziening.filter((x) => wonen.has(x.key)).map((x) => x.key);
      assert.deepEqual(await page.locator('#tabel-duur tbody tr').evaluateAll((l) => l.map((r) => r.dataset.key)), wantDur);
      if (!wantDur.length) assert.match(await text('#tabel-duur'), /Geen beëindigde toewijzingen voor de voorziening Wonen\/verblijf/);
      assert.deepEqual(await page.locator('#tabel-concentratie tbody tr').evaluateAll((l) => [...new Set(l.map((r) => r.dataset.voorziening))]),
        conc.by_voorziening.some((x) => x.key === 'wonen/verblijf') ? ['wonen/verblijf'] : []);
      await shot('zorg-wonen-verblijf');
      await page.selectOption('#voorziening', '');
      // the aanbieder filter: asked of the API, and the rows per provider show only it
      const agb = wait.by_provider[0].key;
      await page.selectOption('#aanbieder', agb);
      await page.click('#tonen');
      await page.waitForFunction((a) => new URLSearchParams(location.search).get('aanbieder') === a && document.querySelector('#kerncijfers'), agb);
      assert.ok(requested.some((u) => u.includes('/api/v1/figures/durations?') && u.includes(`aanbieder=${agb}`)), 'the API is asked with ?aanbieder=');
      assert.deepEqual(await page.locator('#tabel-wachttijd-aanbieder tbody tr').evaluateAll((l) => l.map((r) => r.dataset.agb)), [agb]);
      // the API applied it to every figure: the key figures are that provider's
      assert.match(await text('#melding-aanbieder'), /alle cijfers gelden alleen voor de productie van deze aanbieder/);
      const pwait = await api(`/api/v1/figures/waiting?${q}&aanbieder=${agb}`);
      assert.equal(pwait.scope.agb, agb);
      assert.equal(await text('#kpi-wachttijd .kpi-value'), dayText(pwait.total.median_days), 'the provider\'s median waiting time');
      await page.selectOption('#aanbieder', '');
      await page.click('#tonen');
      await page.waitForFunction(() => !new URLSearchParams(location.search).get('aanbieder') && document.querySelector('#kerncijfers'));

      // the most expensive youths, on request (personal data, audited), and one youth's assignments
      const exp = await api(`/api/v1/figures/expensive?${q}`);
      assert.ok(exp.youths.length > 0, 'the demo year has declared care');
      facts.expensiveBsns = exp.youths.map((y) => y.bsn);
      await page.click('#duurste-tonen');
      await page.waitForSelector('#tabel-duurste tbody tr');
      assert.equal(await page.locator('#tabel-duurste tbody tr').count(), exp.youths.length);
      assert.equal(await text('#tabel-duurste tbody tr:first-child td:nth-child(3)'), euroText(exp.youths[0].cents));
      const y = exp.youths.find((x) => x.assignments.length > 1) || exp.youths[0];
      await page.locator(`#tabel-duurste tbody tr[data-youth="${y.youth_id}"]`).click();
      await page.waitForSelector('#tabel-duurste-toewijzingen tbody tr');
      assert.deepEqual(await page.locator('#tabel-duurste-toewijzingen tbody tr').evaluateAll((l) => l.map((r) => r.dataset.nummer)), y.assignments.map((a) => a.number));
      assert.equal(await text('#tabel-duurste-toewijzingen tbody tr:first-child td:last-child'), euroText(y.assignments[0].cents));
      assert.equal(await page.locator('#duurste-dossier').getAttribute('href'), `jeugdige.html?id=${y.youth_id}`);
      await shot('zorg-duurste');
      await page.click('#duurste-dossier');
      await page.waitForSelector(`#resultaat a[href*="${y.assignments[0].number}"]`);
      // a bad period is refused at the field
      await page.goto(`${base}/zorg.html?periode=2025`);
      await page.waitForSelector('#kerncijfers');
      await page.fill('#periode', '2025-Q5');
      await page.click('#tonen');
      await page.waitForSelector('#periode.is-invalid');

      // a lezer: the figures, no youths
      await login('lezer');
      await page.goto(`${base}/zorg.html?periode=2025&gemeente=${facts.gemeente1}`);
      await page.waitForSelector('#kerncijfers');
      assert.match(await text('#duurste-melding'), /persoonsgegevens/);
      assert.equal(await page.locator('#duurste-tonen, #tabel-duurste, a[href^="jeugdige.html"]').count(), 0, 'no youths for a lezer');
      const all = await page.locator('body').innerText();
      assert.deepEqual(facts.expensiveBsns.filter((b) => all.includes(b)), [], 'no BSN on the page');
      await shot('zorg-lezer');
    }));

    it('5c. the benchmark shows every municipality with the own one highlighted, as the API says', guard('scenario5c', async () => {
      await login('gemeente1');
      await page.goto(`${base}/benchmark.html?periode=2025`);
      await page.waitForSelector('#kop-benchmark');
      const b = await page.evaluate(async (x) => (await fetch(x)).json(), '/api/v1/figures/benchmark?period=2025');
      // one row per municipality and the region's
      assert.equal(await page.locator('#benchmark tbody tr').count(), b.rows.length + 1);
      const own = b.rows.find((r) => r.own);
      assert.ok(own, 'the gemeente user has an own row');
      const ownRow = page.locator('#benchmark tbody tr.table-warning');
      assert.equal(await ownRow.count(), 1);
      assert.match(await ownRow.locator('td').first().textContent(), new RegExp(own.gemeente));
      const c = own.figures.youths_per_thousand_x10;
      const shown = c.hidden ? `< ${b.scope.threshold}` : (c.value / 10).toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
      assert.equal((await ownRow.locator('td').nth(1).textContent()).trim(), shown);
      // another figure in the chart, then a refused period at the field
      await page.selectOption('#cijfer', 'spend_per_youth_cents');
      await shot('benchmark');
      await page.fill('#periode', '2025-Q5');
      await page.click('#tonen');
      await page.waitForSelector('#periode.is-invalid');
    }));

    it('5l. task budgets (taakgericht) on the Afrekening page of a second server on the fixture region: the partner terms paid to the cent, a municipality its own; the Begroting page counts them', guard('scenario5l', async () => {
      // a second region made of data alone (tests/fixtures/region-output.json):
      // a database of its own with a provider and two accounts; the task
      // budgets come from the region file, nothing needs to be declared
      const f = app({ name: 'fixture', config: path.join(SRC, 'tests', 'fixtures', 'region-output.json'), env: { JEUGDREGIO_PASSWORD: PASSWORD } });
      const run2 = (...args) => {
        const r = f.cli(...args);
        assert.equal(r.status, 0, `jeugdregio ${args.join(' ')}: ${r.err || r.out}`);
        return r.out;
      };
      run2('provider', 'add', '--agb', '12345678', '--name', 'Topzorg');
      run2('user', 'add', '--name', 'beheer2', '--role', 'beheerder');
      run2('user', 'add', '--name', 'zwolle2', '--role', 'gemeente', '--gemeente', '0193');
      // what the settlement says, to compare the page with
      const cliRows = run2('settle', '--period', '2024-06', '--tasks', '--json').split('\n').filter(Boolean).map((l) => JSON.parse(l));
      assert.equal(cliRows.length, 2);
      // its own server, this suite's browser
      await f.startServer();
      const base2 = f.base;
      f.page = page;
      f.context = context;
      const login2 = f.login;
      try {
        await login2('beheer2');
        await page.goto(`${base2}/afrekening.html?periode=2024-06`);
        await page.waitForSelector('#taakbudgetten-rijen tbody tr');
        assert.equal(await page.locator('#taakbudgetten').isVisible(), true);
        assert.equal(await page.locator('#taakbudgetten-rijen tbody tr').count(), 2);
        // Zwolle: 120.000,05 in 12 terms, 6 paid by June; Deventer: 80.000,00 in 4, 2 paid
        const zwolle = page.locator('#taakbudgetten-rijen tbody tr', { hasText: '0193' });
        const cells = (await zwolle.locator('td').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
        assert.match(cells[0], /Topzorg \(12345678\)/);
        assert.match(cells[1], /43T01/);
        assert.deepEqual(cells.slice(3), [euroText(12000005), '6/12', euroText(6000000), euroText(1000000), euroText(6000005)]);
        const deventer = page.locator('#taakbudgetten-rijen tbody tr', { hasText: '0150' });
        assert.deepEqual((await deventer.locator('td').allInnerTexts()).slice(3).map((t) => t.trim()),
          [euroText(8000000), '2/4', euroText(4000000), euroText(0), euroText(4000000)]);
        // the sums, as the CLI's settle --tasks adds them up
        const sum = (k) => cliRows.reduce((a, r) => a + r[k], 0);
        assert.equal((await text('#taak-budget')), euroText(sum('budget_cents')));
        assert.equal((await text('#taak-betaald')), euroText(sum('paid_cents')));
        assert.equal((await text('#taak-resterend')), euroText(sum('remaining_cents')));
        await shot('afrekening-taakbudgetten');
        // December: the remainder cent in Zwolle's last term
        await page.goto(`${base2}/afrekening.html?periode=2024-12`);
        await page.waitForSelector('#taakbudgetten-rijen tbody tr');
        const dec = page.locator('#taakbudgetten-rijen tbody tr', { hasText: '0193' });
        assert.deepEqual((await dec.locator('td').allInnerTexts()).slice(4).map((t) => t.trim()),
          ['12/12', euroText(12000005), euroText(1000005), euroText(0)]);
        // a year without task budgets: the section says so
        await page.goto(`${base2}/afrekening.html?periode=2025-03`);
        await page.waitForSelector('#taakbudgetten-tabel p');
        assert.match(await text('#taakbudgetten-tabel'), /Geen taakbudgetten in 2025/);
        // the municipality sees its own budget only
        await login2('zwolle2');
        await page.goto(`${base2}/afrekening.html?periode=2024-06`);
        await page.waitForSelector('#taakbudgetten-rijen tbody tr');
        assert.equal(await page.locator('#taakbudgetten-rijen tbody tr').count(), 1);
        assert.match(await text('#taakbudgetten-rijen tbody tr'), /0193/);
        // budget control: no line declared (L = 0), so every term is committed and in the forecast
        await page.goto(`${base2}/begroting.html?jaar=2024`);
        await page.waitForSelector('#taak-uitleg');
        const head = await page.locator('#controle thead th').allInnerTexts();
        const col = head.findIndex((h) => /nog te betalen/.test(h));
        assert.ok(col > 0, `a column of the task budgets' unpaid terms: ${head.join(' | ')}`);
        const verblijf = page.locator('#controle tbody tr', { hasText: 'verblijf' }).first();
        assert.equal((await verblijf.locator('td').nth(col).innerText()).trim(), euroText(12000005));
        await shot('begroting-taakbudget');
      } finally {
        await context.clearCookies();
        await f.stopServer(); /* fails on the sanitizer's findings */
      }
    }));

    it('6. no Content-Security-Policy violations or script errors', async () => {
      const res = await page.goto(`${base}/index.html`);
      assert.match(res.headers()['content-security-policy'] || '', /script-src 'self'/, 'the pages are served under the CSP');
      assert.deepEqual(problems, []);
    });

    it('7. no BSN in an address: the pages ask /api/v1 and never put a BSN in a URL', () => {
      assert.ok(facts.bsn && requested.length > 0);
      const api = requested.filter((u) => new URL(u).pathname.startsWith('/api/'));
      assert.ok(api.length > 0);
      assert.deepEqual(api.filter((u) => !new URL(u).pathname.startsWith('/api/v1/')), []);
      assert.deepEqual(requested.filter((u) => u.includes(facts.bsn) || /[?&]bsn=/.test(u)), []);
    });
  });
}
