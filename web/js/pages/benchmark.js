// benchmark.js: all municipalities of the region side by side
// (GET /api/v1/figures/benchmark, issue 11): a table of every figure with
// the municipality's rank and its difference with the region, the user's
// own municipality highlighted, the region's row last, and a Chart.js bar
// chart of one chosen figure with the regional average as a line. Hidden
// cells (a group below the threshold) show "< threshold". Money comes in
// integer eurocents and shares in tenths; only the chart converts.
import { get, query, clearErrors, showError } from '../api.js';
import { initPage } from '../nav.js';
import { el, tenths, euro, table, params } from '../format.js';

const $ = (id) => document.getElementById(id);
let chart = null;
let last = null;

// cellText: one figure of one row as shown: hidden, none, money or tenths
function cellText(fig, cell, threshold) {
  if (!cell) return '–';
  if (cell.hidden) return `< ${threshold}`;
  if (cell.value === null || cell.value === undefined) return '–';
  return fig.unit === 'cents' ? euro(cell.value) : tenths(cell.value);
}

function diffText(fig, cell) {
  if (!cell || cell.hidden || cell.diff === null || cell.diff === undefined) return '';
  const sign = cell.diff > 0 ? '+' : '';
  return fig.unit === 'cents' ? `${sign}${euro(cell.diff)}` : `${sign}${tenths(cell.diff)}`;
}

function chartValue(fig, cell) {
  if (!cell || cell.hidden || cell.value === null || cell.value === undefined) return null;
  return fig.unit === 'cents' ? cell.value / 100 : cell.value / 10;
}

function drawChart(canvas, b, code) {
  if (!window.Chart) return; // the table says the same
  if (chart) chart.destroy();
  const fig = b.figures.find((f) => f.code === code) || b.figures[0];
  const labels = b.rows.map((r) => r.name);
  const values = b.rows.map((r) => chartValue(fig, r.figures[fig.code]));
  const avg = chartValue(fig, b.region.figures[fig.code]);
  chart = new window.Chart(canvas, {
    data: {
      labels,
      datasets: [
        { type: 'bar', label: fig.label, data: values, backgroundColor: b.rows.map((r) => (r.own ? '#fd7e14' : '#0d6efd')) },
        { type: 'line', label: `Regio ${b.region.name}`, data: labels.map(() => avg), borderColor: '#198754', backgroundColor: '#198754', pointRadius: 0 },
      ],
    },
    options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'bottom' } } },
  });
}

function render(b) {
  const out = $('benchmark');
  const threshold = b.scope.threshold;
  const cols = [{ label: 'Gemeente', value: (r) => (r.gemeente ? `${r.name} (${r.gemeente})` : `Regio ${r.name}`) }];
  for (const fig of b.figures) {
    cols.push({ label: fig.label, class: 'text-end text-nowrap', value: (r) => cellText(fig, r.figures[fig.code], threshold) });
    cols.push({ label: 'Positie', class: 'text-end', value: (r) => { const c = r.figures[fig.code]; return c && !c.hidden && c.rank ? String(c.rank) : ''; } });
    cols.push({ label: 'Verschil', class: 'text-end text-nowrap small', value: (r) => diffText(fig, r.figures[fig.code]) });
  }
  const tbl = table(cols, [...b.rows, b.region], {
    caption: `Benchmark ${b.period.period}`,
    rowClass: (r) => (r.own ? 'table-warning fw-semibold' : (r.gemeente ? null : 'fw-semibold')),
  });
  const canvas = el('canvas', { id: 'grafiek-benchmark', role: 'img', 'aria-label': 'Het gekozen cijfer per gemeente met het regiogemiddelde' });
  out.replaceChildren(
    el('h2', { class: 'h4', id: 'kop-benchmark', text: `Gemeenten naast elkaar, ${b.period.period}` }),
    el('div', { class: 'chart-box mb-3' }, canvas),
    el('div', { class: 'table-responsive' }, tbl));
  drawChart(canvas, b, $('cijfer').value);
}

async function load() {
  const form = $('form-kies');
  clearErrors(form);
  const out = $('benchmark');
  out.replaceChildren(el('p', { class: 'text-muted', text: 'Laden…' }));
  try {
    const bq = { period: $('periode').value.trim() };
    $('export-xlsx').href = `/api/v1/exports/benchmark${query(bq)}`;
    $('export-csv').href = `/api/v1/exports/benchmark${query({ ...bq, format: 'csv' })}`;
    last = await get(`/api/v1/figures/benchmark${query(bq)}`);
  } catch (e) {
    out.replaceChildren();
    showError(form, e);
    return;
  }
  const sel = $('cijfer');
  if (!sel.options.length) {
    for (const f of last.figures) sel.append(el('option', { value: f.code, text: f.label }));
  }
  render(last);
}

async function start() {
  const user = await initPage('benchmark');
  if (!user) return;
  const q = params();
  $('periode').value = q.get('periode') || String(new Date().getFullYear() - 1);
  $('form-kies').addEventListener('submit', (ev) => { ev.preventDefault(); load(); });
  $('cijfer').addEventListener('change', () => { if (last) drawChart(document.getElementById('grafiek-benchmark'), last, $('cijfer').value); });
  await load();
}

start();
