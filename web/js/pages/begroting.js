// begroting.js: budget control (issue 11). For one year and a municipality
// (or the region, the sum of its municipalities) it shows per voorziening
// the begroting, the realised spending, the committed spending and the
// forecast to year end with its method and a warning badge
// (GET /api/v1/figures/control), a Chart.js line of cumulative realised vs
// forecast vs begroting, and lets a beheerder or the municipality's own
// gemeente user enter the begroting per voorziening
// (PUT /api/v1/budgets/{gemeente}/{year}/{voorziening}). Amounts come from
// the API in integer eurocents; only the chart converts to euro.
import { get, request, query, clearErrors, showError, showAlert } from '../api.js';
import { initPage } from '../nav.js';
import { municipalityMap } from '../data.js';
import { el, euro, table, params, parseEuro, MONTHS } from '../format.js';

const $ = (id) => document.getElementById(id);
let user = null;
let chart = null;

const LEVEL_CLASS = {
  on_track: 'text-bg-success', attention: 'text-bg-warning', over: 'text-bg-danger', none: 'text-bg-light',
};

function levelBadge(row) {
  return el('span', { class: `badge ${LEVEL_CLASS[row.level] || 'text-bg-light'}`, 'data-level': row.level, text: row.level_name });
}

function share(v) {
  if (v === null || v === undefined) return '–';
  return `${(Number(v) / 10).toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
}

function methodText(row) {
  const m = row.forecast_method;
  if (m.method === 'run-rate' || m.method === 'seizoen') {
    return `${m.method} (maand ${m.run_rate_months.join(', ')}: ${euro(m.run_rate_cents)} per maand)`;
  }
  return m.method;
}

// mayEdit: the beheerder any municipality, a gemeente user its own
function mayEdit(gemeente) {
  if (!gemeente) return false;
  return user.role === 'beheerder' || (user.role === 'gemeente' && user.gemeente === gemeente);
}

function drawChart(canvas, total) {
  if (!window.Chart) return; // the table says the same
  if (chart) chart.destroy();
  const last = total.forecast_method.last_month;
  let cum = 0;
  const realised = []; const forecast = [];
  total.monthly_cents.forEach((c, i) => {
    cum += c;
    realised.push(i < last ? cum / 100 : null);
    forecast.push(i >= last - 1 ? (cum + (i === 11 ? total.committed_new_cents : 0)) / 100 : null);
  });
  const budget = total.budget_cents === null ? null : total.budget_cents / 100;
  const datasets = [
    { label: 'Gerealiseerd (cumulatief)', data: realised, borderColor: '#0d6efd', backgroundColor: '#0d6efd' },
    { label: 'Prognose (cumulatief)', data: forecast, borderColor: '#fd7e14', backgroundColor: '#fd7e14', borderDash: [6, 4] },
  ];
  if (budget !== null) {
    datasets.push({ label: 'Begroting', data: MONTHS.map(() => budget), borderColor: '#198754', backgroundColor: '#198754', pointRadius: 0 });
  }
  chart = new window.Chart(canvas, {
    type: 'line',
    data: { labels: MONTHS.map((m) => m.slice(0, 3)), datasets },
    options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'bottom' } } },
  });
}

async function load() {
  const out = $('controle');
  const form = $('form-kies');
  clearErrors(form);
  const year = $('jaar').value.trim();
  const gemeente = $('gemeente').value;
  out.replaceChildren(el('p', { class: 'text-muted', text: 'Laden…' }));
  let c;
  try {
    $('export-xlsx').href = `/api/v1/exports/control${query({ period: year, gemeente })}`;
    $('export-csv').href = `/api/v1/exports/control${query({ period: year, gemeente, format: 'csv', table: 'begroting' })}`;
    c = await get(`/api/v1/figures/control${query({ period: year, gemeente })}`);
  } catch (e) {
    out.replaceChildren();
    showError(form, e);
    return;
  }
  const rows = [...c.rows, c.total];
  // task budgets (taakgericht): their paid terms are in Gerealiseerd, the
  // year's other terms in Verplicht; the columns say how much, when any
  const tasks = (Number(c.total.task_realised_cents) || 0) + (Number(c.total.task_committed_cents) || 0) > 0;
  const taskCols = tasks ? [
    { label: 'Waarvan taakbudget betaald', class: 'text-end text-nowrap', value: (r) => euro(r.task_realised_cents) },
    { label: 'Waarvan taakbudget nog te betalen', class: 'text-end text-nowrap', value: (r) => euro(r.task_committed_cents) },
  ] : [];
  const tbl = table([
    { label: 'Voorziening', value: (r) => r.name },
    { label: 'Begroting', class: 'text-end text-nowrap', value: (r) => (r.budget_cents === null ? '–' : euro(r.budget_cents)) },
    { label: 'Taakveld', value: (r) => r.taakveld || '' },
    { label: 'Gerealiseerd', class: 'text-end text-nowrap', value: (r) => euro(r.realised_cents) },
    { label: 'Verplicht', class: 'text-end text-nowrap', value: (r) => euro(r.committed_cents) },
    { label: 'Waarvan nog niet in de run-rate', class: 'text-end text-nowrap', value: (r) => euro(r.committed_new_cents) },
    ...taskCols,
    { label: 'Prognose', class: 'text-end text-nowrap', value: (r) => euro(r.forecast_cents) },
    { label: '% begroting', class: 'text-end', value: (r) => share(r.share_x10) },
    { label: 'Signaal', value: (r) => levelBadge(r) },
    { label: 'Methode', value: (r) => methodText(r) },
  ], rows, { caption: `Begrotingscontrole ${c.year}`, rowClass: (r) => (r.voorziening === 'totaal' ? 'fw-semibold' : null) });
  const canvas = el('canvas', { id: 'grafiek-begroting', role: 'img', 'aria-label': 'Cumulatief gerealiseerd, prognose en begroting' });
  const scope = c.scope.gemeente ? `${c.scope.name} (${c.scope.gemeente})` : `regio ${c.scope.name}`;
  out.replaceChildren(
    el('h2', { class: 'h4', id: 'kop-controle', text: `Begrotingscontrole ${c.year}, ${scope}` }),
    el('p', { class: 'text-muted small', text: `Gedeclareerd tot en met ${c.last_month ? MONTHS[c.last_month - 1] : 'geen maand'}. ${c.method}` }),
    tasks ? el('p', { class: 'small', id: 'taak-uitleg', text: 'Taakbudgetten (taakgericht): de termijnen tot en met de laatste gedeclareerde maand tellen als gerealiseerd, de overige termijnen van het jaar als verplicht; ze staan vast en tellen dus helemaal mee in de prognose.' }) : '',
    tbl,
    el('div', { class: 'chart-box mt-3' }, canvas));
  drawChart(canvas, c.total);
  $('invoer').classList.toggle('d-none', !mayEdit(c.scope.gemeente));
}

async function save(ev) {
  ev.preventDefault();
  const form = $('form-begroting');
  clearErrors(form);
  const msg = $('invoer-melding');
  msg.replaceChildren();
  const cents = parseEuro($('bedrag').value);
  if (cents === null) {
    showAlert(msg, 'Geef een bedrag in euro, bijvoorbeeld 1.234.567,89.');
    return;
  }
  const gemeente = $('gemeente').value;
  const year = $('jaar').value.trim();
  const vz = $('voorziening').value;
  try {
    await request('PUT', `/api/v1/budgets/${encodeURIComponent(gemeente)}/${encodeURIComponent(year)}/${encodeURIComponent(vz)}`,
      { amount_cents: cents, taakveld: $('taakveld').value || null });
    showAlert(msg, `Begroting ${vz} ${year} vastgelegd: ${euro(cents)}.`, 'success');
    await load();
  } catch (e) {
    showError(form, e);
  }
}

async function start() {
  user = await initPage('begroting');
  if (!user) return;
  const mm = await municipalityMap();
  const sel = $('gemeente');
  for (const [cbs, name] of [...mm.entries()].sort((a, b) => a[1].localeCompare(b[1], 'nl'))) {
    sel.append(el('option', { value: cbs, text: `${name} (${cbs})` }));
  }
  if ((user.role === 'toegang' || user.role === 'gemeente') && user.gemeente) {
    sel.value = user.gemeente;
    sel.querySelector('option[value=""]').disabled = true; // not the region's sum
  }
  const q = params();
  $('jaar').value = q.get('jaar') || String(new Date().getFullYear());
  if (q.get('gemeente')) sel.value = q.get('gemeente');
  $('form-kies').addEventListener('submit', (ev) => { ev.preventDefault(); load(); });
  $('form-begroting').addEventListener('submit', save);
  await load();
}

start();
