// tarieven.js: tariff research (issue 12, docs/tariffs.md). For one tariff
// year the proposed catalog beside the current one (GET
// /api/v1/catalog-proposals/{year}?basis=: current, model, indexed,
// proposed, the difference in cents and per mille), the build-up of every
// functiegroep's hourly tariff and every intensity's tariff per etmaal
// step by step (GET /api/v1/tariff-models/{year}: norm, amount, running
// result), and for rsj and beheerder the edit of one norm (PATCH
// /api/v1/tariff-models/{year}[/norms/{code}]) and the adoption (POST
// .../adoptions), which offers the new region file as a download. Every
// figure comes from the API in cents; the page only formats it.
import { get, patch, post, query, clearErrors, showError, showAlert, ApiError } from '../api.js';
import { initPage } from '../nav.js';
import { el, euro, table, params } from '../format.js';

const $ = (id) => document.getElementById(id);
let user = null;
let model = null;

const SOURCE = { regio: 'regio', model: 'model', index: 'index' };
const FIELDS = {
  index: [
    { key: 'ova_bp', label: 'OVA (basispunten)' },
    { key: 'pcc_bp', label: 'PCC (basispunten)' },
    { key: 'index_method', label: 'methode (ova of vng)' },
    { key: 'wage_weight_bp', label: 'gewicht OVA in de VNG-mix (basispunten)' },
    { key: 'cao', label: 'cao' },
  ],
  functiegroep: [
    { key: 'scale', label: 'cao-schaal' },
    { key: 'step', label: 'trede' },
    { key: 'monthly_salary', label: 'bruto maandsalaris (euro)', euro: true },
    { key: 'holiday_bp', label: 'vakantietoeslag (basispunten)' },
    { key: 'year_end_bp', label: 'eindejaarsuitkering (basispunten)' },
    { key: 'employer_bp', label: 'werkgeverslasten (basispunten)' },
    { key: 'hours_per_fte', label: 'directe cliënturen per FTE per jaar' },
    { key: 'overhead_bp', label: 'overhead (basispunten)' },
    { key: 'other_costs', label: 'overige cliëntgebonden kosten per uur (euro)', euro: true },
  ],
  intensiteit: [
    { key: 'staff_fg', label: 'functiegroep van het personeel' },
    { key: 'fte_x100', label: 'personeel per groep (honderdsten FTE)' },
    { key: 'group_size', label: 'plaatsen per groep' },
    { key: 'overhead_bp', label: 'overhead (basispunten)' },
    { key: 'other_costs', label: 'overige cliëntgebonden kosten per plaats per jaar (euro)', euro: true },
    { key: 'accommodation', label: 'huisvesting per plaats per jaar (euro)', euro: true },
    { key: 'occupancy_bp', label: 'bezetting (basispunten)' },
  ],
};

function mayChange() {
  return user.role === 'rsj' || user.role === 'beheerder';
}

function pct(bp) {
  return `${(bp / 100).toLocaleString('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} %`;
}

function signed(cents) {
  if (cents === null || cents === undefined) return '–';
  return cents > 0 ? `+${euro(cents)}` : euro(cents);
}

function perMille(v) {
  if (v === null || v === undefined) return '–';
  return `${v > 0 ? '+' : ''}${v} ‰`;
}

function indexText(ix) {
  if (ix.method === 'vng') {
    return `Index: VNG-mix van ${pct(ix.wage_weight_bp)} OVA (${pct(ix.ova_bp)}) en ${pct(ix.price_weight_bp)} PCC (${pct(ix.pcc_bp)}), samen ${pct((ix.factor_e8 - 100000000) / 10000)}; per tarief afgerond op de cent.`;
  }
  return `Index: OVA ${pct(ix.ova_bp)}; per tarief afgerond op de cent.`;
}

function proposalTable(p) {
  const prev = p.year - 1;
  return table([
    { label: 'Code', value: (r) => r.code },
    { label: 'Product', class: 'mono', value: (r) => r.product },
    { label: 'Naam', value: (r) => r.name },
    { label: `Huidig (${prev})`, class: 'text-end text-nowrap', value: (r) => el('span', { dataset: { col: 'huidig' }, text: r.current_cents === null ? '–' : euro(r.current_cents) }) },
    { label: `Model ${p.year}`, class: 'text-end text-nowrap', value: (r) => el('span', { dataset: { col: 'model' }, text: r.model_cents === null ? '–' : euro(r.model_cents) }) },
    { label: `Geïndexeerd ${p.year}`, class: 'text-end text-nowrap', value: (r) => el('span', { dataset: { col: 'index' }, text: r.indexed_cents === null ? '–' : euro(r.indexed_cents) }) },
    { label: `Voorstel ${p.year}`, class: 'text-end text-nowrap fw-semibold', value: (r) => el('span', { dataset: { col: 'voorstel' }, text: euro(r.proposed_cents) }) },
    { label: 'Bron', value: (r) => el('span', { class: 'badge text-bg-light', dataset: { col: 'bron' }, text: SOURCE[r.source] || r.source }) },
    { label: 'Verschil', class: 'text-end text-nowrap', value: (r) => el('span', { dataset: { col: 'verschil' }, text: signed(r.diff_cents) }) },
    { label: 'Verschil ‰', class: 'text-end text-nowrap', value: (r) => el('span', { dataset: { col: 'promille' }, text: perMille(r.diff_per_mille) }) },
    { label: 'Model t.o.v. huidig', class: 'text-end text-nowrap', value: (r) => perMille(r.model_diff_per_mille) },
  ], p.rows, { caption: `Catalogus ${p.year} naast ${prev}`, class: 'js-voorstel', rowClass: (r) => `js-product-${r.product}` });
}

function buildTable(line) {
  const unit = line.kind === 'intensiteit' ? 'etmaal' : 'uur';
  return el('section', { class: 'mb-3', id: `opbouw-${line.code}` },
    el('h4', { class: 'h6 mb-1' },
      `${line.code} ${line.name} (${line.product}): `,
      el('span', { class: 'js-tarief', text: `${euro(line.tariff_cents)} per ${unit}` }),
      line.staff_fg ? ` · personeel ${line.staff_fg}` : null,
      line.kind === 'functiegroep' ? ` · cao-schaal ${line.norms.scale}, trede ${line.norms.step}` : null,
      line.example ? el('span', { class: 'badge text-bg-warning ms-2', text: 'voorbeeld' }) : null),
    table([
      { label: 'Stap', class: 'text-end', value: (s) => String(s.n) },
      { label: 'Omschrijving', value: (s) => s.label },
      { label: 'Norm', class: 'text-end text-nowrap', value: (s) => s.norm_text },
      { label: 'Bedrag', class: 'text-end text-nowrap', value: (s) => s.value_text },
      { label: 'Tussenresultaat', class: 'text-end text-nowrap', value: (s) => euro(s.result_cents) },
      { label: 'Afronding', value: (s) => (s.rounded ? el('span', { title: 'half naar boven afgerond op de cent', text: 'op de cent' }) : '') },
    ], line.steps, { caption: `Opbouw ${line.code}`, class: 'js-opbouw' }));
}

function fillNormForm() {
  if (!model) return;
  const code = $('norm-code');
  const keep = code.value;
  code.replaceChildren(el('option', { value: '', text: 'index en cao van het jaar' }),
    ...model.lines.map((l) => el('option', { value: l.code, text: `${l.code} ${l.name}` })));
  if ([...code.options].some((o) => o.value === keep)) code.value = keep;
  fillFields();
}

function fieldsOf(code) {
  if (!code) return FIELDS.index;
  const l = model.lines.find((x) => x.code === code);
  return l && l.kind === 'intensiteit' ? FIELDS.intensiteit : FIELDS.functiegroep;
}

function currentValue(code, key) {
  if (!code) {
    if (key === 'cao') return model.cao;
    if (key === 'index_method') return model.index.method;
    return String(model.index[key]);
  }
  const l = model.lines.find((x) => x.code === code);
  const v = l.norms[key];
  const f = fieldsOf(code).find((x) => x.key === key);
  return f && f.euro ? euro(v).replace('€ ', '') : String(v);
}

function fillFields() {
  const code = $('norm-code').value;
  const veld = $('norm-veld');
  veld.replaceChildren(...fieldsOf(code).map((f) => el('option', { value: f.key, text: f.label })));
  $('norm-waarde').value = currentValue(code, veld.value);
}

async function loadModel(year) {
  const fg = $('opbouw-fg');
  const it = $('opbouw-int');
  model = null;
  try {
    model = await get(`/api/v1/tariff-models/${encodeURIComponent(year)}`);
  } catch (e) {
    fg.replaceChildren(el('p', { class: 'text-muted', id: 'geen-normen', text: e instanceof ApiError && e.status === 404 ? `Voor ${year} zijn geen normen ingelezen; het voorstel volgt dan alleen de OVA van het regiobestand.` : e.message }));
    it.replaceChildren();
    $('opbouw-kop').textContent = '';
    $('wijzigen').classList.add('d-none');
    return;
  }
  $('opbouw-kop').textContent = `${model.cao}${model.example ? ' (voorbeeldnormen)' : ''}; normen uit ${model.source}, laatst gewijzigd door ${model.updated_by}. ${indexText(model.index)}`;
  fg.replaceChildren(...model.lines.filter((l) => l.kind === 'functiegroep').map(buildTable));
  const ints = model.lines.filter((l) => l.kind === 'intensiteit');
  it.replaceChildren(...(ints.length ? ints.map(buildTable) : [el('p', { class: 'text-muted', text: 'Geen normen voor wonen en verblijf.' })]));
  if (mayChange()) {
    $('wijzigen').classList.remove('d-none');
    fillNormForm();
  }
}

async function loadProposal(year, basis) {
  const out = $('voorstel');
  out.replaceChildren(el('p', { class: 'text-muted', text: 'Laden…' }));
  const p = await get(`/api/v1/catalog-proposals/${encodeURIComponent(year)}${query({ basis })}`);
  $('kop-voorstel').textContent = `Catalogus ${p.year} naast ${p.year - 1}`;
  $('index-tekst').textContent = `${indexText(p.index)} Voorstel: het eigen tarief van de regio waar het regiobestand dat zet, anders ${basis === 'model' ? 'het modeltarief waar het model het product prijst, anders het geïndexeerde' : 'het geïndexeerde tarief'}.`;
  out.replaceChildren(...[proposalTable(p),
    el('p', { class: 'small', id: 'voorstel-totaal', text: `Som van de tarieven: ${euro(p.total_current_cents)} → ${euro(p.total_proposed_cents)}.` }),
    p.adopted ? el('p', { class: 'small text-success', id: 'vastgesteld', text: `Vastgesteld door ${p.adopted.by} op ${p.adopted.at.slice(0, 10)} (basis ${p.adopted.basis}).` }) : null].filter(Boolean));
  if (mayChange()) $('vaststellen').classList.remove('d-none');
}

async function load() {
  const form = $('form-kies');
  clearErrors(form);
  const year = $('jaar').value.trim();
  const basis = $('basis').value;
  if (!/^\d{4}$/.test(year)) {
    showError(form, new ApiError(400, 'year_invalid', 'Een tariefjaar is vier cijfers, zoals 2026.', 'year'));
    return;
  }
  history.replaceState(null, '', `?jaar=${encodeURIComponent(year)}&basis=${encodeURIComponent(basis)}`);
  try {
    await loadProposal(year, basis);
  } catch (e) {
    $('voorstel').replaceChildren();
    $('vaststellen').classList.add('d-none');
    showError(form, e);
  }
  await loadModel(year);
}

async function saveNorm(ev) {
  ev.preventDefault();
  const form = $('form-norm');
  clearErrors(form);
  const msg = $('norm-melding');
  msg.replaceChildren();
  const year = $('jaar').value.trim();
  const code = $('norm-code').value;
  const key = $('norm-veld').value;
  const f = fieldsOf(code).find((x) => x.key === key);
  let value = $('norm-waarde').value.trim();
  if (f && f.euro) value = value.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d+$/.test(value) && key !== 'cao' && key !== 'staff_fg') value = Number(value);
  const b = $('norm-opslaan');
  b.disabled = true;
  try {
    const path = code ? `/api/v1/tariff-models/${year}/norms/${encodeURIComponent(code)}` : `/api/v1/tariff-models/${year}`;
    await patch(path, { [key]: value });
    showAlert(msg, `${code || 'Index'}: ${f ? f.label : key} gewijzigd.`, 'success');
    await load();
  } catch (e) {
    e.field = '';
    showError(form, e);
  } finally {
    b.disabled = false;
  }
}

async function adopt(ev) {
  ev.preventDefault();
  const form = $('form-vaststellen');
  clearErrors(form);
  const msg = $('vaststel-melding');
  msg.replaceChildren();
  const year = $('jaar').value.trim();
  const b = $('vaststel-knop');
  b.disabled = true;
  try {
    const res = await post(`/api/v1/catalog-proposals/${year}/adoptions`, { basis: $('basis').value });
    const blob = new Blob([`${JSON.stringify(res.region, null, 2)}\n`], { type: 'application/json' });
    const link = el('a', { href: URL.createObjectURL(blob), download: res.filename, id: 'download-regio', class: 'alert-link', text: res.filename });
    showAlert(msg, el('span', {}, `Catalogus ${res.year} vastgesteld (basis ${res.basis}, ${res.products} producten). Download het regiobestand `, link, ' en laat de beheerder het installeren.'), 'success');
    await loadProposal(year, $('basis').value);
  } catch (e) {
    showError(form, e);
  } finally {
    b.disabled = false;
  }
}

async function start() {
  user = await initPage('tarieven');
  if (!user) return;
  const q = params();
  let year = q.get('jaar');
  if (!year) {
    try {
      const ys = await get('/api/v1/tariff-models');
      const items = ys.items || [];
      year = items.length ? String(items[items.length - 1].year) : String(new Date().getFullYear() + 1);
    } catch (e) {
      year = String(new Date().getFullYear() + 1);
    }
  }
  $('jaar').value = year;
  if (q.get('basis') === 'model') $('basis').value = 'model';
  $('form-kies').addEventListener('submit', (ev) => { ev.preventDefault(); load(); });
  if (mayChange()) {
    $('form-norm').addEventListener('submit', saveNorm);
    $('norm-code').addEventListener('change', fillFields);
    $('norm-veld').addEventListener('change', () => { $('norm-waarde').value = currentValue($('norm-code').value, $('norm-veld').value); });
    $('form-vaststellen').addEventListener('submit', adopt);
  }
  await load();
}

start();
