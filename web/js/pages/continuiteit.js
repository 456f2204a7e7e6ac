// continuiteit.js: provider continuity (issue 12). For one year the share
// of providers per revenue class meeting each signal of the Jeugdautoriteit
// (GET /api/v1/continuity?year=), a bar chart of it, the providers failing
// two or more signals (rsj and beheerder: with their names and figures from
// GET /api/v1/continuity/accounts; the other roles see how many only), the
// shares over every year (GET /api/v1/continuity/years) as a table and a
// line chart, and for rsj and beheerder the import of a CSV file of yearly
// figures (POST /api/v1/continuity/accounts, text/csv). The percentages
// come from the API with one decimal; the page only formats them.
import { get, getAll, post, query, clearErrors, showError, showAlert } from '../api.js';
import { initPage } from '../nav.js';
import { el, euro, table, params } from '../format.js';

const $ = (id) => document.getElementById(id);
let user = null;
let barChart = null;
let lineChart = null;

const SIGNALS = [
  { key: 'positive_result', label: 'Positief resultaat' },
  { key: 'rentabiliteit', label: 'Rentabiliteit > 1,5 %' },
  { key: 'solvabiliteit', label: 'Solvabiliteit > 20 %' },
  { key: 'current_ratio', label: 'Current ratio > 1' },
];
const CLASS_LABEL = { gt2m: 'Boven 2 miljoen euro', le2m: 'Tot en met 2 miljoen euro', unknown: 'Omzet onbekend' };
const CLASS_COLOR = { gt2m: '#0d6efd', le2m: '#fd7e14', unknown: '#6c757d' };
const VERDICT = { met: 'gehaald', failed: 'niet gehaald', missing: 'onbekend' };

function pct(v) {
  if (v === null || v === undefined) return '–';
  return `${Number(v).toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
}

function mayImport() {
  return user.role === 'rsj' || user.role === 'beheerder';
}

function classTable(classes, caption) {
  return table([
    { label: 'Jeugdhulpomzet', value: (c) => CLASS_LABEL[c.class] || c.name },
    { label: 'Aanbieders', class: 'text-end', value: (c) => String(c.providers) },
    ...SIGNALS.map((s) => ({
      label: s.label,
      class: 'text-end text-nowrap',
      value: (c) => el('span', {
        title: `${c.counts[s.key].met} gehaald, ${c.counts[s.key].failed} niet gehaald, ${c.counts[s.key].missing} onbekend`,
        dataset: { signal: s.key },
        text: pct(c[`pct_${s.key}`]),
      }),
    })),
    { label: 'Mogelijk risico', class: 'text-end', value: (c) => String(c.at_risk_count) },
  ], classes, { caption });
}

function drawBars(canvas, classes) {
  if (!window.Chart) return; // the table says the same
  if (barChart) barChart.destroy();
  barChart = new window.Chart(canvas, {
    type: 'bar',
    data: {
      labels: SIGNALS.map((s) => s.label),
      datasets: classes.map((c) => ({
        label: CLASS_LABEL[c.class] || c.name,
        data: SIGNALS.map((s) => c[`pct_${s.key}`]),
        backgroundColor: CLASS_COLOR[c.class],
      })),
    },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      scales: { y: { min: 0, max: 100, title: { display: true, text: '% van de aanbieders' } } },
      plugins: { legend: { position: 'bottom' } },
    },
  });
}

async function loadRisk(year, s) {
  const sec = $('risico-sectie');
  const out = $('risico');
  sec.classList.remove('d-none');
  const n = s.classes.reduce((a, c) => a + c.at_risk_count, 0);
  if (s.aggregate_only) {
    out.replaceChildren(el('p', { id: 'risico-aantal', text: `${n} aanbieder(s) halen twee of meer signalen niet. Welke aanbieders dat zijn ziet het regionaal serviceteam.` }));
    return;
  }
  if (n === 0) {
    out.replaceChildren(el('p', { class: 'text-muted', id: 'risico-aantal', text: 'Geen aanbieder haalt twee of meer signalen niet.' }));
    return;
  }
  const rows = (await getAll('/api/v1/continuity/accounts', { year })).filter((r) => r.at_risk);
  out.replaceChildren(
    el('p', { id: 'risico-aantal', text: `${n} aanbieder(s) halen twee of meer signalen niet.` }),
    table([
      { label: 'AGB-code', value: (r) => el('a', { class: 'mono', href: `aanbieders.html?agb=${r.agb}`, text: r.agb }) },
      { label: 'Naam', value: (r) => r.name },
      { label: 'Jeugdhulpomzet', value: (r) => CLASS_LABEL[r.class] || r.class },
      { label: 'Niet gehaald', value: (r) => SIGNALS.filter((g) => r.signals[g.key] === 'failed').map((g) => g.label).join(', ') },
      { label: 'Resultaat', class: 'text-end text-nowrap', value: (r) => (r.net_result_cents === null ? 'onbekend' : euro(r.net_result_cents)) },
    ], rows, { caption: `Mogelijke continuïteitsrisico's ${year}`, class: 'js-risico' }));
}

async function load() {
  const form = $('form-kies');
  clearErrors(form);
  const year = $('jaar').value.trim();
  const out = $('overzicht');
  out.replaceChildren(el('p', { class: 'text-muted', text: 'Laden…' }));
  let s;
  try {
    s = await get(`/api/v1/continuity${query({ year })}`);
  } catch (e) {
    out.replaceChildren();
    $('risico-sectie').classList.add('d-none');
    showError(form, e);
    return;
  }
  history.replaceState(null, '', `?jaar=${encodeURIComponent(year)}`);
  const canvas = el('canvas', { id: 'grafiek-jaar', role: 'img', 'aria-label': `Aandeel aanbieders per signaal en omzetklasse in ${year}` });
  // replaceChildren writes a null as the text "null": leave the empty note out instead
  out.replaceChildren(...[
    el('h2', { class: 'h4', id: 'kop-overzicht', text: `Continuïteit ${s.year}: cijfers van ${s.providers} aanbieder(s)` }),
    s.providers === 0 ? el('p', { class: 'text-muted', text: `Er zijn nog geen jaarcijfers over ${s.year} ingelezen.` }) : null,
    classTable(s.classes, `Continuïteit ${s.year} per omzetklasse`),
    el('div', { class: 'chart-box mt-3' }, canvas)].filter((x) => x));
  drawBars(canvas, s.classes);
  try {
    await loadRisk(year, s);
  } catch (e) {
    showAlert($('risico'), e.message);
  }
}

async function loadTrend() {
  const out = $('verloop');
  let t;
  try {
    t = await get('/api/v1/continuity/years');
  } catch (e) {
    showAlert(out, e.message);
    return;
  }
  if (!t.years.length) {
    out.replaceChildren(el('p', { class: 'text-muted', text: 'Nog geen jaarcijfers ingelezen.' }));
    return;
  }
  const rows = t.years.flatMap((y) => y.classes.map((c) => ({ ...c, year: y.year })));
  const canvas = el('canvas', { id: 'grafiek-verloop', role: 'img', 'aria-label': 'Aandeel aanbieders per signaal over de jaren' });
  out.replaceChildren(
    table([{ label: 'Jaar', value: (c) => String(c.year) }, ...[
      { label: 'Jeugdhulpomzet', value: (c) => CLASS_LABEL[c.class] || c.name },
      { label: 'Aanbieders', class: 'text-end', value: (c) => String(c.providers) },
      ...SIGNALS.map((g) => ({ label: g.label, class: 'text-end text-nowrap', value: (c) => pct(c[`pct_${g.key}`]) })),
      { label: 'Mogelijk risico', class: 'text-end', value: (c) => String(c.at_risk_count) },
    ]], rows, { caption: 'Continuïteit per jaar', class: 'js-verloop' }),
    el('div', { class: 'chart-box mt-3' }, canvas));
  if (!window.Chart) return;
  if (lineChart) lineChart.destroy();
  const dashes = { gt2m: [], le2m: [6, 4], unknown: [2, 2] };
  const colors = ['#198754', '#0d6efd', '#fd7e14', '#6f42c1'];
  const datasets = [];
  for (const cls of ['gt2m', 'le2m']) {
    SIGNALS.forEach((g, i) => {
      datasets.push({
        label: `${g.label} (${CLASS_LABEL[cls].toLowerCase()})`,
        data: t.years.map((y) => { const c = y.classes.find((x) => x.class === cls); return c ? c[`pct_${g.key}`] : null; }),
        borderColor: colors[i], backgroundColor: colors[i], borderDash: dashes[cls],
      });
    });
  }
  lineChart = new window.Chart(canvas, {
    type: 'line',
    data: { labels: t.years.map((y) => String(y.year)), datasets },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false, spanGaps: true,
      scales: { y: { min: 0, max: 100 } },
      plugins: { legend: { position: 'bottom' } },
    },
  });
}

async function importFile(ev) {
  ev.preventDefault();
  const form = $('form-import');
  clearErrors(form);
  const msg = $('import-melding');
  msg.replaceChildren();
  const file = $('bestand').files[0];
  if (!file) {
    showAlert(msg, 'Kies een CSV-bestand.');
    return;
  }
  const b = $('inlezen');
  b.disabled = true;
  try {
    const res = await post(`/api/v1/continuity/accounts${query({ name: file.name })}`, file, { contentType: 'text/csv' });
    showAlert(msg, `${file.name}: ${res.rows} rij(en) ingelezen, ${res.added} nieuw en ${res.replaced} vervangen (${res.year_min === res.year_max ? res.year_min : `${res.year_min} tot en met ${res.year_max}`}).`, 'success');
    if (res.year_max) $('jaar').value = String(res.year_max);
    await Promise.all([load(), loadTrend()]);
  } catch (e) {
    // every refused row is named with its line number; none of the file is stored
    e.field = '';
    showError(form, e);
  } finally {
    b.disabled = false;
  }
}

async function start() {
  user = await initPage('continuiteit');
  if (!user) return;
  const q = params();
  $('jaar').value = q.get('jaar') || String(new Date().getFullYear() - 1);
  $('form-kies').addEventListener('submit', (ev) => { ev.preventDefault(); load(); });
  if (mayImport()) $('form-import').addEventListener('submit', importFile);
  await Promise.all([load(), loadTrend()]);
}

start();
