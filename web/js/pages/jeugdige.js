// jeugdige.js: search a youth by BSN (POST /api/v1/youths/search, the BSN
// in the body) and show the file by the youth's id (GET
// /api/v1/youths/{id}): the youth, referrals, and assignments with their
// budget ledger. The page's address holds the id (?id=), never the BSN; a
// BSN handed over by another page (takeBsn) is searched at once.
import { get, getAll, findYouth, clearErrors, showError, setFieldError, showAlert } from '../api.js';
import { initPage } from '../nav.js';
import { catalog, providerMap, municipalityName, productLabel } from '../data.js';
import { el, table, euro, date, badge, ledgerBar, attachValidation, params, referrerName, ROUTE_NAMES, pick, bsnLink, takeBsn } from '../format.js';

const form = document.getElementById('zoek-form');
const out = document.getElementById('resultaat');
let user = null;

function section(title, ...children) {
  return el('section', { class: 'mb-4' }, el('h2', { class: 'h4', text: title }), ...children);
}

// search: the youth with this BSN, then its file; the address gets the id.
async function search(bsn) {
  out.replaceChildren(el('p', { class: 'text-muted', text: 'Zoeken…' }));
  let youth;
  try {
    youth = await findYouth(bsn);
  } catch (e) {
    notFound(e, bsn);
    return;
  }
  history.replaceState(null, '', `?id=${encodeURIComponent(youth.id)}`);
  show(youth.id, bsn);
}

// notFound: the failure of a search or a file: not found (with a way to
// register when the role may), or the error at the form.
function notFound(e, bsn) {
  out.replaceChildren();
  if (e.status !== 404) {
    showError(form, e);
    return;
  }
  const msg = el('div', {}, el('strong', { text: 'Jeugdige niet gevonden. ' }), e.message && e.message !== 'Niet gevonden.' ? e.message : '');
  if (bsn && ['toegang', 'beheerder'].includes(user.role)) {
    msg.append(' ', bsnLink('verwijzen.html', bsn, { class: 'alert-link', text: 'Registreren en verwijzen' }));
  }
  showAlert(out, msg, 'warning');
}

async function show(id, bsn) {
  out.replaceChildren(el('p', { class: 'text-muted', text: 'Laden…' }));
  let file;
  try {
    file = await get(`/api/v1/youths/${encodeURIComponent(id)}`);
  } catch (e) {
    notFound(e, bsn);
    return;
  }
  const [cat, pm, gemeente] = await Promise.all([catalog().catch(() => ({})), providerMap(), municipalityName(file.youth && file.youth.gemeente)]);
  const y = file.youth || {};
  // the full assignments with their ledger (the file may hold a summary)
  let assignments = file.assignments || [];
  if (assignments.some((a) => !a.ledger)) {
    try {
      const full = await getAll('/api/v1/assignments', { youth: id });
      if (full.length) assignments = full;
    } catch (e) {
      /* keep the summary */
    }
  }
  const card = el('div', { class: 'card mb-4' }, el('div', { class: 'card-body' },
    el('h2', { class: 'h4 card-title', text: `Jeugdige ${y.bsn || ''}` }),
    el('dl', { class: 'row mb-0' },
      el('dt', { class: 'col-sm-3', text: 'BSN' }), el('dd', { class: 'col-sm-9 mono', text: y.bsn || '' }),
      el('dt', { class: 'col-sm-3', text: 'Geboortedatum' }), el('dd', { class: 'col-sm-9', text: date(y.birth) }),
      el('dt', { class: 'col-sm-3', text: 'Gemeente' }), el('dd', { class: 'col-sm-9', text: gemeente })),
    ['toegang', 'beheerder'].includes(user.role)
      ? bsnLink('verwijzen.html', y.bsn, { class: 'btn btn-outline-primary btn-sm mt-3', text: 'Nieuwe verwijzing' })
      : null));

  const referrals = file.referrals || [];
  const refTable = referrals.length
    ? table([
      { label: 'Nr.', value: (r) => String(r.id) },
      { label: 'Datum', value: (r) => date(r.date), class: 'nowrap' },
      { label: 'Verwijzer', value: (r) => {
        const type = referrerName(r.referrer_type);
        const name = (r.referrer_name || '').trim();
        return name && name.toLowerCase() !== type.toLowerCase() ? `${type} – ${name}` : type;
      } },
      { label: 'Route', value: (r) => ROUTE_NAMES[r.route] || r.route },
      { label: 'Budget/product', value: (r) => {
        const what = pick(r, 'budget', 'product') || '';
        const lbl = r.route === 'budget' ? what : productLabel(cat, what);
        return r.volume ? `${lbl} × ${r.volume}` : lbl;
      } },
      { label: 'Beoogd resultaat', value: (r) => r.result || '' },
      { label: 'Status', value: (r) => badge(r.status) },
      { label: '', value: (r) => (r.status === 'open' && r.route === 'offerte'
        ? el('a', { href: `offertes.html?verwijzing=${encodeURIComponent(r.id)}`, text: 'Offertes' }) : '') },
    ], referrals, { caption: 'Verwijzingen' })
    : el('p', { class: 'text-muted', text: 'Geen verwijzingen.' });

  const assTable = assignments.length
    ? table([
      { label: 'Toewijzing', value: (a) => el('a', { href: `toewijzing.html?nummer=${encodeURIComponent(a.number)}`, text: a.number }) },
      { label: 'Aanbieder', value: (a) => { const p = pm.get(a.agb); return p ? `${p.name} (${a.agb})` : a.agb; } },
      { label: 'Product', value: (a) => (a.is_budget || a.product === 'budget' || !a.product ? 'Ambulant budget' : productLabel(cat, a.product)) },
      { label: 'Looptijd', value: (a) => `${date(a.start)} t/m ${date(a.end)}`, class: 'nowrap' },
      { label: 'Status', value: (a) => badge(a.status) },
      { label: 'Budget', value: (a) => (a.ledger ? ledgerBar(a.ledger, { small: true }) : euro(a.granted_cents)) },
      { label: 'Resterend', value: (a) => (a.ledger ? euro(a.ledger.remaining_cents) : ''), class: 'amount' },
    ], assignments, { caption: 'Toewijzingen' })
    : el('p', { class: 'text-muted', text: 'Geen toewijzingen.' });

  out.replaceChildren(card, section('Verwijzingen', refTable), section('Toewijzingen', assTable));
}

const validate = attachValidation(form, setFieldError);
form.addEventListener('submit', (e) => {
  e.preventDefault();
  clearErrors(form);
  if (!validate()) return;
  search(form.querySelector('#bsn').value.trim());
});

(async () => {
  user = await initPage('jeugdige');
  if (!user) return;
  const bsn = takeBsn();
  const id = params().get('id');
  if (bsn) {
    form.querySelector('#bsn').value = bsn;
    if (validate()) search(bsn);
  } else if (id && /^[0-9]+$/.test(id)) {
    show(id, '');
  }
})();
