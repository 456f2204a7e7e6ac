// verwijzen.js: the referral wizard.
//  1. the youth by BSN (POST /api/v1/youths/search, the BSN in the body;
//     registering it when unknown: POST /api/v1/youths);
//  2. the referrer type and the routes GET /api/v1/referrals/routes offers it;
//  3. the details (intensity and etmalen, or hours) and the expected result:
//     POST /api/v1/referrals;
//  4. assign to a contracted provider (POST /api/v1/referrals/{id}/assignment)
//     or ask quotes (POST /api/v1/referrals/{id}/quotes).
import { get, post, findYouth, clearErrors, showError, setFieldError, showAlert } from '../api.js';
import { initPage } from '../nav.js';
import { catalog, providers, contracts, municipalityName, priceAt } from '../data.js';
import {
  el, euro, date, parseDate, attachValidation, takeBsn, REFERRER_TYPES, ROUTE_NAMES, todayIso,
} from '../format.js';

const $ = (id) => document.getElementById(id);
const state = { user: null, cat: null, youth: null, routes: null, choice: null, referral: null };

// ---- steps ----------------------------------------------------------------------

function goto(step) {
  document.querySelectorAll('section[data-step]').forEach((s) => s.classList.toggle('d-none', s.dataset.step !== String(step)));
  document.querySelectorAll('#stappen .nav-link').forEach((l) => {
    const n = Number(l.dataset.step);
    l.classList.toggle('active', n === step);
    l.classList.toggle('done', n < step);
    if (n === step) l.setAttribute('aria-current', 'step');
    else l.removeAttribute('aria-current');
  });
  const section = document.querySelector(`section[data-step="${step}"]`);
  const first = section.querySelector('input:not([type=hidden]), select, textarea');
  if (first && !first.closest('.d-none')) first.focus();
}

document.querySelectorAll('[data-back]').forEach((b) => b.addEventListener('click', () => goto(Number(b.dataset.back))));

// ---- step 1: the youth ----------------------------------------------------------

const formBsn = $('form-bsn');
const formReg = $('form-registreren');
const validBsn = attachValidation(formBsn, setFieldError);
const validReg = attachValidation(formReg, setFieldError);

async function youthFound(y) {
  state.youth = y;
  const g = await municipalityName(y.gemeente);
  $('jeugdige-samenvatting').textContent = `Jeugdige ${y.bsn}, geboren ${date(y.birth)}, gemeente ${g}.`;
  formReg.classList.add('d-none');
  goto(2);
}

formBsn.addEventListener('submit', async (e) => {
  e.preventDefault();
  clearErrors(formBsn);
  clearErrors(formReg);
  if (!validBsn()) return;
  const bsn = $('bsn').value.trim();
  try {
    await youthFound(await findYouth(bsn));
  } catch (err) {
    if (err.status === 404) {
      formReg.classList.remove('d-none');
      $('geboortedatum').focus();
    } else {
      showError(formBsn, err);
    }
  }
});

$('bsn').addEventListener('input', () => formReg.classList.add('d-none'));

formReg.addEventListener('submit', async (e) => {
  e.preventDefault();
  clearErrors(formReg);
  if (!validBsn() || !validReg()) return;
  const body = { bsn: $('bsn').value.trim(), birth: parseDate($('geboortedatum').value), gemeente: $('gemeente').value };
  try {
    await post('/api/v1/youths', body);
    await youthFound({ bsn: body.bsn, birth: body.birth, gemeente: body.gemeente });
  } catch (err) {
    showError(err.field === 'bsn' ? formBsn : formReg, err);
  }
});

// ---- step 2: referrer and route ---------------------------------------------------

const formRoute = $('form-route');
const validRoute = attachValidation(formRoute, setFieldError);

function budgetAmount(b) {
  const today = todayIso();
  const a = priceAt(b.amounts, today);
  if (a !== null) return a;
  const last = (b.amounts || [])[b.amounts.length - 1];
  return last ? last.cents : null;
}

function choiceCard(value, title, detail) {
  const id = `keuze-${value.replace(/[^a-z0-9]/gi, '-')}`;
  return el('div', { class: 'col-md-6' },
    el('label', { class: 'card card-body route-choice h-100', for: id },
      el('span', { class: 'form-check d-block mb-0' },
        el('input', { class: 'form-check-input', type: 'radio', name: 'keuze', id, value, required: true }),
        el('span', { class: 'form-check-label fw-semibold', text: title }),
        detail ? el('span', { class: 'd-block small text-muted', text: detail }) : null)));
}

async function loadRoutes(type) {
  const box = $('route-keuzes');
  box.replaceChildren();
  state.routes = null;
  $('routes-leeg').classList.toggle('d-none', !!type);
  if (!type) return;
  box.append(el('p', { class: 'text-muted', text: 'Routes laden…' }));
  let r;
  try {
    r = await get(`/api/v1/referrals/routes?referrer_type=${encodeURIComponent(type)}`);
  } catch (err) {
    box.replaceChildren();
    showError(formRoute, err);
    return;
  }
  if ($('verwijzer').value !== type) return; // changed meanwhile
  state.routes = r;
  const cat = state.cat;
  const codes = Array.isArray(r.budgets) ? r.budgets : (r.budgets === 'all' ? (cat.keuzebudgetten || []).map((b) => b.code) : []);
  const cards = [];
  for (const code of codes) {
    const b = (cat.keuzebudgetten || []).find((x) => x.code === code) || { code };
    const amount = budgetAmount(b);
    cards.push(choiceCard(`budget:${code}`, `Keuzebudget ${code}${amount !== null ? ` – ${euro(amount)}` : ''}`,
      `${b.result || ''}${b.max_months ? ` (max. ${b.max_months} maanden)` : ''}`));
  }
  if (r.quote) cards.push(choiceCard('offerte', 'Offerte aanvragen', 'Gecontracteerde aanbieders maken een plan met uren per functiegroep.'));
  if (r.verblijf) cards.push(choiceCard('verblijf', 'Wonen/verblijf', 'Een intensiteit voor een aantal etmalen.'));
  if (r.crisis) cards.push(choiceCard('crisis', 'Crisis', 'Crisisinterventie in uren, voor korte tijd.'));
  if (r.dyslexie) cards.push(choiceCard('dyslexie', 'Ernstige dyslexie', 'Dyslexiezorg in uren.'));
  const FUNDING = {
    taakgericht: 'Taakgericht: de partner wordt uit het taakbudget betaald, niet per jeugdige.',
    outputgericht: 'Outputgericht: een vaste prijs per periode of per traject.',
    inspanningsgericht: 'Inspanningsgericht: een volume in de eenheid van het product.',
  };
  for (const p of r.products || []) {
    cards.push(choiceCard(`product:${p.code}`, `${p.short_code} – ${p.name}`, FUNDING[p.funding] || ''));
  }
  box.replaceChildren(...cards);
  if (!cards.length) box.append(el('p', { class: 'text-warning', text: 'Deze verwijzer mag geen enkele route gebruiken.' }));
}

$('verwijzer').addEventListener('change', (e) => {
  clearErrors(formRoute);
  loadRoutes(e.target.value);
});

formRoute.addEventListener('submit', (e) => {
  e.preventDefault();
  clearErrors(formRoute);
  if (!validRoute()) return;
  const picked = formRoute.querySelector('input[name=keuze]:checked');
  if (!picked) {
    showAlert(formRoute, 'Kies een route.');
    return;
  }
  const [route, budget] = picked.value.split(':');
  state.choice = { route, budget: budget || '' };
  prepareDetails();
  goto(3);
});

// ---- step 3: details ----------------------------------------------------------------

const formDetails = $('form-details');
const validDetails = attachValidation(formDetails, setFieldError);

function productsOfKind(kind) {
  return (state.cat.products || []).filter((p) => p.kind === kind);
}

function prepareDetails() {
  const { route, budget } = state.choice;
  const cat = state.cat;
  const summary = $('route-samenvatting');
  const showBlock = (id, on) => $(id).classList.toggle('d-none', !on);
  showBlock('blok-intensiteit', route === 'verblijf');
  const generic = route === 'product' ? (cat.products || []).find((p) => p.code === budget) || {} : null;
  const genericVolume = !!generic && generic.funding === 'inspanningsgericht';
  showBlock('blok-volume', ['verblijf', 'crisis', 'dyslexie'].includes(route) || genericVolume);
  const type = REFERRER_TYPES.find(([c]) => c === $('verwijzer').value);
  const who = type ? type[1] : '';
  if (route === 'budget') {
    const b = (cat.keuzebudgetten || []).find((x) => x.code === budget) || {};
    const amount = budgetAmount(b);
    summary.textContent = `${who}: keuzebudget ${budget}${amount !== null ? ` (${euro(amount)}` : ''}${b.max_months ? `, max. ${b.max_months} maanden)` : amount !== null ? ')' : ''}. ${b.result || ''}`;
    if (!$('resultaat').value) $('resultaat').placeholder = b.result || '';
  } else if (route === 'product') {
    summary.textContent = `${who}: ${generic.short_code || budget} – ${generic.name || ''} (${generic.funding || ''}).`;
    if (genericVolume) $('volume-label').textContent = `Volume (${(generic.unit_name || generic.unit || '').toString()})`;
  } else if (route === 'offerte') {
    summary.textContent = `${who}: offerte. Na het vastleggen kiest u de aanbieders die een offerte maken.`;
  } else {
    summary.textContent = `${who}: ${ROUTE_NAMES[route].toLowerCase()}.`;
  }
  if (route === 'verblijf') {
    const sel = $('intensiteit');
    sel.replaceChildren(el('option', { value: '', text: 'Kies…' }),
      ...productsOfKind('intensiteit').map((p) => el('option', { value: p.code, text: `${p.short_code} – ${p.name}${p.form ? ` (${p.form})` : ''}` })));
    $('volume-label').textContent = 'Aantal etmalen';
  } else if (route === 'crisis' || route === 'dyslexie') {
    $('volume-label').textContent = 'Aantal uren';
  }
}

function detailsProduct() {
  const { route } = state.choice;
  if (route === 'verblijf') return $('intensiteit').value;
  if (route === 'crisis') return (productsOfKind('crisis')[0] || {}).code || '';
  if (route === 'dyslexie') return (productsOfKind('dyslexie')[0] || {}).code || '';
  if (route === 'product') return state.choice.budget;
  return '';
}

formDetails.addEventListener('submit', async (e) => {
  e.preventDefault();
  clearErrors(formDetails);
  if (!validDetails()) return;
  const { route, budget } = state.choice;
  const body = {
    bsn: state.youth.bsn,
    referrer_type: $('verwijzer').value,
    referrer_name: $('verwijzer-naam').value.trim(),
    route,
    result: $('resultaat').value.trim(),
  };
  if (route === 'budget') body.budget = budget;
  const product = detailsProduct();
  if (product) body.product = product;
  if (['verblijf', 'crisis', 'dyslexie'].includes(route) || !$('blok-volume').classList.contains('d-none')) {
    body.volume = Number($('volume').value);
  }
  const d = parseDate($('verwijsdatum').value);
  if (d) body.date = d;
  const button = $('vastleggen');
  button.disabled = true;
  try {
    const r = await post('/api/v1/referrals', body);
    state.referral = { id: r.id !== undefined ? r.id : r.referral, ...body, date: d || '' };
    await prepareStep4();
    goto(4);
  } catch (err) {
    showError(formDetails, err);
  } finally {
    button.disabled = false;
  }
});

// ---- step 4: assign or ask quotes ------------------------------------------------------

const formAssign = $('form-toewijzen');
const formQuote = $('form-offerte');
const validAssign = attachValidation(formAssign, setFieldError);
let allProviders = [];
let allContracts = [];

// productsFor: the contract products that make a provider fit the referral.
function productsFor(route, product) {
  if (route === 'budget' || route === 'offerte') return productsOfKind('functiegroep').map((p) => p.code);
  const p = (state.cat.products || []).find((x) => x.code === product || x.short_code === product);
  return p ? [p.code] : [product];
}

function contractedProviders(route, product, onIso) {
  const wanted = new Set(productsFor(route, product));
  const lots = new Set((state.cat.lots || []).filter((l) => (l.products || []).some((p) => wanted.has(p))).map((l) => l.code));
  const ok = new Set();
  for (const c of allContracts) {
    const covers = wanted.has(c.product) || (c.product === '*' && lots.has(c.lot));
    const valid = !onIso || ((!c.start || c.start <= onIso) && (!c.end || onIso <= c.end));
    if (covers && valid) ok.add(c.agb);
  }
  return allProviders.filter((p) => ok.has(p.agb));
}

function fillProviderSelect() {
  const { route } = state.choice;
  const start = parseDate($('start').value);
  const list = contractedProviders(route, state.referral.product, start);
  const sel = $('aanbieder');
  const keep = sel.value;
  sel.replaceChildren(el('option', { value: '', text: list.length ? 'Kies een aanbieder…' : 'Geen gecontracteerde aanbieder' }),
    ...list.map((p) => el('option', { value: p.agb, text: `${p.name} (${p.agb})` })));
  if (list.some((p) => p.agb === keep)) sel.value = keep;
  $('aanbieder-hulp').textContent = `${list.length} aanbieder(s) gecontracteerd voor dit product${start ? ` op ${date(start)}` : ''}.`;
}

function fillQuoteProviders() {
  const list = contractedProviders('offerte', '', null);
  const box = $('offerte-aanbieders');
  box.replaceChildren(...list.map((p) => {
    const id = `offerte-agb-${p.agb}`;
    return el('div', { class: 'col' }, el('div', { class: 'form-check' },
      el('input', { class: 'form-check-input', type: 'checkbox', name: 'agbs', value: p.agb, id }),
      el('label', { class: 'form-check-label', for: id, text: `${p.name} (${p.agb})` })));
  }));
  if (!list.length) box.append(el('p', { class: 'text-warning', text: 'Geen aanbieder is gecontracteerd voor ambulante jeugdhulp.' }));
}

$('offerte-filter').addEventListener('input', (e) => {
  const q = e.target.value.trim().toLowerCase();
  $('offerte-aanbieders').querySelectorAll('.col').forEach((c) => c.classList.toggle('d-none', !!q && !c.textContent.toLowerCase().includes(q)));
});

async function prepareStep4() {
  const r = state.referral;
  $('verwijzing-vastgelegd').replaceChildren(el('div', { class: 'alert alert-success', role: 'status' },
    `Verwijzing ${r.id} is vastgelegd (${ROUTE_NAMES[r.route]}${r.budget ? ` ${r.budget}` : ''}${r.product ? ` ${r.product}` : ''}).`));
  try {
    [allProviders, allContracts] = await Promise.all([providers(), contracts()]);
  } catch (err) {
    showAlert($('verwijzing-vastgelegd'), err.message);
  }
  const quote = r.route === 'offerte';
  formAssign.classList.toggle('d-none', quote);
  formQuote.classList.toggle('d-none', !quote);
  if (quote) fillQuoteProviders();
  else fillProviderSelect();
}

$('start').addEventListener('change', () => fillProviderSelect());
$('start').addEventListener('input', () => { if (parseDate($('start').value)) fillProviderSelect(); });

formAssign.addEventListener('submit', async (e) => {
  e.preventDefault();
  clearErrors(formAssign);
  if (!validAssign()) return;
  const body = { agb: $('aanbieder').value, start: parseDate($('start').value) };
  const end = parseDate($('einde').value);
  if (end) body.end = end;
  const button = $('toewijzen');
  button.disabled = true;
  try {
    const a = await post(`/api/v1/referrals/${encodeURIComponent(state.referral.id)}/assignment`, body);
    const number = a.number || (a.assignment && a.assignment.number) || '';
    formAssign.classList.add('d-none');
    $('klaar').replaceChildren(el('div', { class: 'alert alert-success', role: 'status' },
      el('strong', { text: 'Toegewezen. ' }),
      `Toewijzing ${number} aan ${$('aanbieder').selectedOptions[0] ? $('aanbieder').selectedOptions[0].textContent : body.agb}${a.end ? `, ${date(a.start)} t/m ${date(a.end)}` : ''}${a.budget_cents ? `, budget ${euro(a.budget_cents)}` : ''}. `,
      el('a', { href: `toewijzing.html?nummer=${encodeURIComponent(number)}`, class: 'alert-link', id: 'naar-toewijzing', text: 'Toewijzing bekijken' }),
      ' · ',
      el('a', { href: 'verwijzen.html', class: 'alert-link', text: 'Nieuwe verwijzing' })));
  } catch (err) {
    showError(formAssign, err);
    button.disabled = false;
  }
});

formQuote.addEventListener('submit', async (e) => {
  e.preventDefault();
  clearErrors(formQuote);
  const agbs = [...formQuote.querySelectorAll('input[name=agbs]:checked')].map((i) => i.value);
  if (!agbs.length) {
    showAlert(formQuote, 'Kies ten minste één aanbieder.');
    return;
  }
  const button = $('offertes-aanvragen');
  button.disabled = true;
  try {
    const res = await post(`/api/v1/referrals/${encodeURIComponent(state.referral.id)}/quotes`, { agbs });
    const quotes = Array.isArray(res) ? res : res.items || res.quotes || [];
    formQuote.classList.add('d-none');
    $('klaar').replaceChildren(el('div', { class: 'alert alert-success', role: 'status' },
      el('strong', { text: 'Offertes aangevraagd. ' }),
      `${quotes.length || agbs.length} aanbieder(s) gevraagd. `,
      el('a', { href: `offertes.html?verwijzing=${encodeURIComponent(state.referral.id)}`, class: 'alert-link', text: 'Offertes bekijken' })));
  } catch (err) {
    showError(formQuote, err);
    button.disabled = false;
  }
});

// ---- start ----------------------------------------------------------------------------

(async () => {
  state.user = await initPage('verwijzen');
  if (!state.user) return;
  try {
    state.cat = await catalog();
  } catch (err) {
    showAlert(formBsn, err.message);
    return;
  }
  const sel = $('gemeente');
  const ms = (state.cat.municipalities || []).filter((m) => !state.user.gemeente || m.cbs === state.user.gemeente);
  sel.replaceChildren(...(ms.length > 1 ? [el('option', { value: '', text: 'Kies…' })] : []),
    ...ms.map((m) => el('option', { value: m.cbs, text: `${m.name} (${m.cbs})` })));
  $('verwijzer').append(...REFERRER_TYPES.map(([c, n]) => el('option', { value: c, text: `${c} – ${n}` })));
  const bsn = takeBsn();
  if (bsn) {
    $('bsn').value = bsn;
    formBsn.requestSubmit();
  }
})();
