// harness.mjs: what every browser test file of jeugdregio shares: the
// launcher mode (skip with exit 77 when playwright-core or Debian's chromium
// is missing, else run the file under `node --test`), and an app: a fresh
// database filled by a CLI command, `jeugdregio serve` on a free port, and a
// headless chromium page with the helpers the scenarios use.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, createWriteStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const CHROMIUM = '/usr/bin/chromium';
export const PASSWORD = 'jeugdregio-demo';

export function missing() {
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

// launcher: run directly (what meson does), exit 77 with the reason when
// something is missing, else run the file under node --test and pass its
// status on. Returns only under node --test.
export function launcher(metaUrl) {
  if (process.env.NODE_TEST_CONTEXT) return;
  const why = missing();
  if (why.length) {
    console.log(`SKIP browser tests: ${why.join('; ')}`);
    process.exit(77);
  }
  const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', fileURLToPath(metaUrl), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: process.env,
  });
  process.exit(r.status === null ? 1 : r.status);
}

// euroText: cents as the pages show them (€ 1.234,56)
export const euroText = (c) => `€ ${Math.floor(c / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${String(c % 100).padStart(2, '0')}`;

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

// app({ name, config, env }): the paths, the CLI on the app's database, and
// start/stop of the server and the browser. config: the region file; env:
// more environment for the CLI and the server.
export function app({ name, config, env = {} }) {
  const SRC = process.env.JR_SOURCE_ROOT || path.resolve(HERE, '..', '..');
  const argBin = process.argv.slice(2).find((a) => !a.startsWith('-'));
  const BIN = path.resolve(argBin || process.env.JEUGDREGIO_BIN || path.join(SRC, 'build', 'src', 'jeugdregio'));
  const ARTEFACTS = process.env.JR_ARTEFACTS || path.join(SRC, 'tests', 'artefacts');
  const ENV = {
    ...process.env,
    JEUGDREGIO_TODAY: process.env.JEUGDREGIO_TODAY || '2026-01-15',
    JEUGDREGIO_CONFIG: config,
    USER: 'browsertest',
    ...env,
  };
  const tmp = mkdtempSync(path.join(os.tmpdir(), `jr-${name}-`));
  const DB = path.join(tmp, 'demo.db');
  const a = { SRC, BIN, ARTEFACTS, ENV, tmp, DB, base: '', page: null, context: null, problems: [] };
  let server = null;
  let log = null;
  let serverLog = '';

  a.cli = (...args) => {
    const r = spawnSync(BIN, ['--db', DB, ...args], { env: ENV, cwd: SRC, encoding: 'utf8' });
    return { status: r.status, out: r.stdout || '', err: r.stderr || '' };
  };
  a.cliJson = (...args) => {
    const r = a.cli(...args, '--json');
    if (r.status !== 0) throw new Error(`jeugdregio ${args.join(' ')}: ${r.err || r.out}`);
    return r.out.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  };
  // freshBsn: a BSN passing the 11-check that the database does not hold
  a.freshBsn = (seed) => {
    for (let n = seed; n < seed + 100000; n++) {
      const s = String(n).padStart(9, '0');
      let sum = 0;
      for (let i = 0; i < 8; i++) sum += Number(s[i]) * (9 - i);
      if ((sum - Number(s[8])) % 11 === 0 && a.cli('youth', 'show', '--bsn', s).status !== 0) return s;
    }
    throw new Error('no free BSN');
  };

  // startServer: `jeugdregio serve` on the app's database, on a free port
  a.startServer = async () => {
    mkdirSync(ARTEFACTS, { recursive: true });
    const port = await freePort();
    a.base = `http://127.0.0.1:${port}`;
    log = createWriteStream(path.join(ARTEFACTS, `server-${name}.log`));
    server = spawn(BIN, ['--db', DB, 'serve', '--port', String(port), '--web', path.join(SRC, 'web')], { env: ENV, cwd: SRC });
    const keep = (d) => {
      log.write(d);
      serverLog = (serverLog + d.toString()).slice(-4000);
    };
    server.stdout.on('data', keep);
    server.stderr.on('data', keep);
    const end = Date.now() + 15000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`jeugdregio serve stopped (exit ${server.exitCode}):\n${serverLog}`);
      try {
        await (await fetch(`${a.base}/api/session`)).text();
        break;
      } catch (e) {
        if (Date.now() > end) throw new Error(`jeugdregio serve did not answer on ${a.base}:\n${serverLog}`);
        await new Promise((res) => setTimeout(res, 100));
      }
    }
  };

  // startBrowser: a headless chromium page that records CSP violations and
  // page errors in a.problems
  a.startBrowser = async () => {
    const require = createRequire(import.meta.url);
    const { chromium } = require(require.resolve('playwright-core', { paths: [HERE] }));
    a.context = await chromium.launchPersistentContext(mkdtempSync(path.join(tmp, 'chromium-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1366, height: 900 },
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
    });
    a.page = a.context.pages()[0] || (await a.context.newPage());
    a.page.setDefaultTimeout(15000);
    a.page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) a.problems.push(`${a.page.url()}: ${m.text()}`);
    });
    a.page.on('pageerror', (e) => a.problems.push(`${a.page.url()}: ${e.message}`));
  };

  a.start = async () => {
    await a.startServer();
    await a.startBrowser();
  };

  // stop: the browser, the server, the temporary folder; then the
  // sanitizer's findings on the server's stderr, if any, fail the file
  a.stop = async () => {
    if (a.context) await a.context.close().catch(() => {});
    await a.stopServer();
  };
  // stopServer: the server and the temporary folder, then the sanitizer's
  // findings on the server's stderr
  a.stopServer = async () => {
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
      const found = readFileSync(path.join(ARTEFACTS, `server-${name}.log`), 'utf8').match(/^.*(AddressSanitizer|LeakSanitizer|runtime error:).*$/m);
      if (found) throw new Error(`jeugdregio serve: ${found[0]} (see tests/artefacts/server-${name}.log)`);
    }
  };

  a.shot = (file) => a.page.screenshot({ path: path.join(ARTEFACTS, `${file}.png`), fullPage: true });
  a.text = async (sel) => (await a.page.locator(sel).innerText()).replace(/\s+/g, ' ').trim();
  a.login = async (user) => {
    await a.context.clearCookies();
    await a.page.goto(`${a.base}/login.html`);
    await a.page.fill('#naam', user);
    await a.page.fill('#wachtwoord', PASSWORD);
    await Promise.all([
      a.page.waitForURL((u) => !u.pathname.endsWith('/login.html')),
      a.page.click('#inloggen'),
    ]);
    await a.page.waitForSelector('#site-nav nav');
  };
  // guard: on failure, a screenshot of the page as it was (FOUT-file.png)
  a.guard = (file, fn) => async () => {
    try {
      await fn();
    } catch (e) {
      if (a.page) await a.page.screenshot({ path: path.join(ARTEFACTS, `FOUT-${file}.png`), fullPage: true }).catch(() => {});
      throw e;
    }
  };
  return a;
}
