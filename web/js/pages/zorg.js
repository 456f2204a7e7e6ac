// zorg.js: the Zorgverloop dashboard. For one period (a year, half year,
// quarter or month) and a municipality or the region it shows the care
// figures of the monitor (issue 11): the duration of ended assignments
// (GET /api/v1/figures/durations), the waiting time from referral to care
// (/waiting), the reasons of ending and re-entry (/endings), budget use
// (/budget), provider concentration (/concentration), ambulant against
// wonen/verblijf per month (/ambulantisering), quotes (/quotes) and, for
// the roles that may read personal data, the most expensive youths with a
// drill-down to their assignments (/expensive, audited; fetched only when
// asked for).
//
// Filters: period and gemeente go to the API; the voorziening filters the
// rows that have one on the page (the care figures name a keuzebudget,
// "offerte" or a product code, mapped to the spending's voorziening through
// the catalog); the aanbieder goes to the API as ?aanbieder=AGB, which
// narrows every figure (and the most expensive youths) to that provider's
// production and says so in scope.agb; should an answer not show it was
// applied, the page filters the rows that carry an AGB instead. Small groups
// come from the API as text ("< 10") or as null with a hidden flag, and are
// shown as "< 10".
import { get, query, clearErrors, showError, setFieldError, periodField } from '../api.js';
import { initPage } from '../nav.js';
import { municipalityMap, catalog, providerMap, productByCode } from '../data.js';
import { el, tenths, euro, date, badge, table, number as fmtNumber, params, attachValidation, period as monthName, MONTHS, STOP_REASONS } from '../format.js';

const $ = (id) => document.getElementById(id);
const FIGURES = ['durations', 'waiting', 'endings', 'budget', 'concentration', 'ambulantisering', 'quotes'];
const MUNICIPAL = ['toegang', 'gemeente'];
const PERSONAL = ['beheerder', 'rsj', 'toegang', 'gemeente'];

// the spending's voorzieningen, as the JSON names them
const VZ_LABEL = {
  ambulant: 'Ambulant',
  'wonen/verblijf': 'Wonen/verblijf',
  crisis: 'Crisis',
  dyslexie: 'Ernstige dyslexie',
  overig: 'Overig',
};
const GROUP_LABEL = { 'volgens plan': 'Volgens plan', voortijdig: 'Voortijdig', overig: 'Overig', onbekend: 'Onbekend' };

let user = null;
let cat = {};
let mm = new Map(); // cbs -> municipality name
let pm = new Map(); // agb -> provider
const providerNames = new Map(); // agb -> name, of every provider the answers named
const charts = [];
let view = null; // the last answers and the filters they were asked with
let expensiveWanted = false; // the user asked for the most expensive youths

// ---- formatting ----------------------------------------------------------------

const threshold = () => (view && view.threshold) || 10;
const hiddenText = () => `< ${threshold()}`;

// tenths: 123 -> "12,3"; null -> "–"
const pct = (v) => (v === null || v === undefined ? '–' : `${tenths(v)} %`);

// days: 8.5 -> "8,5"; null -> "–"
const days = (v) => (v === null || v === undefined ? '–' : Number(v).toLocaleString('nl-NL', { maximumFractionDigits: 1 }));
const dayText = (v) => (v === null || v === undefined ? '–' : `${days(v)} ${v === 1 ? 'dag' : 'dagen'}`);

// count: a number, or the API's "< 10" for a hidden group
function count(v, hidden) {
  if (hidden) return hiddenText();
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '–';
  return fmtNumber(v);
}
const isHidden = (v) => typeof v === 'string';
const num = (v) => (typeof v === 'number' ? v : null);

// ---- voorzieningen and names -----------------------------------------------------

// voorzieningOf: the spending's voorziening of a care figure's key (a
// keuzebudget, "offerte" or an iJw product code) or of a concentration key
// (already a voorziening)
function voorzieningOf(key) {
  if (!key) return '';
  if (VZ_LABEL[key]) return key;
  if (key === 'offerte' || /^KB\d+$/.test(key) || (cat.keuzebudgetten || []).some((k) => k.code === key)) return 'ambulant';
  const p = productByCode(cat, key);
  if (!p) return 'overig';
  switch (p.kind) {
    case 'functiegroep': return 'ambulant';
    case 'intensiteit': return 'wonen/verblijf';
    case 'crisis': return 'crisis';
    case 'dyslexie': return 'dyslexie';
    default: return 'overig';
  }
}

// keyLabel: "KB3 keuzebudget", "Offerte (maatwerk)", "pleegzorg (44W01)"
function keyLabel(key) {
  if (!key) return 'Totaal';
  if (key === 'offerte') return 'Offerte (maatwerk)';
  if (/^KB\d+$/.test(key)) return `${key} keuzebudget`;
  const p = productByCode(cat, key);
  return p ? `${p.name} (${p.code})` : key;
}

function providerName(agb) {
  if (!agb) return '';
  const n = providerNames.get(agb) || (pm.get(agb) || {}).name;
  return n ? `${n} (${agb})` : agb;
}

const capital = (t) => (t ? t.charAt(0).toUpperCase() + t.slice(1) : '');

function stopReason(r) {
  const known = STOP_REASONS.find(([c]) => c === r.reason);
  return known ? known[1] : (r.name || 'Onbekend');
}

// ---- building blocks ---------------------------------------------------------------

function card(id, label, value, sub) {
  return el('div', { class: 'col-sm-6 col-lg-4' },
    el('div', { class: 'card h-100', id },
      el('div', { class: 'card-body' },
        el('div', { class: 'small text-muted', text: label }),
        el('div', { class: 'fs-4 fw-semibold kpi-value', text: value }),
        sub ? el('div', { class: 'small text-muted kpi-sub', text: sub }) : '')));
}

function empty(id, text) {
  return el('p', { class: 'text-muted fst-italic', id, 'data-leeg': '', text });
}

function sectionError(e) {
  return el('div', { class: 'alert alert-warning', role: 'status', text: `Deze cijfers zijn niet beschikbaar: ${e.message}` });
}

// grid: a table() of rows (sorted when a column is chosen), total rows
// after them; opts.id names it, opts.empty is the text when there are no
// rows, opts.order [column, 'ascending'|'descending'] sorts by a column's
// sort function, and columns with one get a sort button in their header
// (aria-sort); opts.max shows that many rows with a button for the rest.
// opts.onRow(tr, row) may dress a row.
function grid(columns, rows, opts = {}) {
  if (!rows.length && opts.empty) return empty(opts.id, opts.empty);
  const box = el('div', { id: opts.id });
  let [by, dir] = opts.order || [-1, 'ascending'];
  let all = false;
  const totals = opts.totals || [];
  const draw = (focus) => {
    const sorted = by < 0 ? rows : [...rows].sort((a, b) => {
      const x = columns[by].sort(a);
      const y = columns[by].sort(b);
      // hidden or missing values last, in either direction
      if (x === null || x === undefined) return y === null || y === undefined ? 0 : 1;
      if (y === null || y === undefined) return -1;
      const c = typeof x === 'string' ? x.localeCompare(y, 'nl') : x - y;
      return dir === 'ascending' ? c : -c;
    });
    const shown = [...(all || !opts.max ? sorted : sorted.slice(0, opts.max)), ...totals];
    const t = table(columns, shown, {
      caption: opts.caption,
      class: opts.class || '',
      rowClass: (r) => (totals.includes(r) ? 'fw-semibold table-light' : (opts.rowClass ? opts.rowClass(r) : null)),
    });
    t.querySelectorAll('thead th').forEach((th, i) => {
      const c = columns[i];
      if (!c.sort) return;
      th.setAttribute('aria-sort', i === by ? dir : 'none');
      const b = el('button', { type: 'button', class: 'btn btn-link btn-sm p-0 fw-semibold text-reset text-decoration-none sort-knop', text: c.label },
        el('span', { 'aria-hidden': 'true', text: i === by ? (dir === 'ascending' ? ' ▲' : ' ▼') : '' }));
      b.addEventListener('click', () => {
        if (by === i) dir = dir === 'ascending' ? 'descending' : 'ascending';
        else { by = i; dir = c.firstDir || 'descending'; }
        draw(i);
      });
      th.replaceChildren(b);
    });
    t.querySelectorAll('tbody tr').forEach((tr, i) => {
      if (totals.includes(shown[i])) tr.dataset.totaal = '';
      else if (opts.onRow) opts.onRow(tr, shown[i]);
    });
    box.replaceChildren(t);
    if (opts.max && rows.length > opts.max) {
      const more = el('button', { type: 'button', class: 'btn btn-link btn-sm p-0 js-meer', 'aria-expanded': String(all),
        text: all ? `Alleen de eerste ${opts.max} tonen` : `Alle ${fmtNumber(rows.length)} tonen` });
      more.addEventListener('click', () => { all = !all; draw(); box.querySelector('.js-meer').focus(); });
      box.append(more);
    }
    if (focus !== undefined) box.querySelectorAll('thead th')[focus].querySelector('button').focus();
  };
  draw();
  return box;
}

// exportLinks: the Excel and CSV downloads of one figure with the page's filters
function exportLinks(figure, title, extra = {}) {
  const q = { period: view.p, gemeente: view.g, aanbieder: view.agb, ...extra };
  return el('div', { class: 'ms-auto d-flex gap-2 no-print' },
    el('a', {
      class: 'btn btn-outline-secondary btn-sm', id: `export-${figure}-xlsx`, download: true,
      href: `/api/v1/exports/${figure}${query(q)}`, title: `${title} als Excel-werkmap`, 'aria-label': `${title}: Excel`, text: 'Excel',
    }),
    el('a', {
      class: 'btn btn-outline-secondary btn-sm', id: `export-${figure}-csv`, download: true,
      href: `/api/v1/exports/${figure}${query({ ...q, format: 'csv' })}`, title: `${title} als CSV (';', decimale komma)`, 'aria-label': `${title}: CSV`, text: 'CSV',
    }));
}

function section(id, title, intro, exportFigure, ...content) {
  return el('section', { id, class: 'mb-5', 'aria-labelledby': `${id}-kop` },
    el('div', { class: 'd-flex flex-wrap align-items-center gap-2 mb-2' },
      el('h3', { class: 'h4 mb-0', id: `${id}-kop`, text: title }),
      exportFigure ? exportLinks(exportFigure, title) : ''),
    intro ? el('p', { class: 'text-muted small', text: intro }) : '',
    ...content);
}

const sub = (title) => el('h4', { class: 'h6 mt-3', text: title });

const COLOURS = ['#0d6efd', '#fd7e14', '#198754', '#adb5bd'];

function drawChart(canvas, type, labels, sets, yTitle) {
  if (!window.Chart) return; // the tables beside the charts say the same
  const datasets = sets.map((d, i) => ({ borderColor: COLOURS[i % COLOURS.length], backgroundColor: COLOURS[i % COLOURS.length], ...d }));
  charts.push(new window.Chart(canvas, {
    type,
    data: { labels, datasets },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      plugins: { legend: { position: 'bottom' } },
      scales: { y: { beginAtZero: true, title: { display: !!yTitle, text: yTitle || '' } } },
    },
  }));
}

// ---- filters -------------------------------------------------------------------------

const vzMatch = (key) => !view.vz || voorzieningOf(key) === view.vz;
// the aanbieder filter on the page: only while the API did not apply it
const agbMatch = (agb) => !view.agb || view.agbApplied || agb === view.agb;

// ---- the sections ------------------------------------------------------------------------

function kpis() {
  const f = view.figs;
  const d = f.durations && f.durations.total;
  const w = f.waiting && f.waiting.total;
  const groups = (f.endings && f.endings.by_group) || [];
  const plan = groups.find((x) => x.group === 'volgens plan');
  const early = groups.find((x) => x.group === 'voortijdig');
  const b = f.budget && f.budget.total;
  const a = f.ambulantisering && f.ambulantisering.total;
  const q = f.quotes && f.quotes.total;
  const na = 'niet beschikbaar';
  // main: a figure of a group, "< 10" when the group is hidden, "–" when there is none
  const main = (group, v, text) => (v !== null && v !== undefined ? text(v) : (isHidden(group) ? group : '–'));
  return el('div', { class: 'row g-3 mb-4', id: 'kerncijfers' },
    card('kpi-duur', 'Gemiddelde duur', d ? main(d.assignments, d.mean_days, dayText) : '–',
      d ? `mediaan ${dayText(d.median_days)} · ${count(d.assignments)} beëindigd` : na),
    card('kpi-wachttijd', 'Wachttijd tot start zorg (mediaan)', w ? main(w.assignments, w.median_days, dayText) : '–',
      w ? `90e percentiel: ${dayText(w.p90_days)} · ${count(w.assignments)} gestart` : na),
    card('kpi-volgens-plan', 'Volgens plan beëindigd', plan ? main(plan.assignments, plan.share_x10, pct) : '–',
      early ? `voortijdig: ${main(early.assignments, early.share_x10, pct)}` : na),
    card('kpi-budgetgebruik', 'Budgetgebruik', b ? main(b.assignments, b.use_share_x10, pct) : '–',
      b ? `vrijgevallen: ${b.released_cents === null ? '–' : euro(b.released_cents)}` : na),
    card('kpi-ambulant', 'Aandeel ambulant (jeugdigen)', a ? (a.youth_share_x10 === null && (a.ambulant_youths_hidden || a.verblijf_youths_hidden) ? hiddenText() : pct(a.youth_share_x10)) : '–',
      a ? `in geld: ${pct(a.money_share_x10)}` : na),
    card('kpi-offertes', 'Offertes aangevraagd', q ? count(q.requested, q.hidden) : '–',
      q ? `geaccepteerd ${count(q.accepted, q.hidden)} · afgewezen ${count(q.rejected, q.hidden)}` : na));
}

function durationsSection() {
  const title = 'Duur van toewijzingen';
  const intro = 'Toewijzingen die in de periode eindigden: de duur van start tot einde zorg, gemiddeld en mediaan in dagen, en de duurklassen van het CBS.';
  const d = view.figs.durations;
  if (!d) return { block: section('sec-duur', title, intro, 'durations', sectionError(view.errors.durations)) };
  const rows = (d.by_voorziening || []).filter((x) => vzMatch(x.key));
  // the chart: the total's classes, or with a voorziening the sum of its rows
  const classNames = (d.total.classes || []).map((c) => c.class);
  let classes;
  let series;
  let missing = false;
  if (view.vz) {
    series = VZ_LABEL[view.vz];
    classes = classNames.map((_, i) => rows.reduce((s, r) => {
      const v = r.classes && r.classes[i] ? r.classes[i].assignments : null;
      if (v === null) { missing = true; return s; }
      return s + v;
    }, 0));
  } else {
    series = 'alle voorzieningen';
    const hidden = isHidden(d.total.assignments);
    classes = (d.total.classes || []).map((c) => (hidden ? null : c.assignments));
  }
  const classRows = classNames.map((name, i) => ({ name, n: classes[i] }));
  const canvas = el('canvas', { id: 'grafiek-duur', role: 'img', 'aria-label': `${title}: toewijzingen per duurklasse, ${series}` });
  const classTable = grid([
    { label: 'Duurklasse', value: (x) => x.name },
    { label: 'Toewijzingen', value: (x) => (x.n === null ? hiddenText() : fmtNumber(x.n)), class: 'amount' },
  ], classRows, { id: 'tabel-duurklassen', caption: `Toewijzingen per duurklasse, ${series}`, class: 'table-sm w-auto' });
  const classCols = classNames.map((name, i) => ({
    label: name, class: 'amount',
    value: (x) => { const c = x.classes && x.classes[i]; return c && c.assignments !== null ? fmtNumber(c.assignments) : (isHidden(x.assignments) ? hiddenText() : '–'); },
  }));
  const perVz = grid([
    { label: 'Budget of product', value: (x) => keyLabel(x.key), class: 'nowrap' },
    { label: 'Voorziening', value: (x) => (x.key ? VZ_LABEL[voorzieningOf(x.key)] : ''), class: 'nowrap' },
    { label: 'Toewijzingen', value: (x) => count(x.assignments), class: 'amount' },
    { label: 'Jeugdigen', value: (x) => count(x.youths), class: 'amount' },
    { label: 'Gemiddeld (dagen)', value: (x) => days(x.mean_days), class: 'amount' },
    { label: 'Mediaan (dagen)', value: (x) => days(x.median_days), class: 'amount' },
    ...classCols,
  ], rows, {
    id: 'tabel-duur', caption: 'Duur van beëindigde toewijzingen per budget of product',
    totals: view.vz ? [] : [d.total],
    empty: view.vz ? `Geen beëindigde toewijzingen voor de voorziening ${VZ_LABEL[view.vz]} in deze periode.` : 'Geen toewijzingen beëindigd in deze periode.',
    onRow: (tr, x) => { tr.dataset.voorziening = voorzieningOf(x.key); tr.dataset.key = x.key; },
  });
  const block = section('sec-duur', title, intro, 'durations',
    el('div', { class: 'row g-4' },
      el('div', { class: 'col-lg-7' }, el('div', { class: 'chart-box' }, canvas)),
      el('div', { class: 'col-lg-5' }, sub(`Per duurklasse, ${series}`), classTable,
        missing ? el('p', { class: 'small text-muted', text: 'Zonder de verborgen kleine groepen.' }) : '')),
    sub('Per budget of product'), perVz);
  return {
    block,
    draw: () => drawChart(canvas, 'bar', classNames, [{ label: `Toewijzingen, ${series}`, data: classes }], 'toewijzingen'),
  };
}

function waitingSection() {
  const title = 'Wachttijd van verwijzing tot start zorg';
  const intro = 'Voor zorg die in de periode startte: de dagen van de verwijsdatum tot de start van de zorg, de mediaan en het 90e percentiel (90 % startte binnen zoveel dagen).';
  const w = view.figs.waiting;
  if (!w) return section('sec-wachttijd', title, intro, 'waiting', sectionError(view.errors.waiting));
  const cols = (first) => [
    first,
    { label: 'Toewijzingen', value: (x) => count(x.assignments), class: 'amount', sort: (x) => num(x.assignments) },
    { label: 'Jeugdigen', value: (x) => count(x.youths), class: 'amount', sort: (x) => num(x.youths) },
    { label: 'Mediaan (dagen)', value: (x) => days(x.median_days), class: 'amount', sort: (x) => x.median_days },
    { label: '90e percentiel (dagen)', value: (x) => days(x.p90_days), class: 'amount', sort: (x) => x.p90_days },
  ];
  const vzRows = (w.by_voorziening || []).filter((x) => vzMatch(x.key));
  const perVz = grid(cols({ label: 'Budget of product', value: (x) => keyLabel(x.key), sort: (x) => x.key || null, firstDir: 'ascending', class: 'nowrap' }), vzRows, {
    id: 'tabel-wachttijd-voorziening', caption: 'Wachttijd per budget of product',
    totals: view.vz ? [] : [w.total],
    empty: view.vz ? `Geen zorg gestart voor de voorziening ${VZ_LABEL[view.vz]} in deze periode.` : 'Geen zorg gestart in deze periode.',
    onRow: (tr, x) => { tr.dataset.voorziening = voorzieningOf(x.key); tr.dataset.key = x.key; },
  });
  const pRows = (w.by_provider || []).filter((x) => agbMatch(x.key));
  const perProvider = grid(cols({ label: 'Aanbieder', value: (x) => providerName(x.key), sort: (x) => providerName(x.key), firstDir: 'ascending', class: 'nowrap' }), pRows, {
    id: 'tabel-wachttijd-aanbieder', caption: 'Wachttijd per aanbieder, de langste eerst',
    order: [4, 'descending'], max: 15,
    empty: view.agb ? 'Geen zorg gestart bij deze aanbieder in deze periode.' : 'Geen zorg gestart in deze periode.',
    onRow: (tr, x) => { tr.dataset.agb = x.key; },
  });
  return section('sec-wachttijd', title, intro, 'waiting',
    sub('Per budget of product'), perVz,
    sub('Per aanbieder'), el('p', { class: 'small text-muted', text: 'Gesorteerd op het 90e percentiel, de langste wachttijd eerst; kies een kolomkop om anders te sorteren.' }),
    perProvider);
}

function endingsSection() {
  const title = 'Beëindiging';
  const intro = 'Toewijzingen waarvan de zorg in de periode definitief stopte, naar reden van beëindiging (iJw), gegroepeerd als het CBS; en de herinstroom: jeugdigen van wie de zorg in de 12 maanden voor de periode stopte en die in de periode opnieuw een toewijzing kregen.';
  const e = view.figs.endings;
  if (!e) return section('sec-beeindiging', title, intro, 'endings', sectionError(view.errors.endings));
  const total = { group: 'Totaal', assignments: e.ended, share_x10: null };
  const groups = grid([
    { label: 'Groep', value: (x) => GROUP_LABEL[x.group] || x.group, class: 'nowrap' },
    { label: 'Beëindigingen', value: (x) => count(x.assignments), class: 'amount' },
    { label: 'Aandeel', value: (x) => (x === total ? '' : pct(x.share_x10)), class: 'amount' },
  ], e.by_group || [], { id: 'tabel-beeindiging', caption: 'Beëindigingen per groep', class: 'w-auto', totals: [total] });
  const reasons = grid([
    { label: 'Code', value: (x) => x.reason || '' },
    { label: 'Reden', value: (x) => stopReason(x) },
    { label: 'Groep', value: (x) => GROUP_LABEL[x.group] || x.group, class: 'nowrap' },
    { label: 'Beëindigingen', value: (x) => count(x.assignments), class: 'amount' },
  ], e.by_reason || [], { id: 'tabel-redenen', caption: 'Beëindigingen per reden', class: 'w-auto', empty: 'Geen beëindigingen in deze periode.' });
  const re = e.reentry || {};
  const reentry = grid([
    { label: 'Cijfer', value: (x) => x.label },
    { label: 'Waarde', value: (x) => x.value, class: 'amount' },
  ], [
    { label: 'Jeugdigen van wie de zorg stopte in de 12 maanden ervoor', value: count(re.ended_before) },
    { label: 'Van hen opnieuw een toewijzing in de periode', value: count(re.reentered) },
    { label: 'Herinstroom', value: pct(re.share_x10) },
  ], { id: 'tabel-herinstroom', caption: 'Herinstroom binnen 12 maanden', class: 'w-auto' });
  return section('sec-beeindiging', title, intro, 'endings',
    el('div', { class: 'row g-4' },
      el('div', { class: 'col-lg-5' }, sub('Per groep'), groups, sub('Herinstroom binnen 12 maanden'), reentry),
      el('div', { class: 'col-lg-7' }, sub('Per reden'), reasons)));
}

function budgetSection() {
  const title = 'Budgetgebruik';
  const intro = 'Budgettoewijzingen (keuzebudgetten en offertes) die in de periode eindigden: toegekend, gebruikt, en wat niet werd gebruikt en vrijvalt naar de gemeente.';
  const b = view.figs.budget;
  if (!b) return section('sec-budget', title, intro, 'budget', sectionError(view.errors.budget));
  const money = (v) => (v === null || v === undefined ? '–' : euro(v));
  const rows = (b.by_budget || []).filter((x) => vzMatch(x.key));
  const t = grid([
    { label: 'Budget', value: (x) => keyLabel(x.key), class: 'nowrap' },
    { label: 'Toewijzingen', value: (x) => count(x.assignments), class: 'amount' },
    { label: 'Jeugdigen', value: (x) => count(x.youths), class: 'amount' },
    { label: 'Toegekend', value: (x) => money(x.granted_cents), class: 'amount' },
    { label: 'Gebruikt', value: (x) => money(x.used_cents), class: 'amount' },
    { label: 'Gebruik', value: (x) => pct(x.use_share_x10), class: 'amount' },
    { label: 'Vrijgevallen', value: (x) => money(x.released_cents), class: 'amount' },
  ], rows, {
    id: 'tabel-budget', caption: 'Budgetgebruik per budget',
    totals: view.vz ? [] : [b.total],
    empty: view.vz ? `Geen beëindigde budgettoewijzingen voor de voorziening ${VZ_LABEL[view.vz]}; budgetten zijn ambulant.` : 'Geen budgettoewijzingen beëindigd in deze periode.',
    onRow: (tr, x) => { tr.dataset.voorziening = voorzieningOf(x.key); tr.dataset.key = x.key; },
  });
  return section('sec-budget', title, intro, 'budget', t);
}

function hhiLevel(h) {
  if (h === null || h === undefined) return '';
  if (h > 2500) return el('span', { class: 'badge text-bg-danger', text: 'sterk geconcentreerd' });
  if (h >= 1500) return el('span', { class: 'badge text-bg-warning', text: 'matig geconcentreerd' });
  return el('span', { class: 'badge text-bg-success', text: 'niet geconcentreerd' });
}

function concentrationSection() {
  const title = 'Concentratie van aanbieders';
  const intro = 'Per voorziening, over de geaccepteerde uitgaven: het aandeel van de vijf grootste aanbieders en de Herfindahl-Hirschman-index (HHI, 0 tot 10.000; boven 2.500 sterk, vanaf 1.500 matig geconcentreerd).';
  const c = view.figs.concentration;
  if (!c) return section('sec-concentratie', title, intro, 'concentration', sectionError(view.errors.concentration));
  const rows = (c.by_voorziening || []).filter((x) => vzMatch(x.key));
  const t = grid([
    { label: 'Voorziening', value: (x) => (x.key ? VZ_LABEL[x.key] || x.key : 'Alle voorzieningen') },
    { label: 'Aanbieders', value: (x) => count(x.providers), class: 'amount' },
    { label: 'Uitgaven', value: (x) => euro(x.spent_cents), class: 'amount' },
    { label: 'Aandeel top-5', value: (x) => pct(x.top5_share_x10), class: 'amount' },
    { label: 'HHI', value: (x) => (x.hhi === null || x.hhi === undefined ? '–' : fmtNumber(x.hhi)), class: 'amount' },
    { label: 'Beoordeling', value: (x) => hhiLevel(x.hhi) },
  ], rows, {
    id: 'tabel-concentratie', caption: 'Concentratie per voorziening',
    totals: view.vz ? [] : [c.total],
    empty: view.vz ? `Geen uitgaven voor de voorziening ${VZ_LABEL[view.vz]} in deze periode.` : 'Geen uitgaven in deze periode.',
    onRow: (tr, x) => { tr.dataset.voorziening = voorzieningOf(x.key); tr.dataset.key = x.key; },
  });
  return section('sec-concentratie', title, intro, 'concentration', t);
}

function ambulantSection() {
  const title = 'Ambulantisering';
  const intro = 'Per maand: jeugdigen met ambulante zorg tegenover wonen/verblijf en de uitgaven aan elk, met het aandeel ambulant in jeugdigen en in geld. Crisis telt in geen van beide.';
  const a = view.figs.ambulantisering;
  if (!a) return { block: section('sec-ambulant', title, intro, 'ambulantisering', sectionError(view.errors.ambulantisering)) };
  const months = a.months || [];
  const youths = (n, h) => count(n, h);
  const shareY = (x) => (x.youth_share_x10 === null && (x.ambulant_youths_hidden || x.verblijf_youths_hidden) ? hiddenText() : pct(x.youth_share_x10));
  const monthLabel = (x) => (x === a.total ? `Periode ${a.period.period}` : x === a.total_prev ? `Vorig jaar ${a.before.period}` : monthName(x.month));
  const t = grid([
    { label: 'Maand', value: monthLabel, class: 'nowrap' },
    { label: 'Ambulant (jeugdigen)', value: (x) => youths(x.ambulant_youths, x.ambulant_youths_hidden), class: 'amount' },
    { label: 'Wonen/verblijf (jeugdigen)', value: (x) => youths(x.verblijf_youths, x.verblijf_youths_hidden), class: 'amount' },
    { label: '% ambulant (jeugdigen)', value: shareY, class: 'amount' },
    { label: 'Ambulant (uitgaven)', value: (x) => euro(x.ambulant_cents), class: 'amount' },
    { label: 'Wonen/verblijf (uitgaven)', value: (x) => euro(x.verblijf_cents), class: 'amount' },
    { label: '% ambulant (uitgaven)', value: (x) => pct(x.money_share_x10), class: 'amount' },
    { label: `% ambulant (uitgaven), ${a.before.period}`, value: (x) => (x.prev ? pct(x.prev.money_share_x10) : ''), class: 'amount' },
  ], months, { id: 'tabel-ambulant', caption: 'Ambulant tegenover wonen/verblijf per maand', totals: [a.total, a.total_prev].filter(Boolean), empty: 'Geen maanden in deze periode.' });
  const canvas = el('canvas', { id: 'grafiek-ambulant', role: 'img', 'aria-label': `${title}: aandeel ambulant per maand in jeugdigen en in geld` });
  const share = (v) => (v === null || v === undefined ? null : v / 10);
  const sets = [
    { label: 'Aandeel ambulant in jeugdigen (%)', data: months.map((m) => share(m.youth_share_x10)) },
    { label: 'Aandeel ambulant in geld (%)', data: months.map((m) => share(m.money_share_x10)) },
  ];
  if (months.some((m) => m.prev && m.prev.money_share_x10 !== null)) {
    sets.push({ label: `In geld, ${a.before.period} (%)`, data: months.map((m) => share(m.prev && m.prev.money_share_x10)), borderDash: [6, 4] });
  }
  const block = section('sec-ambulant', title, intro, 'ambulantisering',
    el('div', { class: 'chart-box mb-3' }, canvas), t);
  const short = (m) => { const [y, n] = String(m || '').split('-'); return n ? `${MONTHS[Number(n) - 1].slice(0, 3)} ${y}` : m; };
  return { block, draw: () => drawChart(canvas, 'line', months.map((m) => short(m.month)), sets, '% ambulant') };
}

function quotesSection() {
  const title = 'Offertes';
  const intro = 'Offertes die in de periode werden aangevraagd: aangevraagd, geaccepteerd, afgewezen en nog open, en de tijd van aanvraag tot antwoord in dagen.';
  const q = view.figs.quotes;
  if (!q) return section('sec-offertes', title, intro, 'quotes', sectionError(view.errors.quotes));
  const cols = (first) => [
    first,
    { label: 'Aangevraagd', value: (x) => count(x.requested, x.hidden), class: 'amount', sort: (x) => x.requested },
    { label: 'Geaccepteerd', value: (x) => count(x.accepted, x.hidden), class: 'amount', sort: (x) => x.accepted },
    { label: 'Afgewezen', value: (x) => count(x.rejected, x.hidden), class: 'amount', sort: (x) => x.rejected },
    { label: 'Open', value: (x) => count(x.open, x.hidden), class: 'amount', sort: (x) => x.open },
    { label: 'Nog geen antwoord', value: (x) => count(x.unanswered, x.hidden), class: 'amount', sort: (x) => x.unanswered },
    { label: 'Mediaan antwoordtijd (dagen)', value: (x) => days(x.median_days), class: 'amount', sort: (x) => x.median_days },
    { label: '90e percentiel (dagen)', value: (x) => days(x.p90_days), class: 'amount', sort: (x) => x.p90_days },
  ];
  if (!q.total || (!q.total.hidden && !q.total.requested)) {
    return section('sec-offertes', title, intro, 'quotes', empty('tabel-offertes-verwijzer', 'Geen offertes aangevraagd in deze periode.'));
  }
  const total = { ...q.total, name: 'Totaal' };
  const byRef = grid(cols({ label: 'Verwijzer', value: (x) => capital(x.name), class: 'nowrap' }), q.by_referrer || [], {
    id: 'tabel-offertes-verwijzer', caption: 'Offertes per type verwijzer', totals: [total],
  });
  const pRows = (q.by_provider || []).filter((x) => agbMatch(x.code));
  const byProvider = grid(cols({ label: 'Aanbieder', value: (x) => `${x.name} (${x.code})`, sort: (x) => x.name, firstDir: 'ascending', class: 'nowrap' }), pRows, {
    id: 'tabel-offertes-aanbieder', caption: 'Offertes per aanbieder', order: [1, 'descending'], max: 15,
    empty: 'Geen offertes bij deze aanbieder in deze periode.',
    onRow: (tr, x) => { tr.dataset.agb = x.code; },
  });
  return section('sec-offertes', title, intro, 'quotes',
    sub('Per type verwijzer'), byRef, sub('Per aanbieder'), byProvider);
}

// ---- the most expensive youths (personal data) -----------------------------------------------

// expensiveRefusal: why this user may not see the most expensive youths of
// this scope ('' when it may); the API refuses the same (403)
function expensiveRefusal() {
  if (!PERSONAL.includes(user.role)) {
    return user.role === 'aanbieder'
      ? 'De duurste jeugdigen van een gemeente zijn persoonsgegevens; een aanbieder ziet ze niet.'
      : 'De duurste jeugdigen zijn persoonsgegevens; uw rol ziet alleen cijfers zonder persoonsgegevens.';
  }
  if (MUNICIPAL.includes(user.role) && view.g !== user.gemeente) {
    return 'De duurste jeugdigen ziet u alleen van uw eigen gemeente. Kies uw gemeente bij Gemeente.';
  }
  return '';
}

function expensiveSection() {
  const title = 'Duurste jeugdigen';
  const intro = 'De jeugdigen met de hoogste geaccepteerde declaraties in de periode, met de toewijzingen erachter. Dit zijn persoonsgegevens: wie ze bekijkt, staat in het auditlog.';
  const sec = el('section', { id: 'sec-duurste', class: 'mb-5', 'aria-labelledby': 'sec-duurste-kop' },
    el('div', { class: 'd-flex flex-wrap align-items-center gap-2 mb-2' },
      el('h3', { class: 'h4 mb-0', id: 'sec-duurste-kop', text: title }),
      view.expensive ? exportLinks('expensive', title, { limit: view.limit }) : ''),
    el('p', { class: 'text-muted small', text: intro }));
  const why = expensiveRefusal();
  if (why) {
    sec.append(el('div', { class: 'alert alert-info', role: 'status', id: 'duurste-melding', text: why }));
    return sec;
  }
  if (view.expensiveError) {
    const e = view.expensiveError;
    sec.append(el('div', { class: 'alert alert-warning', role: 'status', id: 'duurste-melding',
      text: e.status === 403 ? `U mag de duurste jeugdigen hier niet inzien. ${e.message}` : `De duurste jeugdigen zijn niet beschikbaar: ${e.message}` }));
    return sec;
  }
  if (!view.expensive) {
    const limit = el('select', { id: 'duurste-aantal', class: 'form-select form-select-sm w-auto' },
      ...[10, 25, 50, 100].map((n) => el('option', { value: String(n), text: String(n), selected: n === view.limit })));
    const b = el('button', { type: 'button', class: 'btn btn-outline-primary btn-sm', id: 'duurste-tonen', text: 'Duurste jeugdigen tonen' });
    b.addEventListener('click', () => { view.limit = Number(limit.value); showExpensive(); });
    sec.append(el('div', { class: 'd-flex flex-wrap align-items-center gap-2' },
      el('label', { for: 'duurste-aantal', class: 'form-label mb-0', text: 'Aantal jeugdigen' }), limit, b));
    return sec;
  }
  const ex = view.expensive;
  // the API counted the chosen provider's lines only: amounts and assignments are its own
  const exAgb = !!view.agb && ex.agb === view.agb;
  const matches = (a) => vzMatch(a.product) && (exAgb || agbMatch(a.agb));
  const rows = (ex.youths || []).map((y, i) => ({ ...y, rank: i + 1 })).filter((y) => (!view.vz && !view.agb) || (y.assignments || []).some(matches));
  const detail = el('div', { id: 'duurste-detail', class: 'mt-3', 'aria-live': 'polite' });
  const open = (y, tr) => {
    sec.querySelectorAll('#tabel-duurste tbody tr').forEach((r) => r.classList.remove('table-active'));
    tr.classList.add('table-active');
    showYouth(detail, y);
  };
  const t = grid([
    { label: '#', value: (y) => String(y.rank), class: 'amount' },
    { label: 'BSN', value: (y) => y.bsn, class: 'mono' },
    { label: 'Uitgaven in de periode', value: (y) => euro(y.cents), class: 'amount' },
    { label: 'Toewijzingen', value: (y) => fmtNumber((y.assignments || []).length), class: 'amount' },
    { label: 'Aanbieders', value: (y) => [...new Set((y.assignments || []).map((a) => a.provider_name))].join(', ') },
    { label: 'Details', value: () => el('button', { type: 'button', class: 'btn btn-link btn-sm p-0 js-open', text: 'Toewijzingen' }) },
  ], rows, {
    id: 'tabel-duurste', caption: `De ${rows.length} duurste jeugdigen, ${ex.name}, ${ex.period.period}`,
    empty: view.vz || view.agb ? 'Geen van de duurste jeugdigen heeft een toewijzing die bij de filters past.' : 'Geen jeugdigen met geaccepteerde declaraties in deze periode.',
    onRow: (tr, y) => {
      tr.dataset.youth = String(y.youth_id);
      tr.classList.add('rij-klikbaar');
      tr.addEventListener('click', () => open(y, tr));
      tr.querySelector('.js-open').setAttribute('aria-label', `Toewijzingen van de jeugdige op plaats ${y.rank}`);
    },
  });
  let filterNote = '';
  if (exAgb && rows.length) {
    filterNote = `Alleen wat aanbieder ${providerName(view.agb)} declareerde: de bedragen en toewijzingen zijn die bij deze aanbieder.${view.vz ? ' Alleen jeugdigen met een toewijzing van de gekozen voorziening.' : ''}`;
  } else if ((view.vz || view.agb) && rows.length) {
    filterNote = 'Alleen jeugdigen met een toewijzing die bij de filters past; het bedrag is dat van al hun toewijzingen.';
  }
  sec.append(t, filterNote ? el('p', { class: 'small text-muted', id: 'duurste-filter', text: filterNote }) : '', detail);
  return sec;
}

function showYouth(box, y) {
  const list = grid([
    { label: 'Toewijzing', value: (a) => el('a', { href: `toewijzing.html?nummer=${encodeURIComponent(a.number)}`, text: a.number }) },
    { label: 'Aanbieder', value: (a) => `${a.provider_name} (${a.agb})` },
    { label: 'Budget of product', value: (a) => keyLabel(a.product) },
    { label: 'Voorziening', value: (a) => VZ_LABEL[voorzieningOf(a.product)] },
    { label: 'Status', value: (a) => badge(a.status) },
    { label: 'Start', value: (a) => date(a.start), class: 'nowrap' },
    { label: 'Einde', value: (a) => date(a.end), class: 'nowrap' },
    { label: 'Uitgaven in de periode', value: (a) => euro(a.cents), class: 'amount' },
  ], y.assignments || [], {
    id: 'tabel-duurste-toewijzingen', caption: `Toewijzingen van de jeugdige met BSN ${y.bsn}`,
    empty: 'Geen toewijzingen in deze periode.',
    onRow: (tr, a) => { tr.dataset.nummer = a.number; },
  });
  const close = el('button', { type: 'button', class: 'btn btn-link btn-sm ms-auto', id: 'duurste-sluiten', text: 'Sluiten' });
  close.addEventListener('click', () => {
    box.replaceChildren();
    document.querySelectorAll('#tabel-duurste tbody tr').forEach((r) => r.classList.remove('table-active'));
  });
  box.replaceChildren(
    el('div', { class: 'd-flex flex-wrap align-items-center gap-2' },
      el('h4', { class: 'h5 mb-0', id: 'kop-duurste-detail', text: `Toewijzingen van BSN ${y.bsn}` }),
      el('a', { class: 'btn btn-outline-secondary btn-sm', id: 'duurste-dossier', href: `jeugdige.html?id=${encodeURIComponent(y.youth_id)}`, text: 'Dossier van de jeugdige' }),
      close),
    el('p', { class: 'small text-muted', text: `Samen ${euro(y.cents)} aan geaccepteerde declaraties in ${view.p}.` }),
    list);
  box.querySelector('#kop-duurste-detail').setAttribute('tabindex', '-1');
  box.querySelector('#kop-duurste-detail').focus();
}

async function fetchExpensive() {
  view.expensive = null;
  view.expensiveError = null;
  try {
    view.expensive = await get(`/api/v1/figures/expensive${query({ period: view.p, gemeente: view.g, aanbieder: view.agb, limit: view.limit })}`);
    for (const y of view.expensive.youths || []) {
      for (const a of y.assignments || []) if (a.agb && a.provider_name) providerNames.set(a.agb, a.provider_name);
    }
  } catch (e) {
    view.expensiveError = e; // shown in the section, in Dutch
  }
}

async function showExpensive() {
  expensiveWanted = true;
  const old = $('sec-duurste');
  if (old) old.replaceWith(el('p', { id: 'sec-duurste', class: 'text-muted', text: 'Laden…' }));
  await fetchExpensive();
  fillProviders();
  $('sec-duurste').replaceWith(expensiveSection());
}

// ---- the page ----------------------------------------------------------------------------

// fillProviders: the aanbieder select, from the providers the answers named
function fillProviders() {
  const sel = $('aanbieder');
  if (user.role === 'aanbieder') return;
  const f = view ? view.figs : {};
  for (const x of (f.quotes && f.quotes.by_provider) || []) if (x.code && x.name) providerNames.set(x.code, x.name);
  const agbs = new Set(providerNames.keys());
  for (const x of (f.waiting && f.waiting.by_provider) || []) if (x.key) agbs.add(x.key);
  if (view && view.agb) agbs.add(view.agb);
  const have = new Set([...sel.options].map((o) => o.value));
  const add = [...agbs].filter((a) => !have.has(a));
  if (!add.length) return;
  const current = sel.value;
  const all = [...new Set([...[...sel.options].map((o) => o.value).filter(Boolean), ...add])]
    .map((a) => [a, providerName(a)])
    .sort((a, b) => a[1].localeCompare(b[1], 'nl'));
  sel.replaceChildren(el('option', { value: '', text: 'Alle aanbieders' }), ...all.map(([a, n]) => el('option', { value: a, text: n })));
  sel.value = current;
}

function render() {
  while (charts.length) charts.pop().destroy();
  const out = $('zorg');
  const f = view.figs;
  const scopeName = view.g ? `${mm.get(view.g) || view.g}` : (user.role === 'aanbieder' ? providerName(user.agb) : `Regio ${(f.ambulantisering && f.ambulantisering.scope && f.ambulantisering.scope.name) || ''}`.trim());
  const aggregate = Object.values(f).some((x) => x && ((x.scope && x.scope.aggregate) || x.aggregate));
  const notes = [];
  if (aggregate) notes.push(el('p', { class: 'text-muted small', id: 'melding-geaggregeerd', text: `U ziet deze cijfers zonder persoonsgegevens: groepen van minder dan ${threshold()} jeugdigen staan als "${hiddenText()}".` }));
  if (view.vz) notes.push(el('p', { class: 'small', id: 'melding-voorziening', text: `Gefilterd op de voorziening ${VZ_LABEL[view.vz]}: de tabellen per voorziening tonen alleen die rijen; de kerncijfers, de beëindigingen, de ambulantisering en de offertes gelden voor alle voorzieningen.` }));
  if (view.agb && !view.agbApplied) {
    notes.push(el('div', { class: 'alert alert-info small', role: 'status', id: 'melding-aanbieder',
      text: `Gefilterd op aanbieder ${providerName(view.agb)}: alleen de tabellen per aanbieder en de duurste jeugdigen zijn gefilterd. De overige cijfers gelden nog voor alle aanbieders.` }));
  } else if (view.agb) {
    notes.push(el('div', { class: 'alert alert-info small', role: 'status', id: 'melding-aanbieder',
      text: `Gefilterd op aanbieder ${providerName(view.agb)}: alle cijfers gelden alleen voor de productie van deze aanbieder.` }));
  }
  const dur = durationsSection();
  const amb = ambulantSection();
  out.replaceChildren(
    el('h2', { class: 'h4', id: 'kop-zorg', text: `${scopeName}, ${view.p}` }), ...notes,
    kpis(),
    dur.block, waitingSection(), endingsSection(), budgetSection(), concentrationSection(), amb.block, quotesSection(),
    expensiveSection());
  if (dur.draw) dur.draw();
  if (amb.draw) amb.draw();
}

function setUrl() {
  const q = { periode: view.p };
  if (view.g) q.gemeente = view.g;
  else if (MUNICIPAL.includes(user.role)) q.gemeente = ''; // the region, not the own municipality
  if (view.vz) q.voorziening = view.vz;
  if (view.agb && user.role !== 'aanbieder') q.aanbieder = view.agb;
  history.replaceState(null, '', `?${new URLSearchParams(q)}`);
}

async function load() {
  const form = $('form-zorg');
  clearErrors(form);
  const p = periodField($('periode'));
  if (!p) return;
  const g = $('gemeente').disabled ? '' : $('gemeente').value;
  const agb = user.role === 'aanbieder' ? '' : $('aanbieder').value;
  const next = { p, g, agb, vz: $('voorziening').value, limit: (view && view.limit) || 10, figs: {}, errors: {} };
  const q = query({ period: p, gemeente: g, aanbieder: agb });
  $('export-xlsx').href = `/api/v1/exports/monitor${q}`;
  while (charts.length) charts.pop().destroy();
  const out = $('zorg');
  out.replaceChildren(el('p', { class: 'text-muted', text: 'Laden…' }));
  const answers = await Promise.allSettled(FIGURES.map((n) => get(`/api/v1/figures/${n}${q}`)));
  const failed = answers.filter((a) => a.status === 'rejected');
  if (failed.length === answers.length) {
    out.replaceChildren();
    showError(form, failed[0].reason);
    return;
  }
  FIGURES.forEach((n, i) => {
    if (answers[i].status === 'fulfilled') next.figs[n] = answers[i].value;
    else { next.figs[n] = null; next.errors[n] = answers[i].reason; }
  });
  const scopes = Object.values(next.figs).filter(Boolean).map((x) => x.scope || {});
  next.threshold = scopes.map((s) => s.small_group_threshold || s.threshold).find(Boolean) || 10;
  // the API applied the aanbieder when every answer's scope names it
  next.agbApplied = !!agb && scopes.every((s) => s.agb === agb);
  view = next;
  setUrl();
  if (expensiveWanted && !expensiveRefusal()) await fetchExpensive();
  fillProviders();
  render();
}

async function start() {
  user = await initPage('zorg');
  if (!user) return;
  const form = $('form-zorg');
  attachValidation(form, setFieldError);
  [mm, cat, pm] = await Promise.all([municipalityMap(), catalog().catch(() => ({})), providerMap()]);
  const sel = $('gemeente');
  for (const [cbs, name] of [...mm.entries()].sort((a, b) => a[1].localeCompare(b[1], 'nl'))) {
    sel.append(el('option', { value: cbs, text: `${name} (${cbs})` }));
  }
  const q = params();
  $('periode').value = q.get('periode') || String(new Date().getFullYear() - 1);
  if (user.role === 'aanbieder') {
    // a provider sees its own production across the region
    sel.disabled = true;
    const a = $('aanbieder');
    a.replaceChildren(el('option', { value: user.agb || '', text: providerName(user.agb) || 'Uw eigen productie' }));
    a.disabled = true;
  } else if (q.get('gemeente') !== null) {
    sel.value = q.get('gemeente');
  } else if (MUNICIPAL.includes(user.role) && user.gemeente) {
    sel.value = user.gemeente; // its own municipality first
  }
  if (q.get('voorziening') && VZ_LABEL[q.get('voorziening')]) $('voorziening').value = q.get('voorziening');
  if (q.get('aanbieder') && user.role !== 'aanbieder') {
    const a = q.get('aanbieder');
    $('aanbieder').append(el('option', { value: a, text: providerName(a) }));
    $('aanbieder').value = a;
  }
  form.addEventListener('submit', (ev) => { ev.preventDefault(); load(); });
  // the voorziening filters what is on the page: no new request
  $('voorziening').addEventListener('change', () => {
    if (!view) return;
    view.vz = $('voorziening').value;
    setUrl();
    render();
  });
  await load();
}

start();
