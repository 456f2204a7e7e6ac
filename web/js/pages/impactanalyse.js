// impactanalyse.js: the impact analysis of tariff research (issue 12). The
// user gives a year, one or two scenarios (JSON, typed, from a file, or
// started from the catalog's tariffs through GET
// /api/v1/impact-analyses/template) and optionally a production file of
// the old model; POST /api/v1/impact-analyses prices the production under
// them and the page shows the region's total, the municipalities, the
// biggest losers and every provider, a bar chart of the difference per
// municipality, and downloads the same tables as Excel or CSV (?format=).
// Saved scenarios (GET /api/v1/impact-analyses/scenarios) fill a scenario
// from a list; rsj and beheerder save one under its name (POST
// /api/v1/impact-analyses/scenarios). Every amount and per mille comes from
// the API; the page only formats.
import { get, post, query, session, clearErrors, showError, showAlert, ApiError } from '../api.js';
import { initPage } from '../nav.js';
import { el, euro, table, params } from '../format.js';

const $ = (id) => document.getElementById(id);
const COLORS = ['#0d6efd', '#fd7e14'];
let chart = null;
let saved = [];

function permille(v) {
  if (v === null || v === undefined) return '–';
  return `${v > 0 ? '+' : ''}${v.toLocaleString('nl-NL')} ‰`;
}

function signed(cents) {
  return `${cents > 0 ? '+' : ''}${euro(cents)}`;
}

function readFile(input) {
  const f = input.files[0];
  return f ? f.text() : Promise.resolve(null);
}

// body: the request as the API reads it; throws an ApiError naming the field
// when a scenario's text is no JSON
async function body() {
  const scenarios = [];
  for (const [i, id] of [[0, 'scenario-a'], [1, 'scenario-b']]) {
    const text = $(id).value.trim();
    if (!text) {
      if (i === 0) throw new ApiError(400, 'scenario_missing', 'Geef scenario A.', `scenarios[0]`);
      continue;
    }
    try {
      scenarios.push(JSON.parse(text));
    } catch (e) {
      throw new ApiError(400, 'scenario_malformed', `Scenario ${i === 0 ? 'A' : 'B'} is geen geldige JSON: ${e.message}`, `scenarios[${i}]`);
    }
  }
  const b = { year: Number($('jaar').value.trim()), scenarios };
  const n = $('verliezers').value.trim();
  if (n) b.losers = Number(n);
  if ($('bron-bestand').checked) {
    const prod = await readFile($('productie'));
    if (!prod) throw new ApiError(400, 'production_missing', 'Kies het productiebestand (CSV).', 'production');
    b.production = prod;
    const prof = await readFile($('profielen'));
    if (prof) b.profiles = prof;
  }
  return b;
}

function amountColumns(r) {
  return [
    { label: 'Gerealiseerd', class: 'text-end text-nowrap', value: (x) => euro(x.current_cents) },
    ...r.scenarios.flatMap((s, i) => [
      { label: s.name, class: 'text-end text-nowrap', value: (x) => euro(x.scenarios[i].cents) },
      { label: `Verschil ${s.name}`, class: 'text-end text-nowrap', value: (x) => el('span', { class: x.scenarios[i].difference_cents < 0 ? 'text-danger' : '', text: signed(x.scenarios[i].difference_cents) }) },
      { label: '‰', class: 'text-end text-nowrap', value: (x) => permille(x.scenarios[i].permille) },
    ]),
  ];
}

function drawChart(canvas, r) {
  if (!window.Chart) return; // the tables say the same
  if (chart) chart.destroy();
  chart = new window.Chart(canvas, {
    type: 'bar',
    data: {
      labels: r.municipalities.map((m) => m.name || m.gemeente),
      datasets: r.scenarios.map((s, i) => ({
        label: `Verschil ${s.name} (euro)`,
        data: r.municipalities.map((m) => m.scenarios[i].difference_cents / 100),
        backgroundColor: COLORS[i],
      })),
    },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      scales: { y: { title: { display: true, text: 'verschil in euro' } } },
      plugins: { legend: { position: 'bottom' } },
    },
  });
}

function show(r) {
  const out = $('resultaat');
  const notes = r.scenarios.map((s) => el('li', {},
    `${s.name}: methode ${s.method === 'uncapped' ? 'onbegrensd' : 'begrensd'}`,
    s.capped_assignments === null ? ' (een bestand heeft geen toewijzingen: niets afgetopt)'
      : `, ${s.capped_assignments} toewijzing(en) afgetopt op het budget (${euro(s.capped_cents)})`,
    s.unpriced.length ? `; zonder tarief, ongewijzigd: ${s.unpriced.map((u) => `${u.product} (${euro(u.current_cents)})`).join(', ')}` : ''));
  const canvas = el('canvas', { id: 'grafiek-gemeenten', role: 'img', 'aria-label': 'Verschil per gemeente per scenario' });
  const parts = [
    el('h2', { class: 'h4', id: 'kop-resultaat', text: `Impactanalyse ${r.year}: ${r.lines.toLocaleString('nl-NL')} ${r.source === 'bestand' ? 'rijen uit het bestand' : 'declaratieregels'}${r.gemeente ? `, gemeente ${r.gemeente}` : ''}` }),
    el('ul', { class: 'small', id: 'toelichting' }, notes),
    el('h3', { class: 'h5 mt-3', text: 'Regio' }),
    table([{ label: '', value: () => 'Totaal' }, ...amountColumns(r)], [r.total], { caption: 'Totaal van de regio', class: 'js-totaal' }),
    el('h3', { class: 'h5 mt-3', text: 'Per gemeente' }),
    table([{ label: 'Gemeente', value: (m) => `${m.name} (${m.gemeente})` }, ...amountColumns(r)], r.municipalities, { caption: 'Per gemeente', class: 'js-gemeenten' }),
    el('div', { class: 'chart-box mt-3' }, canvas),
  ];
  if (r.providers_shown) {
    r.losers.forEach((l, i) => {
      parts.push(el('h3', { class: 'h5 mt-4', text: `Grootste verliezers onder ${l.scenario}` }));
      parts.push(l.providers.length
        ? table([{ label: 'AGB-code', value: (p) => el('span', { class: 'mono', text: p.agb }) }, { label: 'Naam', value: (p) => p.name }, ...amountColumns(r)], l.providers, { caption: `Grootste verliezers onder ${l.scenario}`, class: `js-verliezers js-verliezers-${i + 1}` })
        : el('p', { class: 'text-muted js-geen-verliezers', text: 'Geen aanbieder gaat erop achteruit.' }));
    });
    parts.push(el('details', { class: 'mt-4' }, el('summary', { text: `Alle aanbieders (${r.providers.length})` }),
      table([{ label: 'AGB-code', value: (p) => el('span', { class: 'mono', text: p.agb }) }, { label: 'Naam', value: (p) => p.name }, ...amountColumns(r)], r.providers, { caption: 'Per aanbieder', class: 'js-aanbieders' })));
  } else {
    parts.push(el('p', { class: 'text-muted mt-3', text: 'U ziet de totalen per gemeente; de aanbieders ziet het regionaal serviceteam.' }));
  }
  out.replaceChildren(...parts);
  drawChart(canvas, r);
}

async function run(ev) {
  if (ev) ev.preventDefault();
  const form = $('form-impact');
  clearErrors(form);
  const b = $('berekenen');
  b.disabled = true;
  try {
    const r = await post('/api/v1/impact-analyses', await body());
    history.replaceState(null, '', `?jaar=${encodeURIComponent($('jaar').value.trim())}`);
    show(r);
  } catch (e) {
    showError(form, e);
  } finally {
    b.disabled = false;
  }
}

async function download(format) {
  const form = $('form-impact');
  clearErrors(form);
  try {
    const b = await body();
    const s = await session(); // the CSRF token of this session
    const res = await fetch(`/api/v1/impact-analyses${query({ format })}`, {
      method: 'POST', credentials: 'same-origin', cache: 'no-store',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': (s && s.csrf) || '' },
      body: JSON.stringify(b),
    });
    if (!res.ok) {
      const p = await res.json().catch(() => null);
      throw new ApiError(res.status, p && p.code, (p && p.detail) || `Fout ${res.status}.`, p && p.field, p && p.invalidParams);
    }
    const blob = await res.blob();
    const a = el('a', { href: URL.createObjectURL(blob), download: `impactanalyse-${b.year}.${format}` });
    document.body.append(a);
    a.click();
    a.remove();
    showAlert(form, `Het bestand impactanalyse-${b.year}.${format} is gedownload.`, 'success');
  } catch (e) {
    showError(form, e);
  }
}

async function template(id) {
  const form = $('form-impact');
  clearErrors(form);
  try {
    const t = await get(`/api/v1/impact-analyses/template${query({ year: $('jaar').value.trim() })}`);
    if (id === 'scenario-b') t.name = `${t.name} (B)`;
    $(id).value = JSON.stringify(t, null, 2);
  } catch (e) {
    showError(form, e);
  }
}

async function loadSaved() {
  try {
    const r = await get('/api/v1/impact-analyses/scenarios?limit=500');
    saved = r.items.filter((x) => x.valid);
  } catch (e) {
    saved = [];
  }
  for (const x of ['a', 'b']) {
    const sel = $(`opgeslagen-${x}`);
    sel.replaceChildren(el('option', { value: '', text: 'Opgeslagen scenario…' }),
      ...saved.map((v) => el('option', { value: v.name, text: `${v.name} (${v.saved_at.slice(0, 10)}, ${v.saved_by})` })));
  }
}

async function save(id) {
  const form = $('form-impact');
  clearErrors(form);
  let sc;
  try {
    sc = JSON.parse($(id).value);
  } catch (e) {
    showError(form, new ApiError(400, 'scenario_malformed', `Het scenario is geen geldige JSON: ${e.message}`, ''));
    return;
  }
  try {
    const r = await post('/api/v1/impact-analyses/scenarios', sc);
    showAlert(form, `Scenario '${r.name}' ${r.replaced ? 'vervangen' : 'opgeslagen'}.`, 'success');
    await loadSaved();
  } catch (e) {
    showError(form, e);
  }
}

async function start() {
  const user = await initPage('impactanalyse');
  if (!user) return;
  const maySave = user.role === 'rsj' || user.role === 'beheerder';
  for (const x of ['a', 'b']) {
    const t = `scenario-${x}`;
    $(`opgeslagen-${x}`).addEventListener('change', (ev) => {
      const v = saved.find((s) => s.name === ev.target.value);
      if (v) $(t).value = JSON.stringify(v.scenario, null, 2);
    });
    if (maySave) {
      $(`opslaan-${x}`).classList.remove('d-none');
      $(`opslaan-${x}`).addEventListener('click', () => save(t));
    }
  }
  loadSaved();
  const q = params();
  $('jaar').value = q.get('jaar') || String(new Date().getFullYear() - 1);
  $('form-impact').addEventListener('submit', run);
  $('download-xlsx').addEventListener('click', () => download('xlsx'));
  $('download-csv').addEventListener('click', () => download('csv'));
  $('catalogus-a').addEventListener('click', () => template('scenario-a'));
  $('catalogus-b').addEventListener('click', () => template('scenario-b'));
  for (const [f, t] of [['bestand-a', 'scenario-a'], ['bestand-b', 'scenario-b']]) {
    $(f).addEventListener('change', async () => { const text = await readFile($(f)); if (text !== null) $(t).value = text; });
  }
  for (const r of document.querySelectorAll('input[name="bron"]')) {
    r.addEventListener('change', () => $('bestanden').classList.toggle('d-none', !$('bron-bestand').checked));
  }
}

start();
