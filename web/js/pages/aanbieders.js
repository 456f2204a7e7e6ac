// aanbieders.js: providers and their contracts; rsj and beheerder add
// providers (POST /api/v1/providers) and contracts (POST /api/v1/contracts).
// The provider file also shows its continuity figures per year with the
// signals (GET /api/v1/continuity/accounts?agb=) to rsj, beheerder and the
// provider itself (the service answers an aanbieder its own figures only).
import { post, getAll, clearErrors, showError, setFieldError, showAlert } from '../api.js';
import { initPage } from '../nav.js';
import { catalog, productLabel } from '../data.js';
import { el, table, date, euro, attachValidation, parseDate, params } from '../format.js';

const $ = (id) => document.getElementById(id);
let all = [];
let cat = {};
let selected = '';
let role = '';

const SIGNAL_LABELS = [
  ['positive_result', 'Positief resultaat'],
  ['rentabiliteit', 'Rentabiliteit > 1,5 %'],
  ['solvabiliteit', 'Solvabiliteit > 20 %'],
  ['current_ratio', 'Current ratio > 1'],
];
const VERDICT_TEXT = { met: 'gehaald', failed: 'niet gehaald', missing: 'onbekend' };
const VERDICT_CLASS = { met: 'text-bg-success', failed: 'text-bg-danger', missing: 'text-bg-light' };

// showContinuity: the provider's yearly figures with a badge per signal
async function showContinuity(agb) {
  const sec = $('continuiteit-sectie');
  if (!['rsj', 'beheerder', 'aanbieder'].includes(role)) return;
  sec.classList.remove('d-none');
  const out = $('continuiteit');
  out.replaceChildren(el('p', { class: 'text-muted', text: 'Laden…' }));
  try {
    const rows = await getAll('/api/v1/continuity/accounts', { agb });
    const money = (v) => (v === null || v === undefined ? 'onbekend' : euro(v));
    out.replaceChildren(rows.length ? table([
      { label: 'Jaar', value: (r) => String(r.year) },
      { label: 'Jeugdhulpomzet', class: 'text-end text-nowrap', value: (r) => money(r.youth_revenue_cents) },
      { label: 'Resultaat', class: 'text-end text-nowrap', value: (r) => money(r.net_result_cents) },
      { label: 'Signalen', value: (r) => el('span', {}, SIGNAL_LABELS.map(([k, l]) => el('span', {
        class: `badge me-1 ${VERDICT_CLASS[r.signals[k]] || 'text-bg-light'}`, dataset: { signal: k, verdict: r.signals[k] },
        title: `${l}: ${VERDICT_TEXT[r.signals[k]] || r.signals[k]}`, text: l,
      }))) },
      { label: 'Risico', value: (r) => (r.at_risk ? el('span', { class: 'badge text-bg-warning', text: 'mogelijk risico' }) : '') },
    ], rows, { caption: 'Continuïteit per jaar', class: 'js-continuiteit' })
      : el('p', { class: 'text-muted', text: 'Geen jaarcijfers ingelezen.' }));
  } catch (e) {
    out.replaceChildren();
    showAlert(out, e.message);
  }
}

function renderProviders() {
  const q = $('filter').value.trim().toLowerCase();
  const rows = all.filter((p) => !q || p.agb.includes(q) || (p.name || '').toLowerCase().includes(q));
  $('aanbieders').replaceChildren(
    el('p', { class: 'small text-muted', text: `${rows.length} van ${all.length} aanbieders.` }),
    table([
      { label: 'AGB-code', value: (p) => el('span', { class: 'mono', text: p.agb }) },
      { label: 'Naam', value: (p) => p.name || '' },
      { label: 'Soort', value: (p) => p.kind || '' },
      { label: '', value: (p) => {
        const b = el('button', { type: 'button', class: 'btn btn-link btn-sm p-0', text: 'Contracten', 'aria-label': `Contracten van ${p.name}` });
        b.addEventListener('click', () => showContracts(p.agb));
        return b;
      } },
    ], rows, { caption: 'Aanbieders', rowClass: (p) => (p.agb === selected ? 'table-active' : null) }));
}

async function loadProviders() {
  try {
    all = await getAll('/api/v1/providers');
    renderProviders();
    $('agb-lijst').replaceChildren(...all.map((p) => el('option', { value: p.agb, text: p.name })));
  } catch (e) {
    showAlert($('aanbieders'), e.message);
  }
}

async function showContracts(agb) {
  selected = agb;
  renderProviders();
  history.replaceState(null, '', `?agb=${agb}`);
  showContinuity(agb);
  const sec = $('contracten-sectie');
  sec.classList.remove('d-none');
  const p = all.find((x) => x.agb === agb);
  $('kop-contracten').textContent = `Contracten van ${p ? p.name : agb}`;
  if (['rsj', 'beheerder'].includes(role)) {
    $('kop-contracten').append(' ', el('a', { class: 'small fw-normal', href: `aanbiedersdossier.html?agb=${agb}`, text: 'dossier openen' }));
  }
  const out = $('contracten');
  out.replaceChildren(el('p', { class: 'text-muted', text: 'Laden…' }));
  try {
    const list = await getAll('/api/v1/contracts', { agb });
    out.replaceChildren(list.length ? table([
      { label: 'Perceel', value: (c) => c.lot || '' },
      { label: 'Product', value: (c) => (c.product === '*' ? 'hele perceel' : productLabel(cat, c.product)) },
      { label: 'Vanaf', value: (c) => date(c.start), class: 'nowrap' },
      { label: 'T/m', value: (c) => (c.end ? date(c.end) : 'open'), class: 'nowrap' },
    ], list, { caption: 'Contracten' }) : el('p', { class: 'text-muted', text: 'Geen contracten.' }));
    if ($('contract-agb')) $('contract-agb').value = agb;
  } catch (e) {
    out.replaceChildren();
    showAlert(out, e.message);
  }
}

function fillProducts() {
  const lot = (cat.lots || []).find((l) => l.code === $('contract-perceel').value);
  $('contract-product').replaceChildren(el('option', { value: '*', text: 'Het hele perceel' }),
    ...((lot && lot.products) || []).map((c) => el('option', { value: c, text: productLabel(cat, c) })));
}

(async () => {
  const user = await initPage('aanbieders');
  if (!user) return;
  role = user.role;
  try {
    cat = await catalog();
  } catch (e) {
    cat = {};
  }
  $('filter').addEventListener('input', renderProviders);
  await loadProviders();
  const agb = params().get('agb');
  if (agb) showContracts(agb);
  if (!['rsj', 'beheerder'].includes(user.role)) return;

  const fa = $('form-aanbieder');
  const va = attachValidation(fa, setFieldError);
  fa.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(fa);
    if (!va()) return;
    const body = { agb: $('nieuw-agb').value.trim(), name: $('nieuw-naam').value.trim(), kind: $('nieuw-soort').value };
    try {
      await post('/api/v1/providers', body);
      fa.reset();
      showAlert(fa, `Aanbieder ${body.name} (${body.agb}) is toegevoegd.`, 'success');
      await loadProviders();
      showContracts(body.agb);
    } catch (err) {
      showError(fa, err);
    }
  });

  $('contract-perceel').append(...(cat.lots || []).map((l) => el('option', { value: l.code, text: `${l.code} – ${l.name}` })));
  $('contract-perceel').addEventListener('change', fillProducts);
  fillProducts();
  const fc = $('form-contract');
  const vc = attachValidation(fc, setFieldError);
  fc.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(fc);
    if (!vc()) return;
    const body = { agb: $('contract-agb').value.trim(), lot: $('contract-perceel').value, product: $('contract-product').value, start: parseDate($('contract-start').value) };
    const end = parseDate($('contract-einde').value);
    if (end) body.end = end;
    try {
      await post('/api/v1/contracts', body);
      showAlert(fc, `Contract voor ${body.agb}, perceel ${body.lot}, ${body.product === '*' ? 'het hele perceel' : body.product} is toegevoegd.`, 'success');
      showContracts(body.agb);
    } catch (err) {
      showError(fc, err);
    }
  });
})();
