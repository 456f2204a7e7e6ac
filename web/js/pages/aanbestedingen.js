// aanbestedingen.js: tenders and admission (issue 12, docs/tenders.md).
// The list of tenders the user sees (GET /api/v1/tenders); for rsj and
// beheerder a new tender (POST /api/v1/tenders) and, on one tender
// (?id=), its phase dates to change (PUT .../dates), award and contracts
// per lot, the scores per criterion with a motivation, the decision on a
// later entry, and the supply per product and municipality
// (GET /api/v1/tenders/supply); for every role the published tender with
// its answered questions; for a provider its own registrations and the
// registration form with its own AGB. Every rule (the phases, who passes)
// is the API's; the page shows what it answers, refusals at their fields.
import { get, getAll, post, request, query, clearErrors, showError, showAlert } from '../api.js';
import { initPage } from '../nav.js';
import { catalog } from '../data.js';
import { el, table, params, date } from '../format.js';

const $ = (id) => document.getElementById(id);
let user = null;
let cat = null;
let tender = null;
let regs = [];

const DATES = [
  { key: 'publication', field: 'publicatie', label: 'Publicatie' },
  { key: 'qa_end', field: 'nvi_einde', label: 'Nota van inlichtingen t/m' },
  { key: 'registration_end', field: 'inschrijving_einde', label: 'Inschrijving t/m' },
  { key: 'assessment_start', field: 'beoordeling_begin', label: 'Beoordeling vanaf' },
  { key: 'assessment_end', field: 'beoordeling_einde', label: 'Beoordeling t/m' },
  { key: 'award', field: 'gunning', label: 'Gunning vanaf' },
  { key: 'contract_start', field: 'contract_begin', label: 'Contracten vanaf' },
  { key: 'contract_end', field: 'contract_einde', label: 'Contracten t/m (leeg: open)', optional: true },
];
const STATUS = {
  ingeschreven: 'ingeschreven', gegund: 'gegund', afgewezen: 'afgewezen', toegelaten: 'toegelaten',
  geweigerd: 'geweigerd', gecontracteerd: 'gecontracteerd',
};

const regional = () => user.role === 'rsj' || user.role === 'beheerder';
const productName = (code) => {
  const p = cat.products.find((x) => x.code === code);
  return p ? `${p.short_code || p.code} ${p.name}` : code;
};
const points = (x10) => (x10 === null || x10 === undefined ? '–' : `${Math.floor(x10 / 10)},${x10 % 10}`);

// dateFields: the date inputs of the phases into a .js-data container
function dateFields(box) {
  const pre = box.dataset.prefix;
  box.replaceChildren(...DATES.map((d) => el('div', { class: 'col-md-3' },
    el('label', { for: `${pre}-${d.key}`, class: 'form-label', text: d.label }),
    el('input', { id: `${pre}-${d.key}`, type: 'date', class: 'form-control', dataset: { field: d.field }, required: !d.optional }))),
  el('div', { class: 'col-md-3' },
    el('label', { for: `${pre}-standstill_days`, class: 'form-label', text: 'Standstill (dagen, ten minste 20)' }),
    el('input', { id: `${pre}-standstill_days`, type: 'number', min: '20', value: '20', class: 'form-control', dataset: { field: 'standstill_dagen' } })));
}

function readDates(pre) {
  const d = {};
  for (const x of DATES) {
    const v = $(`${pre}-${x.key}`).value;
    if (v) d[x.key] = v;
  }
  const s = $(`${pre}-standstill_days`).value;
  if (s !== '') d.standstill_days = Number(s);
  return d;
}

async function loadList() {
  const out = $('lijst');
  const items = await getAll('/api/v1/tenders');
  if (!items.length) {
    out.replaceChildren(el('p', { class: 'text-muted', text: 'Er zijn (nog) geen gepubliceerde aanbestedingen.' }));
    return;
  }
  out.replaceChildren(table([
    { label: 'Aanbesteding', value: (t) => el('a', { href: `aanbestedingen.html?id=${t.id}`, text: t.name }) },
    { label: 'Fase', value: (t) => el('span', { dataset: { phase: t.phase }, text: t.phase_name }) },
    { label: 'Percelen', value: (t) => t.lots.map((l) => l.lot).join(', ') },
    { label: 'Publicatie', value: (t) => date(t.dates.publication) },
    { label: 'Inschrijving t/m', value: (t) => date(t.dates.registration_end) },
    { label: 'Gunning vanaf', value: (t) => date(t.dates.award) },
  ], items, { caption: 'Aanbestedingen', class: 'js-aanbestedingen' }));
}

function showTender() {
  const t = tender;
  $('detail').classList.remove('d-none');
  $('kop-aanbesteding').textContent = t.name;
  $('fase').textContent = `fase: ${t.phase_name}`;
  $('fase').dataset.phase = t.phase;
  $('omschrijving').textContent = t.description;
  $('fasen').replaceChildren(table([
    { label: 'Fase', value: (d) => d.label },
    { label: 'Datum', value: (d) => (t.dates[d.key] ? date(t.dates[d.key]) : 'open') },
  ], DATES, { caption: 'Data van de fasen', class: 'js-fasen' }),
  el('p', { class: 'small text-muted', text: `Standstill: ${t.dates.standstill_days} kalenderdagen na de dag waarop de gunningsbeslissing is verzonden.` }));
  $('criteria').replaceChildren(table([
    { label: '#', value: (c) => String(c.seq) },
    { label: 'Criterium', value: (c) => c.name },
    { label: 'Gewicht', class: 'text-end', value: (c) => `${c.weight} %` },
    { label: 'Minimum', class: 'text-end', value: (c) => String(c.min_score) },
  ], t.criteria, { caption: 'Kwaliteitscriteria' }));
  const lotCols = [
    { label: 'Perceel', value: (l) => `${l.lot} ${l.name}` },
    { label: 'Producten', value: (l) => l.products.map(productName).join(', ') },
    { label: 'Gegund', value: (l) => (l.awarded_on ? `${date(l.awarded_on)} (standstill t/m ${date(l.standstill_end)})` : '–') },
    { label: 'Gecontracteerd', value: (l) => (l.contracted_on ? date(l.contracted_on) : '–') },
  ];
  if (regional()) {
    lotCols.push({ label: 'Inschrijvingen', class: 'text-end', value: (l) => `${l.registrations}${l.later ? ` + ${l.later} toetreding(en)` : ''}` });
    lotCols.push({
      label: 'Handelingen',
      value: (l) => el('div', { class: 'd-flex gap-2 align-items-end flex-wrap', dataset: { lot: l.lot } },
        l.awarded_on ? null : el('div', {},
          el('label', { for: `verzonden-${l.id}`, class: 'form-label small mb-0', text: 'Beslissing verzonden op (leeg: vandaag)' }),
          el('input', { id: `verzonden-${l.id}`, type: 'date', class: 'form-control form-control-sm', dataset: { field: 'verzonden_op' }, title: 'leeg: vandaag' })),
        l.awarded_on ? null : el('button', { type: 'button', class: 'btn btn-sm btn-primary js-gunnen', text: 'Gunnen', onclick: () => award(l) }),
        l.awarded_on && !l.contracted_on ? el('button', { type: 'button', class: 'btn btn-sm btn-success js-contracteren', text: 'Contracteren', onclick: () => contract(l) }) : null),
    });
  }
  $('percelen').replaceChildren(table(lotCols, t.lots, { caption: 'Percelen', class: 'js-percelen' }));
  if (regional()) {
    for (const d of DATES) $(`wd-${d.key}`).value = t.dates[d.key] || '';
    $('wd-standstill_days').value = String(t.dates.standstill_days);
  }
  const sel = $('ins-perceel');
  sel.replaceChildren(...t.lots.map((l) => el('option', { value: String(l.id), text: `${l.lot} ${l.name}` })));
  lotProducts();
  $('sc-criterium').replaceChildren(...t.criteria.map((c) => el('option', { value: String(c.seq), text: `${c.seq}. ${c.name} (minimum ${c.min_score})` })));
}

function lotProducts() {
  const l = tender.lots.find((x) => String(x.id) === $('ins-perceel').value);
  $('ins-producten').replaceChildren(...(l ? l.products : []).map((p, i) => el('div', { class: 'd-flex gap-2 align-items-center mb-1' },
    el('input', { type: 'checkbox', class: 'form-check-input js-product', id: `ins-p-${i}`, value: p }),
    el('label', { for: `ins-p-${i}`, class: 'form-check-label flex-grow-1', text: productName(p) }),
    el('input', { type: 'number', min: '0', class: 'form-control form-control-sm w-auto js-capaciteit', 'aria-label': `Capaciteit ${p}`, dataset: { product: p } }))));
}

function why(r) {
  const res = r.result;
  if (!res) return r.status === 'ingeschreven' ? 'resultaat na de gunning' : '';
  if (res.passes) return 'voldoet';
  const parts = [];
  for (const c of res.criteria) {
    if (c.score_x10 === null) parts.push(`${c.name}: geen score`);
    else if (c.below) parts.push(`${c.name} ${points(c.score_x10)} onder minimum ${c.min_score}`);
  }
  return `voldoet niet: ${parts.join('; ')}`;
}

async function loadRegs() {
  const out = $('inschrijvingen');
  regs = await getAll(`/api/v1/tenders/${tender.id}/registrations`);
  if (!regs.length) {
    out.replaceChildren(el('p', { class: 'text-muted', text: regional() ? 'Nog geen inschrijvingen.' : 'U hebt nog niet ingeschreven.' }));
  } else {
    out.replaceChildren(table([
      { label: '#', value: (r) => String(r.id) },
      { label: 'Perceel', value: (r) => r.lot },
      { label: 'AGB-code', value: (r) => el('span', { class: 'mono', text: r.agb }) },
      { label: 'Inschrijver', value: (r) => (r.subcontractors.length ? `${r.name} (met ${r.subcontractors.map((s) => `${s.name} ${s.agb}`).join(', ')})` : r.name) },
      { label: 'Producten', value: (r) => r.products.map((p) => (p.capacity === null ? p.product : `${p.product} (${p.capacity})`)).join(', ') },
      { label: 'Ronde', value: (r) => (r.round === 2 ? 'late toetreding' : 'eerste ronde') },
      { label: 'Status', value: (r) => el('span', { dataset: { status: r.status }, text: STATUS[r.status] || r.status }) },
      { label: 'Resultaat', class: 'text-end', value: (r) => (r.result ? `${r.result.weighted.toLocaleString('nl-NL')} / 10.000` : '–') },
      { label: 'Toelichting', value: (r) => el('span', { class: 'js-waarom', text: why(r) }) },
    ], regs, { caption: 'Inschrijvingen', class: 'js-inschrijvingen', rowClass: (r) => `js-agb-${r.agb}` }));
  }
  if (regional()) {
    $('sc-inschrijving').replaceChildren(...regs.filter((r) => r.status === 'ingeschreven')
      .map((r) => el('option', { value: String(r.id), text: `${r.id}: ${r.lot} ${r.agb} ${r.name}` })));
    const later = regs.filter((r) => r.round === 2 && r.status === 'ingeschreven');
    $('tt-inschrijving').replaceChildren(...later.map((r) => el('option', { value: String(r.id), text: `${r.id}: ${r.lot} ${r.agb} ${r.name}` })));
    $('toetreding-sectie').classList.toggle('d-none', later.length === 0);
  }
}

async function loadQuestions() {
  const qs = await getAll(`/api/v1/tenders/${tender.id}/questions`);
  const out = $('vragen');
  if (!qs.length) {
    out.replaceChildren(el('p', { class: 'text-muted', text: 'Nog geen vragen en antwoorden.' }));
    return;
  }
  out.replaceChildren(el('ol', { class: 'js-vragen' }, qs.map((q) => el('li', { class: 'mb-2', dataset: { question: String(q.id) } },
    el('div', { class: 'fw-semibold', text: q.question }),
    q.answer !== null ? el('div', { class: 'js-antwoord', text: q.answer })
      : regional() ? el('form', { class: 'row g-1 js-beantwoorden', novalidate: true, onsubmit: (ev) => answer(ev, q) },
        el('div', { class: 'col-md-8' }, el('input', { class: 'form-control form-control-sm', 'aria-label': 'Antwoord', dataset: { field: 'answer' }, required: true })),
        el('div', { class: 'col-auto' }, el('button', { type: 'submit', class: 'btn btn-sm btn-outline-primary', text: 'Beantwoorden' })))
        : el('div', { class: 'text-muted small', text: 'nog niet beantwoord' })))));
}

async function loadTender(id) {
  tender = await get(`/api/v1/tenders/${id}`);
  showTender();
  const jobs = [loadQuestions()];
  if (regional() || user.role === 'aanbieder') jobs.push(loadRegs());
  await Promise.all(jobs);
}

function done(message) {
  showAlert($('melding'), message, 'success');
}

async function award(l) {
  const form = $('form-percelen');
  clearErrors(form);
  try {
    const sent = $(`verzonden-${l.id}`).value;
    const res = await post(`/api/v1/tenders/${tender.id}/lots/${l.id}/award`, sent ? { sent_on: sent } : {});
    await loadTender(tender.id);
    done(`Perceel ${l.lot} gegund: ${res.awarded} gegund, ${res.rejected} afgewezen.`);
  } catch (e) {
    showError(form, e);
  }
}

async function contract(l) {
  const form = $('form-percelen');
  clearErrors(form);
  try {
    const res = await post(`/api/v1/tenders/${tender.id}/lots/${l.id}/contracts`, {});
    await loadTender(tender.id);
    done(`Perceel ${l.lot} gecontracteerd: ${res.contracts} contract(en).`);
  } catch (e) {
    showError(form, e);
  }
}

async function answer(ev, q) {
  ev.preventDefault();
  const form = ev.target;
  clearErrors(form);
  try {
    await post(`/api/v1/tenders/${tender.id}/questions/${q.id}/answer`, { answer: form.querySelector('input').value });
    await loadQuestions();
  } catch (e) {
    showError(form, e);
  }
}

// the lines "a; b; c" of a textarea as arrays of trimmed parts
const lines = (text) => text.split('\n').map((x) => x.trim()).filter(Boolean).map((x) => x.split(';').map((p) => p.trim()));

async function create(ev) {
  ev.preventDefault();
  const form = $('form-nieuw');
  clearErrors(form);
  const lots = [...document.querySelectorAll('#nw-percelen input:checked')].map((c) => {
    const l = cat.lots.find((x) => x.code === c.value);
    return { lot: l.code, products: l.products };
  });
  const criteria = lines($('nw-criteria').value).map(([name, weight, min]) => ({ name, weight: Number(weight), min_score: Number(min) }));
  try {
    const t = await post('/api/v1/tenders', { name: $('nw-naam').value.trim(), description: $('nw-omschrijving').value.trim(), dates: readDates('nw'), lots, criteria });
    location.assign(`aanbestedingen.html?id=${t.id}`);
  } catch (e) {
    showError(form, e);
  }
}

async function saveDates(ev) {
  ev.preventDefault();
  const form = $('form-data');
  clearErrors(form);
  try {
    await request('PUT', `/api/v1/tenders/${tender.id}/dates`, { dates: readDates('wd'), reason: $('wd-reden').value.trim() });
    await loadTender(tender.id);
    done('De data van de fasen zijn gewijzigd.');
  } catch (e) {
    showError(form, e);
  }
}

async function ask(ev) {
  ev.preventDefault();
  const form = $('form-vraag');
  clearErrors(form);
  try {
    await post(`/api/v1/tenders/${tender.id}/questions`, { question: $('vraag').value.trim() });
    $('vraag').value = '';
    await loadQuestions();
    done('Uw vraag is gesteld; het antwoord verschijnt in de nota van inlichtingen.');
  } catch (e) {
    showError(form, e);
  }
}

async function register(ev) {
  ev.preventDefault();
  const form = $('form-inschrijven');
  clearErrors(form);
  const products = [...document.querySelectorAll('#ins-producten .js-product:checked')].map((c) => {
    const cap = document.querySelector(`#ins-producten .js-capaciteit[data-product="${c.value}"]`).value;
    return cap === '' ? c.value : { product: c.value, capacity: Number(cap) };
  });
  const subcontractors = lines($('ins-onder').value).map(([agb, name]) => ({ agb, name: name || '' }));
  try {
    await post(`/api/v1/tenders/${tender.id}/lots/${$('ins-perceel').value}/registrations`, {
      agb: $('ins-agb').value.trim(), name: $('ins-naam').value.trim(), kind: $('ins-soort').value, products, subcontractors,
    });
    await loadTender(tender.id);
    done('De inschrijving is ontvangen.');
  } catch (e) {
    showError(form, e);
  }
}

async function score(ev) {
  ev.preventDefault();
  const form = $('form-score');
  clearErrors(form);
  try {
    await post(`/api/v1/tender-registrations/${$('sc-inschrijving').value}/scores`, {
      criterion: Number($('sc-criterium').value), score: Number($('sc-score').value), motivation: $('sc-motivering').value.trim(),
    });
    const keep = $('sc-inschrijving').value;
    await loadRegs();
    $('sc-inschrijving').value = keep;
    done('De score is vastgelegd.');
  } catch (e) {
    showError(form, e);
  }
}

async function decide(ev) {
  ev.preventDefault();
  const form = $('form-toetreding');
  clearErrors(form);
  try {
    await post(`/api/v1/tender-registrations/${$('tt-inschrijving').value}/admission`, {
      decision: $('tt-besluit').value, reason: $('tt-reden').value, grounds: $('tt-onderbouwing').value.trim(),
    });
    await loadTender(tender.id);
    done('Het besluit over de toetreding is vastgelegd.');
  } catch (e) {
    showError(form, e);
  }
}

// supplyMatrix: the supply per product and municipality as one table, a
// product per row and a municipality per column; a cell holds the contracted
// providers with a running assignment there (its title: how many
// assignments), an empty cell none, so a gap in the spread stands out.
function supplyMatrix(s, gm) {
  const cols = [...new Set(s.gemeenten.map((g) => g.gemeente))]
    .sort((a, b) => (gm.get(a) || a).localeCompare(gm.get(b) || b, 'nl'));
  const rows = [...new Set(s.gemeenten.map((g) => g.product))].sort();
  const cell = new Map(s.gemeenten.map((g) => [`${g.product}|${g.gemeente}`, g]));
  const head = el('tr', {}, el('th', { scope: 'col', text: 'Product' }),
    ...cols.map((c) => el('th', { scope: 'col', class: 'text-end small', text: gm.get(c) || c })));
  const body = rows.map((p) => el('tr', { dataset: { product: p } },
    el('th', { scope: 'row', class: 'text-nowrap fw-normal' }, el('span', { class: 'mono', text: p }), ` ${productName(p)}`),
    ...cols.map((c) => {
      const g = cell.get(`${p}|${c}`);
      return el('td', {
        class: `text-end${g && g.providers > 0 ? '' : ' table-warning'}`,
        dataset: { gemeente: c },
        title: g ? `${g.providers} aanbieder(s), ${g.assignments} lopende toewijzing(en)` : 'geen aanbieder met een lopende toewijzing',
        text: g ? String(g.providers) : '–',
      });
    })));
  return el('div', { class: 'table-responsive' },
    el('table', { class: 'table table-sm table-hover align-middle js-aanbod-gemeenten' },
      el('caption', { class: 'visually-hidden', text: `Aanbod per product en gemeente op ${s.date}` }),
      el('thead', {}, head), el('tbody', {}, ...body)),
    el('p', { class: 'small text-muted', text: 'Een gemarkeerde cel: geen gecontracteerde aanbieder met een lopende toewijzing in die gemeente.' }));
}

async function supply(ev) {
  if (ev) ev.preventDefault();
  const form = $('form-aanbod');
  clearErrors(form);
  const out = $('aanbod');
  try {
    const s = await get(`/api/v1/tenders/supply${query({ date: $('ab-datum').value, product: $('ab-product').value })}`);
    const gm = new Map(cat.municipalities.map((m) => [m.cbs, m.name]));
    out.replaceChildren(
      table([
        { label: 'Code', value: (p) => el('span', { class: 'mono', text: p.product }) },
        { label: 'Product', value: (p) => productName(p.product) },
        { label: 'Gecontracteerde aanbieders', class: 'text-end', value: (p) => String(p.providers) },
        { label: 'Capaciteit (opgegeven)', class: 'text-end', value: (p) => (p.capacity === null ? 'onbekend' : `${p.capacity} (van ${p.with_capacity} aanbieder(s))`) },
      ], s.products, { caption: `Aanbod per product op ${s.date}`, class: 'js-aanbod-producten' }),
      el('h3', { class: 'h6 mt-3', text: 'Per gemeente: gecontracteerde aanbieders met een lopende toewijzing daar' }),
      supplyMatrix(s, gm));
  } catch (e) {
    showError(form, e);
  }
}

async function start() {
  user = await initPage('aanbestedingen');
  if (!user) return;
  cat = await catalog();
  document.querySelectorAll('.js-data').forEach(dateFields);
  if (regional()) {
    $('nw-percelen').replaceChildren(...cat.lots.map((l) => el('div', { class: 'form-check' },
      el('input', { type: 'checkbox', class: 'form-check-input', id: `nw-lot-${l.code}`, value: l.code }),
      el('label', { for: `nw-lot-${l.code}`, class: 'form-check-label', text: `${l.code} ${l.name}` }))));
    $('form-nieuw').addEventListener('submit', create);
    $('form-data').addEventListener('submit', saveDates);
    $('form-score').addEventListener('submit', score);
    $('form-toetreding').addEventListener('submit', decide);
    $('ab-product').append(...cat.products.map((p) => el('option', { value: p.code, text: `${p.short_code || p.code} ${p.name}` })));
    $('form-aanbod').addEventListener('submit', supply);
    supply();
  }
  if (user.role === 'aanbieder') {
    $('ins-agb').value = user.agb || '';
    $('ins-agb').readOnly = true;
  }
  $('ins-perceel').addEventListener('change', lotProducts);
  $('form-inschrijven').addEventListener('submit', register);
  $('form-vraag').addEventListener('submit', ask);
  const id = params().get('id');
  if (id) $('nieuw').classList.add('d-none'); // one tender at a time; the list links back
  const jobs = [loadList()];
  if (id) jobs.push(loadTender(id).catch((e) => showAlert($('inhoud'), e.message)));
  await Promise.all(jobs);
}

start();
