// region2.mjs: the web UI on the second shipped region (Zuid-Kennemerland en
// IJmond: taakgericht strategic partners, dyslexie p*q), on a demo year made
// by `demo --region` (issue 13). The server is started without a region
// file of its own beyond the environment's: the database is bound to it.
//
//   node tests/browser/region2.mjs [JEUGDREGIO_BIN]   (what meson runs)
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { app, euroText, launcher, missing } from './harness.mjs';

launcher(import.meta.url);
const assert = (await import('node:assert/strict')).default;

const why = missing();
if (why.length) {
  describe('jeugdregio web UI, second region', () => {
    it('needs playwright-core and chromium', { skip: why.join('; ') }, () => {});
  });
} else {
  const SRC = process.env.JR_SOURCE_ROOT || path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
  const ZK = path.join(SRC, 'config', 'zuid-kennemerland-ijmond.json');
  const a = app({ name: 'region2', config: ZK });
  const facts = {};

  describe('jeugdregio web UI, second region', { timeout: 300000 }, () => {
    before(async () => {
      const demo = a.cli('demo', '--region', ZK, '--youths', '400', '--providers', '50');
      assert.equal(demo.status, 0, `demo --region failed: ${demo.err}`);
      const users = a.cliJson('user', 'list');
      const tenant = (n) => { const u = users.find((x) => x.name === n) || {}; return u.tenant || u.agb || u.gemeente; };
      facts.gemeente = tenant('toegang1');
      facts.partner = tenant('aanbieder1');
      assert.equal(facts.partner, '98100014', 'aanbieder1 is the first strategic partner');
      facts.bsn = a.freshBsn(223456700);
      await a.start();
    });
    after(async () => { await a.stop(); });

    it('1. the access team refers to a task and assigns the partner; no budget, no ledger', a.guard('zk1', async () => {
      const { page } = a;
      await a.login('toegang1');
      await page.goto(`${a.base}/verwijzen.html`);
      await page.fill('#bsn', facts.bsn);
      await page.click('#bsn-verder');
      await page.waitForSelector('#form-registreren:not(.d-none)');
      await page.fill('#geboortedatum', '02-03-2014');
      assert.equal(await page.locator('#gemeente').inputValue(), facts.gemeente);
      await page.click('#registreren');
      await page.waitForSelector('#stap2:not(.d-none)');
      // the access team: the region's tasks and dyslexie, no keuzebudgetten, no quote
      await page.selectOption('#verwijzer', '01');
      await page.waitForSelector('input[name=keuze][value="product:45A01"]');
      let choices = await page.locator('input[name=keuze]').evaluateAll((l) => l.map((i) => i.value));
      assert.deepEqual(choices.filter((c) => c.startsWith('product:')).sort(), ['product:43A01', 'product:45A01', 'product:46A01']);
      assert.ok(choices.includes('dyslexie'), 'dyslexie is a route');
      assert.ok(!choices.some((c) => c.startsWith('budget:') || c === 'offerte'), `no keuzebudget or quote: ${choices}`);
      assert.match(await a.text('#stap2'), /Taakgericht/i, 'the card says how the product is funded');
      // a GP: only the ambulant task (and dyslexie)
      await page.selectOption('#verwijzer', '02');
      await page.waitForFunction(() => !document.querySelector('input[name=keuze][value="product:43A01"]'));
      choices = await page.locator('input[name=keuze]').evaluateAll((l) => l.map((i) => i.value));
      assert.deepEqual(choices.filter((c) => c.startsWith('product:')), ['product:45A01']);
      await page.selectOption('#verwijzer', '01');
      await page.waitForSelector('input[name=keuze][value="product:45A01"]');
      await page.check('input[name=keuze][value="product:45A01"]');
      await a.shot('zk-verwijzen-taak');
      await page.click('#route-verder');
      await page.waitForSelector('#stap3:not(.d-none)');
      await page.fill('#resultaat', 'Rust thuis en weer naar school');
      await page.fill('#verwijsdatum', '05-01-2026');
      await page.click('#vastleggen');
      await page.waitForSelector('#stap4:not(.d-none)');
      await page.fill('#start', '12-01-2026');
      await page.locator('#start').blur();
      await page.waitForSelector(`#aanbieder option[value="${facts.partner}"]`, { state: 'attached' });
      // only the partners are contracted for the integral lot; no subcontractor
      const offered = await page.locator('#aanbieder option').evaluateAll((l) => l.map((o) => o.value).filter(Boolean));
      assert.deepEqual(offered.sort(), ['98100014', '98100025'], `providers offered: ${offered}`);
      await page.selectOption('#aanbieder', facts.partner);
      await page.click('#toewijzen');
      await page.waitForSelector('#naar-toewijzing');
      facts.assignment = new URL(await page.locator('#naar-toewijzing').getAttribute('href'), a.base).searchParams.get('nummer');
      await page.click('#naar-toewijzing');
      await page.waitForSelector('#detail-inhoud:not(.d-none)');
      assert.match(await a.text('#gegevens'), /Taakgericht/);
      assert.equal(await a.text('#kop-budget'), 'Bekostiging');
      assert.match(await a.text('#taak-uitleg'), /JR11/);
      assert.equal(await page.locator('#ledger .progress').count(), 0, 'a task has no budget bar');
      await a.shot('zk-toewijzing-taak');
    }));

    it('2. the partner starts care; a line on the task is refused with JR11', a.guard('zk2', async () => {
      const { page } = a;
      assert.ok(facts.assignment, 'scenario 1 made an assignment');
      await a.login('aanbieder1');
      await page.goto(`${a.base}/toewijzing.html?nummer=${facts.assignment}`);
      await page.waitForSelector('#form-start:not(.d-none)');
      await page.fill('#start-datum', '12-01-2026');
      await page.click('#zorg-starten');
      await page.waitForSelector('#form-stop:not(.d-none)');
      const header = 'declaratienummer,agb,gemeente,periode,dagtekening,referentie,toewijzingnummer,bsn,productcategorie,productcode,begindatum,einddatum,volume,eenheid,tarief,bedrag,debet_credit,vorige_referentie';
      const row = ['ZK2026-01-001', facts.partner, facts.gemeente, '2026-01', '2026-01-14', 'ZK-R1', facts.assignment, facts.bsn, '45', '45A01', '2026-01-12', '2026-01-13', '1', '82', '1250.00', '1250.00', 'D', ''].join(',');
      const csv = path.join(a.tmp, 'taak.csv');
      writeFileSync(csv, `${header}\n${row}\n`);
      await page.goto(`${a.base}/declareren.html`);
      await page.setInputFiles('#bestand', csv);
      await page.click('#uploaden');
      await page.waitForSelector('#regels table');
      const line = page.locator('#regels tr', { hasText: 'ZK-R1' });
      assert.match(await line.innerText(), /JR11/);
      assert.match(await line.innerText(), /taakgericht/i, 'the reason in words');
      assert.match(await a.text('#samenvatting'), /0 geaccepteerd.*1 afgewezen/);
      await a.shot('zk-declareren-taak');
    }));

    it('3. a municipality sees its own task budgets on the Afrekening page, the year paid in full', a.guard('zk3', async () => {
      const { page } = a;
      await a.login('gemeente1');
      await page.goto(`${a.base}/afrekening.html?periode=2025-12`);
      await page.waitForSelector('#taakbudgetten-rijen tbody tr');
      const rows = page.locator('#taakbudgetten-rijen tbody tr');
      assert.equal(await rows.count(), 3, 'Velsen: the ambulant, crisis and verblijf tasks');
      for (const t of await rows.allInnerTexts()) {
        assert.match(t, /Velsen|0453/);
        assert.match(t, /12\/12/);
      }
      // what remains after December is nothing; what was paid is the region file's budgets
      const cfg = JSON.parse(readFileSync(ZK, 'utf8'));
      const velsen = cfg.task_budgets.filter((t) => t.year === 2025 && t.municipality === facts.gemeente)
        .reduce((s, t) => s + Number(t.amount.replace('.', '')), 0);
      assert.equal(await a.text('#taak-betaald'), euroText(velsen));
      assert.equal(await a.text('#taak-resterend'), euroText(0));
      await a.shot('zk-afrekening-taken');
    }));

    it('4. the catalog page shows the funding per product and the partners', a.guard('zk4', async () => {
      const { page } = a;
      await a.login('rsj');
      await page.goto(`${a.base}/catalogus.html`);
      await page.waitForSelector('text=Integrale jeugdhulp ambulant');
      const body = await a.text('main');
      assert.match(body, /Zuid-Kennemerland en IJmond/);
      assert.match(body, /taakgericht: taakbudget van de partner/);
      assert.ok(!/Keuzebudgetten \(ambulant\)|Functiegroepen/.test(body), 'no empty keuzebudget or functiegroep sections');
      const gp = page.locator('tr', { hasText: 'huisarts' }).first();
      assert.match(await gp.innerText(), /45A01/, 'a GP may choose the ambulant task only');
      assert.match(body, /Strategische partners/);
      assert.match(body, /Jeugdpartners Kennemerland \(voorbeeld\)/);
      assert.match(body, /98100036 Gezinsbegeleiding Haarlem/, 'subcontractors under their partner');
      assert.match(body, /Taakbudgetten 2026/);
      assert.match(await a.text('#contracttermijn'), /Looptijd 9 jaar vanaf 01-01-2020, evaluaties na jaar 3 en na jaar 6/);
      assert.match(body, /Trajecten die volgens plan eindigen/);
      // the 2025 budgets: Haarlem's ambulant task
      await page.selectOption('#jaar', '2025');
      await page.waitForSelector('text=Taakbudgetten 2025');
      const haarlem = page.locator('tr', { hasText: 'Haarlem' }).filter({ hasText: '45A01' });
      assert.match(await haarlem.innerText(), /€ 9\.920\.000,00/);
      await a.shot('zk-catalogus');
      assert.deepEqual(a.problems, [], 'no CSP violation or page error');
    }));
  });
}
