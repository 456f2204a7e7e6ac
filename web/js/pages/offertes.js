// offertes.js: the quotes. A list (GET /api/v1/quotes); one quote (?id=) with
// the provider's answer form (hours per functiegroep and months, the total
// computed live from the catalog tariffs) and the municipality's accept or
// reject (with a reason).
import { get, post, getAll, clearErrors, showError, setFieldError, showAlert } from '../api.js';
import { initPage } from '../nav.js';
import { catalog, providerMap, productByCode, priceAt } from '../data.js';
import {
  el, table, euro, date, badge, attachValidation, params, parseDate, parseHours, centiHours, lineAmount,
  ROUTE_NAMES, referrerName, pick,
} from '../format.js';

const $ = (id) => document.getElementById(id);
let user = null;
let cat = null;

// ---- list ---------------------------------------------------------------------------

async function loadList() {
  const out = $('lijst');
  const form = $('form-filter');
  out.replaceChildren(el('p', { class: 'text-muted', text: 'Laden…' }));
  try {
    const [items, pm] = await Promise.all([
      getAll('/api/v1/quotes', { referral: $('filter-verwijzing').value.trim(), agb: $('filter-agb').value.trim() }, 2000),
      providerMap(),
    ]);
    const status = $('filter-status').value;
    const rows = items.filter((q) => !status || q.status === status).sort((a, b) => Number(b.id) - Number(a.id));
    if (!rows.length) {
      out.replaceChildren(el('p', { class: 'text-muted', text: 'Geen offertes gevonden.' }));
      return;
    }
    out.replaceChildren(el('p', { class: 'small text-muted', text: `${rows.length} offerte(s).` }), table([
      { label: 'Offerte', value: (q) => el('a', { href: `offertes.html?id=${encodeURIComponent(q.id)}`, text: `#${q.id}` }) },
      { label: 'Verwijzing', value: (q) => String(pick(q, 'referral', 'referral_id') || '') },
      { label: 'Aanbieder', value: (q) => { const p = pm.get(q.agb); return p ? `${p.name} (${q.agb})` : q.agb; } },
      { label: 'Status', value: (q) => badge(q.status) },
      { label: 'Aangevraagd', value: (q) => date(q.requested), class: 'nowrap' },
      { label: 'Beantwoord', value: (q) => date(q.answered), class: 'nowrap' },
      { label: 'Maanden', value: (q) => (q.months ? String(q.months) : ''), class: 'amount' },
      { label: 'Totaal', value: (q) => (q.total_cents ? euro(q.total_cents) : ''), class: 'amount' },
      { label: 'Toewijzing', value: (q) => (q.assignment ? el('a', { href: `toewijzing.html?nummer=${encodeURIComponent(q.assignment)}`, text: q.assignment }) : '') },
    ], rows, { caption: 'Offertes' }));
  } catch (e) {
    out.replaceChildren();
    showError(form, e);
  }
}

// ---- one quote -------------------------------------------------------------------------

let tariffDate = '';

function functiegroepen() {
  return (cat.products || []).filter((p) => p.kind === 'functiegroep');
}

function recompute() {
  let total = 0;
  let complete = true;
  $('regels').querySelectorAll('tr').forEach((tr) => {
    const p = productByCode(cat, tr.querySelector('select').value);
    const hours = parseHours(tr.querySelector('input').value);
    const tariff = p ? priceAt(p.tariffs, tariffDate) : null;
    tr.querySelector('.js-tarief').textContent = tariff !== null ? euro(tariff) : '';
    if (tariff !== null && hours !== null) {
      const amount = lineAmount(centiHours(hours), tariff);
      tr.querySelector('.js-bedrag').textContent = euro(amount);
      total += amount;
    } else {
      tr.querySelector('.js-bedrag').textContent = '';
      if (tr.querySelector('input').value.trim()) complete = false;
    }
  });
  $('totaal').textContent = euro(total) + (complete ? '' : ' (onvolledig)');
}

let lineSeq = 0;
function addLine(code = '', hours = '') {
  const n = ++lineSeq;
  const sel = el('select', { class: 'form-select form-select-sm', id: `fg-${n}`, name: `functiegroep-${n}`, 'data-field': 'functiegroep', required: true },
    el('option', { value: '', text: 'Kies…' }),
    ...functiegroepen().map((p) => el('option', { value: p.short_code, text: `${p.short_code} – ${p.name}` })));
  sel.value = code;
  const input = el('input', { class: 'form-control form-control-sm', id: `uren-${n}`, name: `uren-${n}`, 'data-field': 'uren', inputmode: 'decimal', 'data-validate': 'hours', required: true, value: hours });
  const remove = el('button', { type: 'button', class: 'btn btn-link btn-sm text-danger', text: 'Verwijderen', 'aria-label': `Regel ${n} verwijderen` });
  const tr = el('tr', {},
    el('td', {}, el('label', { class: 'visually-hidden', for: `fg-${n}`, text: `Functiegroep regel ${n}` }), sel),
    el('td', {}, el('label', { class: 'visually-hidden', for: `uren-${n}`, text: `Uren regel ${n}` }), input),
    el('td', { class: 'amount js-tarief' }),
    el('td', { class: 'amount js-bedrag' }),
    el('td', {}, remove));
  remove.addEventListener('click', () => {
    if ($('regels').children.length > 1) tr.remove();
    recompute();
  });
  $('regels').append(tr);
  recompute();
  return tr;
}

function dlRow(dl, label, value) {
  dl.append(el('dt', { class: 'col-sm-3', text: label }), el('dd', { class: 'col-sm-9' }, value === undefined || value === null || value === '' ? '–' : value));
}

async function showQuote(id, message) {
  const box = $('offerte-detail');
  box.classList.remove('d-none');
  const melding = $('detail-melding');
  let q;
  try {
    q = await get(`/api/v1/quotes/${encodeURIComponent(id)}`);
    q = q.quote || q;
  } catch (e) {
    $('detail-titel').textContent = `Offerte #${id}`;
    $('detail-gegevens').replaceChildren();
    showAlert(melding, e.status === 404 ? `Offerte #${id} niet gevonden.` : e.message, e.status === 404 ? 'warning' : 'danger');
    return;
  }
  let ref = null;
  const refId = pick(q, 'referral', 'referral_id');
  if (refId && user.role !== 'aanbieder') {
    try {
      ref = await get(`/api/v1/referrals/${encodeURIComponent(refId)}`);
      ref = ref.referral || ref;
    } catch (e) {
      ref = null;
    }
  }
  const pm = await providerMap();
  $('detail-titel').textContent = `Offerte #${q.id}`;
  $('detail-status').replaceChildren(badge(q.status));
  showAlert(melding, message || '', 'success');
  const dl = $('detail-gegevens');
  dl.replaceChildren();
  const p = pm.get(q.agb);
  dlRow(dl, 'Verwijzing', ref ? `${refId} – ${referrerName(pick(ref, 'referrer_type'))}, ${ROUTE_NAMES[ref.route] || ref.route}, ${date(ref.date)}` : String(refId || ''));
  if (ref && ref.bsn) dlRow(dl, 'Jeugdige (BSN)', ref.bsn);
  if (ref && ref.result) dlRow(dl, 'Beoogd resultaat', ref.result);
  dlRow(dl, 'Aanbieder', p ? `${p.name} (${q.agb})` : q.agb);
  dlRow(dl, 'Aangevraagd', date(q.requested));
  dlRow(dl, 'Beantwoord', date(q.answered));
  if (q.months) dlRow(dl, 'Duur', `${q.months} maanden`);
  if (q.total_cents) dlRow(dl, 'Totaal', euro(q.total_cents));
  if (q.plan) dlRow(dl, 'Plan', el('span', { class: 'pre-line', text: q.plan }));
  if (q.reason) dlRow(dl, 'Reden afwijzing', q.reason);
  if (q.assignment) dlRow(dl, 'Toewijzing', el('a', { href: `toewijzing.html?nummer=${encodeURIComponent(q.assignment)}`, text: q.assignment }));
  const lines = q.lines || [];
  $('detail-regels').replaceChildren(lines.length ? table([
    { label: 'Functiegroep', value: (l) => l.product || '' },
    { label: 'Uren', value: (l) => String(pick(l, 'hours') ?? (l.centi_hours !== undefined ? l.centi_hours / 100 : '')).replace('.', ','), class: 'amount' },
    { label: 'Tarief', value: (l) => euro(pick(l, 'tariff_cents', 'tariff')), class: 'amount' },
    { label: 'Bedrag', value: (l) => euro(pick(l, 'amount_cents', 'amount')), class: 'amount' },
  ], lines, { caption: 'Regels van de offerte' }) : '');

  // the provider answers an open request
  const answer = user.role === 'aanbieder' && q.status === 'aangevraagd';
  $('form-antwoord').classList.toggle('d-none', !answer);
  if (answer) {
    // the server prices a quote at the tariffs on the referral's date; a
    // provider may not read the referral, so without q.referral_date the
    // request date stands in (the answer then shows the server's total)
    tariffDate = q.referral_date || (ref && ref.date) || q.requested || '';
    $('tariefdatum').textContent = `${date(tariffDate)} (${q.referral_date || (ref && ref.date) ? 'de datum van de verwijzing' : 'de datum van de aanvraag'})`;
    if (!$('regels').children.length) addLine();
  }
  // the municipality accepts or rejects
  const judge = ['toegang', 'beheerder'].includes(user.role) && ['aangevraagd', 'beantwoord'].includes(q.status);
  $('beoordelen').classList.toggle('d-none', !judge);
  $('form-accepteren').classList.toggle('d-none', q.status !== 'beantwoord');
}

function wire(id) {
  const fa = $('form-antwoord');
  const va = attachValidation(fa, setFieldError);
  fa.addEventListener('input', recompute);
  fa.addEventListener('change', recompute);
  $('regel-toevoegen').addEventListener('click', () => addLine().querySelector('select').focus());
  fa.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(fa);
    if (!va()) return;
    const lines = [...$('regels').querySelectorAll('tr')].map((tr) => ({ product: tr.querySelector('select').value, hours: parseHours(tr.querySelector('input').value) }));
    const seen = new Set();
    for (const [i, l] of lines.entries()) {
      if (seen.has(l.product)) {
        setFieldError($('regels').querySelectorAll('select')[i], 'Deze functiegroep staat al in de offerte.');
        return;
      }
      seen.add(l.product);
    }
    const body = { lines, months: Number($('maanden').value), plan: $('plan').value.trim() };
    const b = $('offerte-versturen');
    b.disabled = true;
    try {
      const estimate = $('totaal').textContent;
      const r = await post(`/api/v1/quotes/${encodeURIComponent(id)}/answer`, body);
      const total = r && pick(r, 'total_cents', 'total');
      const differs = total !== undefined && euro(total) !== estimate;
      await showQuote(id, `Offerte verstuurd${total !== undefined ? `: totaal ${euro(total)}` : ''}.${differs
        ? ` De gemeente rekent met de tarieven op de datum van de verwijzing (geschat was ${estimate}).` : ''}`);
      loadList();
    } catch (err) {
      showError(fa, err);
    } finally {
      b.disabled = false;
    }
  });

  const fAcc = $('form-accepteren');
  const vAcc = attachValidation(fAcc, setFieldError);
  fAcc.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(fAcc);
    if (!vAcc()) return;
    try {
      const a = await post(`/api/v1/quotes/${encodeURIComponent(id)}/accept`, { start: parseDate($('accepteer-start').value) });
      const nr = a && (a.number || (a.assignment && a.assignment.number) || a.assignment);
      await showQuote(id, `Offerte geaccepteerd${nr ? `: toewijzing ${nr}` : ''}.`);
      loadList();
    } catch (err) {
      showError(fAcc, err);
    }
  });
  const fRej = $('form-afwijzen');
  const vRej = attachValidation(fRej, setFieldError);
  fRej.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(fRej);
    if (!vRej()) return;
    try {
      await post(`/api/v1/quotes/${encodeURIComponent(id)}/reject`, { reason: $('afwijs-reden').value.trim() });
      await showQuote(id, 'Offerte afgewezen.');
      loadList();
    } catch (err) {
      showError(fRej, err);
    }
  });
}

(async () => {
  user = await initPage('offertes');
  if (!user) return;
  try {
    cat = await catalog();
  } catch (e) {
    cat = { products: [] };
  }
  const p = params();
  if (p.get('verwijzing')) $('filter-verwijzing').value = p.get('verwijzing');
  if (p.get('status')) $('filter-status').value = p.get('status');
  const ff = $('form-filter');
  const vf = attachValidation(ff, setFieldError);
  ff.addEventListener('submit', (e) => {
    e.preventDefault();
    clearErrors(ff);
    if (vf()) loadList();
  });
  const id = p.get('id');
  if (id) {
    wire(id);
    await showQuote(id);
  }
  loadList();
})();
