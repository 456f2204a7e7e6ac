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
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, createWriteStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const SKIP = 77;

function missing() {
  const why = [];
  const require = createRequire(import.meta.url);
  try {
    require.resolve('playwright-core', { paths: [HERE] });
  } catch (e) {
    why.push(`playwright-core is not installed (run "npm ci" in ${HERE})`);
  }
  if (!existsSync(CHROMIUM)) why.push(`${CHROMIUM} is missing (apt-get install chromium)`);
  return why;
}

const underTestRunner = !!process.env.NODE_TEST_CONTEXT;

if (!underTestRunner) {
  // launcher mode (meson): skip with the reason, or run under node --test
  const why = missing();
  if (why.length) {
    console.log(`SKIP browser tests: ${why.join('; ')}`);
    process.exit(SKIP);
  }
  const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: process.env,
  });
  process.exit(r.status === null ? 1 : r.status);
}

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
  const require = createRequire(import.meta.url);
  const { chromium } = require(require.resolve('playwright-core', { paths: [HERE] }));

  const SRC = process.env.JR_SOURCE_ROOT || path.resolve(HERE, '..', '..');
  const argBin = process.argv.slice(2).find((a) => !a.startsWith('-'));
  const BIN = path.resolve(argBin || process.env.JEUGDREGIO_BIN || path.join(SRC, 'build', 'src', 'jeugdregio'));
  const ARTEFACTS = process.env.JR_ARTEFACTS || path.join(SRC, 'tests', 'artefacts');
  const TODAY = process.env.JEUGDREGIO_TODAY || '2026-01-15';
  const PASSWORD = 'jeugdregio-demo';
  const ENV = {
    ...process.env,
    JEUGDREGIO_TODAY: TODAY,
    JEUGDREGIO_CONFIG: process.env.JEUGDREGIO_CONFIG || path.join(SRC, 'config', 'ijsselland.json'),
    USER: 'browsertest',
  };

  const tmp = mkdtempSync(path.join(os.tmpdir(), 'jr-browser-'));
  const DB = path.join(tmp, 'demo.db');
  const facts = {}; // what the scenarios find out and share
  let server = null;
  let log = null;
  let serverLog = '';
  let base = '';
  let context = null;
  let page = null;
  const problems = []; // CSP violations and uncaught page errors
  const requested = []; // every URL the pages asked for

  // cli: runs the binary on the test database; JSON lines when --json.
  function cli(...args) {
    const r = spawnSync(BIN, ['--db', DB, ...args], { env: ENV, cwd: SRC, encoding: 'utf8' });
    return { status: r.status, out: r.stdout || '', err: r.stderr || '' };
  }
  function cliJson(...args) {
    const r = cli(...args, '--json');
    if (r.status !== 0) throw new Error(`jeugdregio ${args.join(' ')}: ${r.err || r.out}`);
    return r.out.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  }

  function bsnValid(s) {
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += Number(s[i]) * (9 - i);
    return (sum - Number(s[8])) % 11 === 0;
  }
  // freshBsn: a BSN passing the 11-check that the demo did not register.
  function freshBsn(seed) {
    for (let n = seed; n < seed + 100000; n++) {
      const s = String(n).padStart(9, '0');
      if (bsnValid(s) && cli('youth', 'show', '--bsn', s).status !== 0) return s;
    }
    throw new Error('no free BSN');
  }

  function freePort() {
    return new Promise((resolve, reject) => {
      const s = net.createServer();
      s.unref();
      s.on('error', reject);
      s.listen(0, '127.0.0.1', () => {
        const { port } = s.address();
        s.close(() => resolve(port));
      });
    });
  }

  async function waitForServer(url, ms) {
    const end = Date.now() + ms;
    for (;;) {
      if (server && server.exitCode !== null) throw new Error(`jeugdregio serve stopped (exit ${server.exitCode}):\n${serverLog}`);
      try {
        const r = await fetch(`${url}/api/session`);
        await r.text();
        return;
      } catch (e) {
        if (Date.now() > end) throw new Error(`jeugdregio serve did not answer on ${url}:\n${serverLog}`);
        await new Promise((res) => setTimeout(res, 100));
      }
    }
  }

  async function shot(name) {
    await page.screenshot({ path: path.join(ARTEFACTS, `${name}.png`), fullPage: true });
  }

  async function login(name) {
    await context.clearCookies();
    await page.goto(`${base}/login.html`);
    await page.fill('#naam', name);
    await page.fill('#wachtwoord', PASSWORD);
    await Promise.all([
      page.waitForURL((u) => !u.pathname.endsWith('/login.html')),
      page.click('#inloggen'),
    ]);
    await page.waitForSelector('#site-nav nav');
  }

  // guard: on failure, a screenshot of the page as it was (FOUT-name.png)
  const guard = (name, fn) => async () => {
    try {
      await fn();
    } catch (e) {
      if (page) await page.screenshot({ path: path.join(ARTEFACTS, `FOUT-${name}.png`), fullPage: true }).catch(() => {});
      throw e;
    }
  };

  const euroText = (c) => `€ ${Math.floor(c / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${String(c % 100).padStart(2, '0')}`;

  // visible text of a locator, whitespace folded
  const text = async (sel) => (await page.locator(sel).innerText()).replace(/\s+/g, ' ').trim();

  describe('jeugdregio web UI', { timeout: 300000 }, () => {
    before(async () => {
      mkdirSync(ARTEFACTS, { recursive: true });
      assert.ok(existsSync(BIN), `the jeugdregio binary is missing: ${BIN}`);
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

      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      log = createWriteStream(path.join(ARTEFACTS, 'server.log'));
      server = spawn(BIN, ['--db', DB, 'serve', '--port', String(port), '--web', path.join(SRC, 'web')], { env: ENV, cwd: SRC });
      const keep = (d) => {
        log.write(d);
        serverLog = (serverLog + d.toString()).slice(-4000);
      };
      server.stdout.on('data', keep);
      server.stderr.on('data', keep);
      await waitForServer(base, 15000);

      const userData = mkdtempSync(path.join(tmp, 'chromium-'));
      context = await chromium.launchPersistentContext(userData, {
        executablePath: CHROMIUM,
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
          '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        viewport: { width: 1366, height: 900 },
        locale: 'nl-NL',
        timezoneId: 'Europe/Amsterdam',
      });
      page = context.pages()[0] || (await context.newPage());
      page.setDefaultTimeout(15000);
      page.on('console', (m) => {
        if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(`${page.url()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
      page.on('request', (r) => requested.push(r.url()));
    });

    after(async () => {
      if (context) await context.close().catch(() => {});
      if (server && server.exitCode === null) {
        server.kill('SIGTERM');
        await new Promise((res) => {
          const t = setTimeout(() => { server.kill('SIGKILL'); res(); }, 5000);
          server.on('exit', () => { clearTimeout(t); res(); });
        });
      }
      rmSync(tmp, { recursive: true, force: true });
      if (log) {
        await new Promise((res) => log.end(res));
        // a sanitizer build reports what it found on the server's stderr
        const found = readFileSync(path.join(ARTEFACTS, 'server.log'), 'utf8').match(/^.*(AddressSanitizer|LeakSanitizer|runtime error:).*$/m);
        assert.equal(found, null, `jeugdregio serve: ${found && found[0]} (see tests/artefacts/server.log)`);
      }
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
      // a GI refers through a quote only
      await page.selectOption('#verwijzer', '04');
      await page.waitForFunction(() => [...document.querySelectorAll('input[name=keuze]')].map((i) => i.value).join() === 'offerte');
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
        `${facts.agb1},Aanbieder een,2024,100000000,80000000,5000000,30000000,100000000,20000000,10000000`,
        `${facts.agb2},Aanbieder twee,2024,100000000,100000000,1500000,20000000,100000000,5000000,5000000`,
        '99999990,Inschrijver,2024,100000000,90000000,-1,50000000,100000000,20000000,10000000', ''].join('\n');
      await login('rsj');
      await page.goto(`${base}/continuiteit.html?jaar=2024`);
      await page.waitForSelector('#kop-overzicht');
      await page.setInputFiles('#bestand', { name: 'fout.csv', mimeType: 'text/csv', buffer: Buffer.from(`${H}\n${facts.agb1},X,2024,1,1,1,1,1,1,1\n1234,Kort,2024,1,1,1,1,1,1,1\n`) });
      await page.click('#inlezen');
      await page.waitForSelector('#form-import .alert-danger');
      assert.match(await text('#form-import .alert-danger'), /regel 3: kolom agb/);
      assert.equal(await text('#kop-overzicht'), 'Continuïteit 2024: cijfers van 0 aanbieder(s)', 'nothing stored');
      await page.setInputFiles('#bestand', { name: 'jaar2024.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
      await page.click('#inlezen');
      await page.waitForSelector('#import-melding .alert-success');
      await page.waitForFunction(() => /3 aanbieder/.test(document.querySelector('#kop-overzicht')?.textContent || ''));
      const row = page.locator('#overzicht tbody tr', { hasText: 'Tot en met 2 miljoen euro' });
      assert.equal((await row.locator('[data-signal="positive_result"]').innerText()).trim(), '66,7 %');
      assert.equal((await row.locator('[data-signal="rentabiliteit"]').innerText()).trim(), '33,3 %');
      assert.equal(await page.locator('canvas#grafiek-jaar').count(), 1, 'a chart of the year');
      await page.waitForSelector('.js-risico tbody tr');
      const risk = await page.locator('.js-risico tbody tr td:first-child').allTextContents();
      assert.deepEqual(risk.map((x) => x.trim()), [facts.agb2, '99999990']);
      await page.waitForSelector('.js-verloop tbody tr');
      assert.equal(await page.locator('canvas#grafiek-verloop').count(), 1, 'a chart over the years');
      await shot('continuiteit');
      // a lezer: the same shares, how many at risk, not which
      await login('lezer');
      await page.goto(`${base}/continuiteit.html?jaar=2024`);
      await page.waitForSelector('#risico-aantal');
      assert.match(await text('#risico-aantal'), /^2 aanbieder/);
      assert.equal(await page.locator('.js-risico').count(), 0);
      assert.ok(!(await page.locator('#invoer').isVisible()), 'no import for a lezer');
      // the provider file: a provider sees its own figures with the signals
      await login('aanbieder1');
      await page.goto(`${base}/aanbieders.html?agb=${facts.agb1}`);
      await page.waitForSelector('.js-continuiteit tbody tr');
      assert.equal(await page.locator('.js-continuiteit [data-verdict="met"]').count(), 4);
      await shot('aanbieder-continuiteit');
    }));

    it('5g. the impact analysis: rsj prices the year under the catalog and a lower scenario, the totals match the CLI, the losers and a chart show, an unknown product is refused, Excel downloads; a gemeente sees its own municipality', guard('scenario5g', async () => {
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
