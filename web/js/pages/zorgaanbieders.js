// zorgaanbieders.js: the provider directory for referrers (smoelenboek):
// the contracted providers, their offer, municipalities, contact details
// and reported waiting time, searchable by product, municipality and name.
// Logged in it reads GET /api/v1/directory/providers with the navigation of
// the role; without a session the public GET /api/v1/public/providers and
// the public catalog (GET /api/v1/public/catalog): the same answers,
// without personal data.
import { get, getAll, session, showAlert } from '../api.js';
import { initPage } from '../nav.js';
import { catalog } from '../data.js';
import { el, table, date, params } from '../format.js';

const $ = (id) => document.getElementById(id);
let cat = { municipalities: [], products: [], budgets: [] };
let base = '/api/v1/public/providers';
let role = '';


function publicHeader() {
  $('site-nav').replaceChildren(el('nav', { class: 'navbar navbar-dark bg-primary', 'aria-label': 'Hoofdnavigatie' },
    el('div', { class: 'container-fluid' },
      el('span', { class: 'navbar-brand', text: `jeugdregio · ${cat.organisation || cat.region || ''}` }),
      el('a', { class: 'btn btn-outline-light btn-sm', href: 'login.html', id: 'inloggen', text: 'Inloggen' }))));
}

function fillFilters() {
  const prod = $('zoek-product');
  prod.replaceChildren(el('option', { value: '', text: 'Alle producten' }),
    el('optgroup', { label: 'Soort' },
      el('option', { value: 'ambulant', text: 'Ambulant (alle keuzebudgetten)' }),
      el('option', { value: 'wonen', text: 'Wonen/verblijf' }),
      el('option', { value: 'crisis', text: 'Crisis' }),
      el('option', { value: 'dyslexie', text: 'Ernstige dyslexie' })),
    el('optgroup', { label: 'Keuzebudget' }, (cat.budgets || []).map((b) => el('option', { value: b.code, text: `${b.code} – ${b.result || ''}` }))),
    el('optgroup', { label: 'Product' }, (cat.products || []).map((p) => el('option', { value: p.short_code || p.code, text: `${p.short_code || p.code} – ${p.name}` }))));
  $('zoek-gemeente').replaceChildren(el('option', { value: '', text: 'Alle gemeenten' }),
    ...(cat.municipalities || []).map((m) => el('option', { value: m.cbs, text: m.name })));
}

function gemeenteName(cbs) {
  const m = (cat.municipalities || []).find((x) => x.cbs === cbs);
  return m ? m.name : cbs;
}

function offer(x) {
  const kinds = [];
  if (x.keuzebudget) kinds.push('keuzebudgetten (ambulant)');
  if (x.wonen) kinds.push('wonen/verblijf');
  if (x.crisis) kinds.push('crisis');
  if (x.dyslexie) kinds.push('dyslexie');
  return el('div', {}, el('div', { text: kinds.join(', ') }),
    el('div', { class: 'small text-muted js-producten', text: (x.products || []).join(' ') }));
}

function contact(c) {
  if (!c) return el('span', { class: 'text-muted', text: 'onbekend' });
  const lines = [];
  if (c.address) lines.push(el('div', { text: `${c.address}, ${c.postcode} ${c.place}` }));
  if (c.phone) lines.push(el('div', {}, el('a', { href: `tel:${c.phone.replace(/[^+\d]/g, '')}`, text: c.phone })));
  if (c.email) lines.push(el('div', {}, el('a', { href: `mailto:${c.email}`, text: c.email })));
  if (c.website && /^https?:\/\//.test(c.website)) lines.push(el('div', {}, el('a', { href: c.website, rel: 'noopener', target: '_blank', text: c.website.replace(/^https?:\/\//, '') })));
  return el('div', { class: 'small' }, lines);
}

async function search(e) {
  if (e) e.preventDefault();
  const out = $('resultaat');
  const q = { product: $('zoek-product').value, gemeente: $('zoek-gemeente').value, name: $('zoek-naam').value.trim() };
  history.replaceState(null, '', `?${new URLSearchParams(Object.entries(q).filter(([, v]) => v))}`);
  out.replaceChildren(el('p', { class: 'text-muted', text: 'Zoeken…' }));
  try {
    const rows = await getAll(base, q);
    const mayOpen = ['rsj', 'beheerder'].includes(role);
    out.replaceChildren(el('p', { class: 'small text-muted', id: 'aantal', text: `${rows.length} aanbieders gevonden.` }),
      rows.length ? table([
        { label: 'Aanbieder', value: (x) => el('div', {},
          mayOpen ? el('a', { href: `aanbiedersdossier.html?agb=${x.agb}`, class: 'fw-semibold', text: x.name }) : el('span', { class: 'fw-semibold', text: x.name }),
          el('div', { class: 'small text-muted mono', text: `AGB ${x.agb}` })) },
        { label: 'Aanbod', value: offer },
        { label: 'Gemeenten', value: (x) => (x.all_gemeenten ? 'alle gemeenten van de regio' : (x.gemeenten || []).map(gemeenteName).join(', ')) },
        { label: 'Contact', value: (x) => contact(x.contact) },
        { label: 'Wachttijd', class: 'text-nowrap', value: (x) => (x.waiting ? el('span', {}, `${x.waiting.weeks} ${x.waiting.weeks === 1 ? 'week' : 'weken'}`, el('div', { class: 'small text-muted', text: `gemeld ${date(x.waiting.reported_on)}` })) : el('span', { class: 'text-muted', text: 'niet gemeld' })) },
      ], rows, { caption: 'Gecontracteerde zorgaanbieders', class: 'js-overzicht' })
        : el('p', { class: 'text-muted', text: 'Geen aanbieders gevonden met deze filters.' }));
  } catch (err) {
    out.replaceChildren();
    showAlert(out, err.message);
  }
}

(async () => {
  let s = null;
  try {
    s = await session();
  } catch (e) {
    s = null;
  }
  if (s && s.user) {
    const user = await initPage('zorgaanbieders');
    if (!user) return;
    role = user.role;
    base = '/api/v1/directory/providers';
    try {
      cat = await catalog();
    } catch (e) {
      showAlert($('resultaat'), e.message);
    }
  } else {
    try {
      cat = await get('/api/v1/public/catalog', { noRedirect: true });
    } catch (e) {
      showAlert($('resultaat'), e.message);
    }
    publicHeader();
  }
  fillFilters();
  const p = params();
  if (p.get('product')) $('zoek-product').value = p.get('product');
  if (p.get('gemeente')) $('zoek-gemeente').value = p.get('gemeente');
  if (p.get('name')) $('zoek-naam').value = p.get('name');
  $('form-zoek').addEventListener('submit', search);
  search();
})();
