// monitor.js: the monitor's dashboard. For one period (a year, half year,
// quarter or month) and a municipality or the region it shows the figures
// of GET /api/v1/figures/volume, /referrals and /spending beside the same
// period a year earlier and the region's, as key figures, Chart.js charts
// (Debian's libjs-chart.js, /vendor/chart/) and tables; a provider's
// spending drills down to the declaration lines behind it
// (GET /api/v1/settlements/lines, month by month). The aanbieder filter
// (filled from GET /api/v1/providers) goes to the API as ?aanbieder=AGB:
// the figures, and the region's beside them, are then that provider's
// production (scope.agb says so); the council report stays every
// provider's. Small groups come from the API as text ("< 10") and are
// shown as such.
import { get, query, listItems, clearErrors, showError, setFieldError, periodField } from '../api.js';
import { initPage } from '../nav.js';
import { municipalityMap, providerMap } from '../data.js';
import { el, tenths, euro, date, badge, table, number as fmtNumber, params, attachValidation } from '../format.js';

const $ = (id) => document.getElementById(id);
let user = null;
let pm = new Map(); // agb -> provider
const charts = [];

// providerName: "Jeugdzorg De Linde (73000001)", or the AGB alone
function providerName(agb) {
  const p = pm.get(agb);
  return p && p.name ? `${p.name} (${agb})` : agb;
}

// tenths: 123 -> "12,3"; null -> "–"
// count: a number, or the API's "< 10" for a hidden group
const count = (v) => (typeof v === 'string' ? v : fmtNumber(v));
const countValue = (v) => (typeof v === 'number' ? v : 0);

function growth(v) {
  if (v === null || v === undefined) return el('span', { class: 'text-muted', text: 'nieuw' });
  const cls = v > 0 ? 'text-danger' : v < 0 ? 'text-success' : '';
  return el('span', { class: cls, text: `${v > 0 ? '+' : ''}${tenths(v)} %` });
}

// the months of a period text: "2025-Q2" -> ["2025-04", "2025-05", "2025-06"]
function monthsOf(p) {
  const y = p.slice(0, 4);
  let from = 1; let n = 12;
  if (/^\d{4}-\d{2}$/.test(p)) { from = Number(p.slice(5)); n = 1; }
  else if (/Q/.test(p)) { from = 3 * (Number(p.slice(6)) - 1) + 1; n = 3; }
  else if (/H/.test(p)) { from = 6 * (Number(p.slice(6)) - 1) + 1; n = 6; }
  return Array.from({ length: n }, (_, i) => `${y}-${String(from + i).padStart(2, '0')}`);
}

function card(id, label, value, sub) {
  return el('div', { class: 'col-sm-6 col-lg-3' },
    el('div', { class: 'card h-100', id },
      el('div', { class: 'card-body' },
        el('div', { class: 'small text-muted', text: label }),
        el('div', { class: 'fs-3 fw-semibold kpi-value', text: value }),
        sub ? el('div', { class: 'small text-muted', text: sub }) : '')));
}

// the period in Bootstrap's primary blue, the year before in its grey
const COLOURS = ['#0d6efd', '#adb5bd'];

function barChart(canvas, labels, sets) {
  if (!window.Chart) return; // the charts' tables say the same
  const datasets = sets.map((d, i) => ({ ...d, backgroundColor: COLOURS[i % COLOURS.length] }));
  charts.push(new window.Chart(canvas, {
    type: 'bar',
    data: { labels, datasets },
    options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'bottom' } } },
  }));
}

function chartBlock(id, title, labels, sets, tbl) {
  const canvas = el('canvas', { id, role: 'img', 'aria-label': title });
  const block = el('section', { class: 'col-lg-6', 'aria-label': title },
    el('h3', { class: 'h5', text: title }), el('div', { class: 'chart-box' }, canvas), tbl);
  return { block, draw: () => barChart(canvas, labels, sets) };
}

async function drill(p, provider) {
  const sec = $('drill');
  sec.classList.remove('d-none');
  $('kop-drill').textContent = `Regels ${p} · ${provider.name || provider.code}`;
  const out = $('drill-regels');
  out.replaceChildren(el('p', { class: 'text-muted', text: 'Laden…' }));
  try {
    const g = $('gemeente').value;
    const parts = await Promise.all(monthsOf(p).map((m) =>
      get(`/api/v1/settlements/lines${query({ period: m, gemeente: g, agb: provider.code, limit: 500 })}`)));
    const lines = parts.flatMap(listItems).filter((l) => (l.result || (l.accepted ? 'accepted' : 'rejected')) === 'accepted');
    out.replaceChildren(table([
      { label: 'Regel', value: (l) => l.line || l.ref || '' },
      { label: 'Toewijzing', value: (l) => (l.assignment ? el('a', { href: `toewijzing.html?nummer=${encodeURIComponent(l.assignment)}`, text: l.assignment }) : '') },
      { label: 'Product', value: (l) => l.product || '' },
      { label: 'Periode', value: (l) => `${date(l.begin)} t/m ${date(l.end)}`, class: 'nowrap' },
      { label: 'Bedrag', value: (l) => `${l.credit ? '−' : ''}${euro(l.amount_cents)}`, class: 'amount' },
      { label: 'Uitkomst', value: (l) => badge('accepted') },
    ], lines, { caption: 'Geaccepteerde regels achter het bedrag' }));
    out.firstElementChild.id = 'drill-tabel';
  } catch (e) {
    out.replaceChildren();
    showError($('form-monitor'), e);
  }
}

async function load() {
  const form = $('form-monitor');
  clearErrors(form);
  const p = periodField($('periode'));
  if (!p) return;
  const g = $('gemeente').value;
  const agb = user.role === 'aanbieder' ? '' : $('aanbieder').value; // a provider's own is implied
  history.replaceState(null, '', `?${new URLSearchParams({ periode: p, ...(g ? { gemeente: g } : {}), ...(agb ? { aanbieder: agb } : {}) })}`);
  $('drill').classList.add('d-none');
  while (charts.length) charts.pop().destroy();
  const out = $('monitor');
  out.replaceChildren(el('p', { class: 'text-muted', text: 'Laden…' }));
  try {
    const q = query({ period: p, gemeente: g, aanbieder: agb });
    // the council report of the same municipality and period (not for a
    // provider: it covers every provider, also when one is chosen here)
    const pdf = $('rapport-pdf');
    pdf.href = `/api/v1/reports/council${query({ period: p, gemeente: g })}`;
    pdf.classList.toggle('d-none', user.role === 'aanbieder');
    pdf.title = agb
      ? 'De raadsrapportage van deze gemeente (of de regio) en periode als PDF, over alle aanbieders; kleine groepen verborgen'
      : 'De raadsrapportage van deze gemeente (of de regio) en periode als PDF; kleine groepen verborgen';
    $('export-xlsx').href = `/api/v1/exports/monitor${q}`;
    $('export-csv').href = `/api/v1/exports/spending${query({ period: p, gemeente: g, aanbieder: agb, format: 'csv', table: 'uitgaven-aanbieder' })}`;
    const [vol, ref, sp] = await Promise.all([
      get(`/api/v1/figures/volume${q}`), get(`/api/v1/figures/referrals${q}`), get(`/api/v1/figures/spending${q}`)]);
    const where = vol.scope && vol.scope.name ? vol.scope.name : 'de regio';
    const before = vol.before ? vol.before.period : '';
    const n = vol.now || {}; const pv = vol.prev || {};
    const region = vol.region && vol.region.now;
    const s = sp.spending || {};
    const cards = el('div', { class: 'row g-3 mb-4', id: 'kerncijfers' },
      card('kpi-jeugdigen', 'Jeugdigen in zorg', count(n.youths), `${before}: ${count(pv.youths)}`),
      card('kpi-per-1000', 'Per 1.000 jeugdigen', tenths(n.per_thousand_x10), region ? `regio: ${tenths(region.per_thousand_x10)}` : `${tenths(n.share_x10)} % van de jeugdigen`),
      card('kpi-trajecten', 'Trajecten gestart / beëindigd', `${fmtNumber(n.started)} / ${fmtNumber(n.ended)}`, `actief: ${fmtNumber(n.active)}`),
      card('kpi-uitgaven', 'Uitgaven (geaccepteerd)', euro(s.cents), `${before}: ${euro(s.prev_cents)}`));
    const vz = s.by_voorziening || [];
    const spendChart = chartBlock('grafiek-voorziening', `Uitgaven per voorziening, ${p} en ${before}`,
      vz.map((x) => x.name), [
        { label: p, data: vz.map((x) => x.cents / 100) },
        { label: before, data: vz.map((x) => x.prev_cents / 100) }],
      table([
        { label: 'Voorziening', value: (x) => x.name },
        { label: p, value: (x) => euro(x.cents), class: 'amount' },
        { label: before, value: (x) => euro(x.prev_cents), class: 'amount' },
        { label: 'Groei', value: (x) => growth(x.growth_x10), class: 'amount' },
      ], vz, { caption: 'Uitgaven per voorziening', class: 'table-sm mt-2' }));
    const routes = ((ref.now || {}).by_route || []);
    const routesPrev = ((ref.prev || {}).by_route || []);
    const refChart = chartBlock('grafiek-routes', `Verwijzingen per route, ${p} en ${before}`,
      routes.map((x) => x.name), [
        { label: p, data: routes.map((x) => countValue(x.count)) },
        { label: before, data: routesPrev.map((x) => countValue(x.count)) }],
      table([
        { label: 'Route', value: (x) => x.name },
        { label: p, value: (x) => count(x.count), class: 'amount' },
      ], routes, { caption: 'Verwijzingen per route', class: 'table-sm mt-2' }));
    // the lines behind a figure are personal data: not for a lezer, and a
    // municipal user has them of its own municipality only
    const municipal = user.role === 'toegang' || user.role === 'gemeente';
    const drillable = user.role !== 'lezer' && !(municipal && g && g !== user.gemeente);
    const providers = table([
      { label: 'Aanbieder', value: (x) => `${x.name} (${x.code})` },
      { label: p, value: (x) => euro(x.cents), class: 'amount' },
      { label: before, value: (x) => euro(x.prev_cents), class: 'amount' },
      { label: 'Groei', value: (x) => growth(x.growth_x10), class: 'amount' },
      { label: 'Regels', value: (x) => {
        if (!drillable) return '';
        const b = el('button', { type: 'button', class: 'btn btn-link btn-sm p-0', text: 'Regels' });
        b.addEventListener('click', () => drill(p, x));
        return b;
      } },
    ], s.by_provider || [], { caption: 'Uitgaven per aanbieder' });
    providers.id = 'tabel-aanbieders';
    const referrers = table([
      { label: 'Verwijzer', value: (x) => x.name },
      { label: p, value: (x) => count(x.count), class: 'amount' },
    ], (ref.now || {}).by_referrer || [], { caption: 'Verwijzingen per verwijzer', class: 'w-auto' });
    referrers.id = 'tabel-verwijzers';
    // the provider the API filtered on (an aanbieder's own needs no note)
    const filtered = vol.scope && vol.scope.agb && user.role !== 'aanbieder' ? vol.scope.agb : '';
    const note = filtered
      ? el('p', { class: 'alert alert-info small', role: 'status', id: 'melding-aanbieder',
        text: `Gefilterd op aanbieder ${providerName(filtered)}: alle cijfers hieronder, ook die van de regio ernaast, gelden alleen voor de productie van deze aanbieder. De raadsrapportage gaat over alle aanbieders.` })
      : '';
    out.replaceChildren(
      el('h2', { class: 'h4', text: `${where}, ${p}${filtered ? ` · ${providerName(filtered)}` : ''}` }), note, cards,
      el('div', { class: 'row g-4 mb-4' }, spendChart.block, refChart.block),
      el('h3', { class: 'h5', text: 'Uitgaven per aanbieder' }), providers,
      el('h3', { class: 'h5 mt-3', text: 'Verwijzingen per verwijzer' }), referrers);
    spendChart.draw();
    refChart.draw();
  } catch (e) {
    out.replaceChildren();
    showError(form, e);
  }
}

async function start() {
  user = await initPage('monitor');
  if (!user) return;
  const form = $('form-monitor');
  attachValidation(form, setFieldError);
  let mm;
  [mm, pm] = await Promise.all([municipalityMap(), providerMap()]);
  const sel = $('gemeente');
  for (const [cbs, name] of [...mm.entries()].sort((a, b) => a[1].localeCompare(b[1], 'nl'))) {
    sel.append(el('option', { value: cbs, text: `${name} (${cbs})` }));
  }
  const provSel = $('aanbieder');
  for (const [agb, pr] of [...pm.entries()].sort((a, b) => (a[1].name || '').localeCompare(b[1].name || '', 'nl'))) {
    provSel.append(el('option', { value: agb, text: providerName(agb) || pr.name }));
  }
  if ((user.role === 'toegang' || user.role === 'gemeente') && user.gemeente) {
    // its own municipality first; another one shows as a lezer sees it
    sel.value = user.gemeente;
  }
  if (user.role === 'aanbieder') {
    sel.disabled = true; // a provider sees its own production across the region
    provSel.replaceChildren(el('option', { value: user.agb || '', text: providerName(user.agb) || 'Uw eigen productie' }));
    provSel.disabled = true;
  }
  const q = params();
  $('periode').value = q.get('periode') || String(new Date().getFullYear() - 1);
  if (q.get('gemeente') && !sel.disabled) sel.value = q.get('gemeente');
  if (q.get('aanbieder') && !provSel.disabled) {
    const a = q.get('aanbieder');
    if (![...provSel.options].some((o) => o.value === a)) provSel.append(el('option', { value: a, text: providerName(a) }));
    provSel.value = a;
  }
  if (!sel.value && (user.role === 'toegang' || user.role === 'gemeente')) sel.value = user.gemeente || '';
  form.addEventListener('submit', (ev) => { ev.preventDefault(); load(); });
  $('drill-sluiten').addEventListener('click', () => $('drill').classList.add('d-none'));
  await load();
}

start();
