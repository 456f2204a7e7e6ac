// aanbiedersdossier.js: the provider file (dossier) of contract management
// (GET /api/v1/provider-files/{agb}): contact details and waiting time
// (PUT .../details, POST .../waiting-times: rsj, beheerder and the provider
// itself), contracts with their municipalities (PUT
// /api/v1/contracts/{id}/municipalities), production from the monitor's
// figures with the provider filter (GET /api/v1/figures/volume and
// /spending?aanbieder=), continuity (GET /api/v1/continuity/accounts), the
// contract manager, escalations along the protocol (POST
// .../escalations, /api/v1/escalations/{id}/steps), complaints and notes
// (rsj and beheerder only). Without ?agb= the providers per contract
// manager (GET /api/v1/contract-managers).
import { get, post, request, getAll, clearErrors, showError, showAlert } from '../api.js';
import { initPage } from '../nav.js';
import { catalog, productLabel } from '../data.js';
import { el, table, date, euro, params, parseDate, todayIso } from '../format.js';

const $ = (id) => document.getElementById(id);
const put = (path, body) => request('PUT', path, body);
let user = null;
let cat = {};
let agb = '';
let full = false;

const gemeenteName = (cbs) => {
  const m = (cat.municipalities || []).find((x) => x.cbs === cbs);
  return m ? m.name : cbs;
};
const fmtCount = (v) => (typeof v === 'number' ? String(v) : (v || '–'));

// ---- the providers per contract manager ----

async function showList() {
  $('lijst-sectie').classList.remove('d-none');
  try {
    const rows = await getAll('/api/v1/contract-managers');
    const managers = [...new Map(rows.map((r) => [r.user, r.display_name])).entries()];
    const sel = $('lijst-cm');
    sel.replaceChildren(el('option', { value: '', text: 'Alle contractmanagers' }),
      ...managers.map(([u, n]) => el('option', { value: u, text: `${n} (${u})` })));
    if (managers.some(([u]) => u === user.name)) sel.value = user.name;
    $('lijst-agbs').replaceChildren(...rows.map((r) => el('option', { value: r.agb, text: r.provider })));
    const render = () => {
      const list = rows.filter((r) => !sel.value || r.user === sel.value);
      $('lijst').replaceChildren(el('p', { class: 'small text-muted', text: `${list.length} aanbieders.` }), table([
        { label: 'Contractmanager', value: (r) => r.display_name },
        { label: 'Aanbieder', value: (r) => el('a', { href: `?agb=${r.agb}`, text: r.provider }) },
        { label: 'AGB-code', value: (r) => el('span', { class: 'mono', text: r.agb }) },
      ], list, { caption: 'Aanbieders per contractmanager', class: 'js-cm-lijst' }));
    };
    sel.addEventListener('change', render);
    render();
  } catch (e) {
    showAlert($('lijst'), e.message);
  }
  $('form-lijst').addEventListener('submit', (e) => {
    e.preventDefault();
    const a = $('lijst-agb').value.trim();
    if (a) location.href = `?agb=${encodeURIComponent(a)}`;
  });
}

// ---- the file ----

function showContact(f) {
  const d = f.details;
  const w = f.waiting;
  $('contact').replaceChildren(el('dl', { class: 'row mb-2' },
    el('dt', { class: 'col-sm-4', text: 'Adres' }), el('dd', { class: 'col-sm-8', text: d ? `${d.address}, ${d.postcode} ${d.place}` : 'onbekend' }),
    el('dt', { class: 'col-sm-4', text: 'Telefoon' }), el('dd', { class: 'col-sm-8', text: d && d.phone ? d.phone : 'onbekend' }),
    el('dt', { class: 'col-sm-4', text: 'E-mail' }), el('dd', { class: 'col-sm-8', text: d && d.email ? d.email : 'onbekend' }),
    el('dt', { class: 'col-sm-4', text: 'Website' }), el('dd', { class: 'col-sm-8', text: d && d.website ? d.website : 'onbekend' }),
    el('dt', { class: 'col-sm-4', text: 'Wachttijd' }), el('dd', { class: 'col-sm-8', id: 'wachttijd', text: w ? `${w.weeks} ${w.weeks === 1 ? 'week' : 'weken'} (gemeld ${date(w.reported_on)})` : 'niet gemeld' })));
  if (d) {
    $('c-adres').value = d.address; $('c-postcode').value = d.postcode; $('c-plaats').value = d.place;
    $('c-telefoon').value = d.phone; $('c-email').value = d.email; $('c-website').value = d.website;
  }
}

function scopeEditor(c) {
  const box = el('div', { class: 'border rounded p-2 mt-1 d-none js-gemeenten-kiezen' });
  const checks = (cat.municipalities || []).map((m) => {
    const id = `sc-${c.id}-${m.cbs}`;
    return el('div', { class: 'form-check form-check-inline' },
      el('input', { class: 'form-check-input', type: 'checkbox', id, value: m.cbs, checked: c.gemeenten.includes(m.cbs) }),
      el('label', { class: 'form-check-label', for: id, text: m.name }));
  });
  const save = el('button', { type: 'button', class: 'btn btn-primary btn-sm ms-2', text: 'Gemeenten opslaan' });
  save.addEventListener('click', async () => {
    const gemeenten = [...box.querySelectorAll('input:checked')].map((i) => i.value);
    try {
      await put(`/api/v1/contracts/${c.id}/municipalities`, { gemeenten });
      await load();
    } catch (e) {
      showAlert(box, e.message);
    }
  });
  box.append(el('div', { class: 'small text-muted mb-1', text: 'Niets aangevinkt: alle gemeenten.' }), ...checks, save);
  return box;
}

function showContracts(list) {
  $('contracten').replaceChildren(list.length ? table([
    { label: 'Perceel', value: (c) => c.lot },
    { label: 'Product', value: (c) => productLabel(cat, c.product) },
    { label: 'Periode', class: 'text-nowrap', value: (c) => `${date(c.start)} – ${c.end ? date(c.end) : 'open'}` },
    { label: 'Gemeenten', value: (c) => {
      const text = el('span', { class: 'js-gemeenten', text: c.all_gemeenten ? 'alle gemeenten' : c.gemeenten.map(gemeenteName).join(', ') });
      if (!full) return text;
      const ed = scopeEditor(c);
      const b = el('button', { type: 'button', class: 'btn btn-link btn-sm p-0 ms-2', text: 'wijzigen', 'aria-label': `Gemeenten van contract ${c.id} wijzigen` });
      b.addEventListener('click', () => ed.classList.toggle('d-none'));
      return el('div', {}, text, b, ed);
    } },
  ], list, { caption: 'Contracten', class: 'js-contracten' }) : el('p', { class: 'text-muted', text: 'Geen contracten.' }));
}

async function showProduction() {
  const out = $('productie');
  const p = $('p-periode').value.trim();
  out.replaceChildren(el('p', { class: 'text-muted', text: 'Laden…' }));
  try {
    const q = `?period=${encodeURIComponent(p)}&aanbieder=${agb}`;
    const [vol, sp] = await Promise.all([get(`/api/v1/figures/volume${q}`), get(`/api/v1/figures/spending${q}`)]);
    const n = vol.now || {};
    const s = sp.spending || {};
    out.replaceChildren(el('dl', { class: 'row', id: 'productie-cijfers' },
      el('dt', { class: 'col-sm-6', text: 'Jeugdigen in zorg' }), el('dd', { class: 'col-sm-6', text: fmtCount(n.youths) }),
      el('dt', { class: 'col-sm-6', text: 'Trajecten gestart / beëindigd' }), el('dd', { class: 'col-sm-6', text: `${fmtCount(n.started)} / ${fmtCount(n.ended)}` }),
      el('dt', { class: 'col-sm-6', text: 'Uitgaven (geaccepteerd)' }), el('dd', { class: 'col-sm-6', text: euro(s.cents) }),
      el('dt', { class: 'col-sm-6', text: 'Een jaar eerder' }), el('dd', { class: 'col-sm-6', text: euro(s.prev_cents) })),
    table([
      { label: 'Voorziening', value: (x) => x.name },
      { label: p, class: 'amount', value: (x) => euro(x.cents) },
    ], s.by_voorziening || [], { caption: 'Uitgaven per voorziening' }),
    el('p', { class: 'small text-muted' }, 'Uit de monitor met het filter op deze aanbieder; ', el('a', { href: `monitor.html?aanbieder=${agb}`, text: 'open de monitor' }), '.'));
  } catch (e) {
    out.replaceChildren();
    showAlert(out, e.message);
  }
}

async function showContinuity() {
  const out = $('continuiteit');
  try {
    const rows = await getAll('/api/v1/continuity/accounts', { agb });
    const money = (v) => (v === null || v === undefined ? 'onbekend' : euro(v));
    out.replaceChildren(rows.length ? table([
      { label: 'Jaar', value: (r) => String(r.year) },
      { label: 'Jeugdhulpomzet', class: 'amount', value: (r) => money(r.youth_revenue_cents) },
      { label: 'Resultaat', class: 'amount', value: (r) => money(r.net_result_cents) },
      { label: 'Risico', value: (r) => (r.at_risk ? el('span', { class: 'badge text-bg-warning', text: 'mogelijk risico' }) : 'nee') },
    ], rows, { caption: 'Continuïteit per jaar' }) : el('p', { class: 'text-muted', text: 'Geen jaarcijfers ingelezen.' }));
  } catch (e) {
    showAlert(out, e.message);
  }
}

function stepForm(x) {
  const f = el('form', { class: 'row g-2 align-items-end mt-1 js-stap', novalidate: true });
  const sel = el('select', { class: 'form-select form-select-sm', name: 'step', 'aria-label': 'Volgende stap', dataset: { field: 'stap' } },
    x.next_steps.map((s) => el('option', { value: s, text: s === 'maatregel' ? 'aanwijzing/maatregel' : s })));
  const d = el('input', { class: 'form-control form-control-sm', name: 'date', placeholder: 'dd-mm-jjjj', 'aria-label': 'Datum van de stap', dataset: { field: 'datum' } });
  const note = el('input', { class: 'form-control form-control-sm', name: 'note', placeholder: 'Notitie', 'aria-label': 'Notitie bij de stap', dataset: { field: 'notitie' } });
  f.append(el('div', { class: 'col-sm-3' }, sel), el('div', { class: 'col-sm-3' }, d), el('div', { class: 'col-sm-4' }, note),
    el('div', { class: 'col-sm-2' }, el('button', { type: 'submit', class: 'btn btn-primary btn-sm w-100', text: 'Stap vastleggen' })));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(f);
    const body = { step: sel.value, note: note.value.trim() };
    if (d.value.trim()) body.date = parseDate(d.value.trim()) || d.value.trim();
    try {
      await post(`/api/v1/escalations/${x.id}/steps`, body);
      await load();
    } catch (err) {
      showError(f, err);
    }
  });
  return f;
}

function showEscalations(list) {
  $('escalaties').replaceChildren(...(list.length ? list.map((x) => el('div', { class: 'card card-body mb-2 js-escalatie', dataset: { id: String(x.id), step: x.step } },
    el('div', { class: 'd-flex justify-content-between' },
      el('strong', { text: `${x.kind === 'financieel' ? 'Financieel' : 'Kwaliteit'}: ${x.reason}` }),
      el('span', { class: `badge ${x.closed ? 'text-bg-secondary' : 'text-bg-warning'} js-stap-nu`, text: x.step_label })),
    el('ol', { class: 'small mb-1 mt-2' }, x.steps.map((s) => el('li', {}, `${date(s.date)} ${s.label}`, s.note ? ` – ${s.note}` : ''))),
    full && !x.closed ? stepForm(x) : null))
    : [el('p', { class: 'text-muted', text: 'Geen escalaties.' })]));
}

function showComplaints(list) {
  $('klachten').replaceChildren(list.length ? table([
    { label: 'Ontvangen', class: 'text-nowrap', value: (c) => date(c.received_on) },
    { label: 'Van', value: (c) => c.complainant },
    { label: 'Onderwerp', value: (c) => c.subject },
    { label: 'Afhandeling', value: (c) => c.handling },
    { label: 'Gesloten', value: (c) => {
      if (!c.open) return date(c.closed_on);
      const b = el('button', { type: 'button', class: 'btn btn-outline-secondary btn-sm', text: 'Sluiten' });
      b.addEventListener('click', async () => {
        const handling = c.handling || window.prompt('Hoe is de klacht afgehandeld?') || '';
        try {
          await post(`/api/v1/complaints/${c.id}/close`, { handling });
          await load();
        } catch (e) {
          showAlert($('klachten'), e.message);
        }
      });
      return b;
    } },
  ], list, { caption: 'Klachten', class: 'js-klachten' }) : el('p', { class: 'text-muted', text: 'Geen klachten.' }));
}

function showNotes(list) {
  $('notities').replaceChildren(list.length ? el('ul', { class: 'list-unstyled js-notities' },
    list.map((n) => el('li', { class: 'mb-1' }, el('span', { class: 'text-muted small me-2', text: date(n.date) }), n.text)))
    : el('p', { class: 'text-muted', text: 'Geen notities.' }));
}

async function load() {
  let f;
  try {
    f = await get(`/api/v1/provider-files/${encodeURIComponent(agb)}`);
  } catch (e) {
    showAlert($('inhoud'), e.message);
    return;
  }
  full = !!f.full;
  $('dossier').classList.remove('d-none');
  $('kop').textContent = `Dossier ${f.name}`;
  $('kerngegevens').textContent = `AGB ${f.agb} · ${f.kind}`;
  $('cm').replaceChildren(el('p', { id: 'cm-naam', text: f.contract_manager ? f.contract_manager.display_name : 'Geen contractmanager toegewezen.' }));
  showContact(f);
  showContracts(f.contracts || []);
  showEscalations(f.escalations || []);
  if (full) {
    showComplaints(f.complaints || []);
    showNotes(f.notes || []);
  }
}

function wire(form, fn) {
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    try {
      await fn();
      if (form.id !== 'form-contact') form.reset();
      await load();
      showAlert(form, 'Opgeslagen.', 'success');
    } catch (err) {
      showError(form, err);
    }
  });
}

(async () => {
  user = await initPage('dossier');
  if (!user) return;
  try {
    cat = await catalog();
  } catch (e) {
    cat = {};
  }
  agb = params().get('agb') || (user.role === 'aanbieder' ? user.agb : '');
  if (!agb) {
    showList();
    return;
  }
  await load();
  const own = user.role === 'aanbieder';
  if (full || own) {
    $('form-contact').classList.remove('d-none');
    $('form-wachttijd').classList.remove('d-none');
  }
  if (full) {
    ['form-cm', 'form-escalatie'].forEach((id) => $(id).classList.remove('d-none'));
    ['klachten-sectie', 'notities-sectie'].forEach((id) => $(id).classList.remove('d-none'));
    getAll('/api/v1/contract-managers').then((rows) => {
      const users = [...new Map(rows.map((r) => [r.user, r.display_name])).entries()];
      $('cm-users').replaceChildren(...users.map(([u, n]) => el('option', { value: u, text: n })));
    }).catch(() => {});
  }
  const dateOf = (id) => {
    const v = $(id).value.trim();
    return v ? parseDate(v) || v : undefined;
  };
  wire($('form-contact'), () => put(`/api/v1/providers/${agb}/details`, {
    address: $('c-adres').value.trim(), postcode: $('c-postcode').value.trim(), place: $('c-plaats').value.trim(),
    phone: $('c-telefoon').value.trim(), email: $('c-email').value.trim(), website: $('c-website').value.trim(),
  }));
  wire($('form-wachttijd'), () => post(`/api/v1/providers/${agb}/waiting-times`, { weeks: $('w-weken').value.trim() === '' ? null : Number($('w-weken').value.trim()), date: dateOf('w-datum') }));
  wire($('form-cm'), () => put(`/api/v1/providers/${agb}/contract-manager`, { user: $('cm-user').value.trim() }));
  wire($('form-escalatie'), () => post(`/api/v1/providers/${agb}/escalations`, {
    kind: $('e-soort').value, reason: $('e-reden').value.trim(), date: dateOf('e-datum'), note: $('e-notitie').value.trim(),
  }));
  wire($('form-klacht'), () => post(`/api/v1/providers/${agb}/complaints`, {
    received_on: dateOf('k-datum'), complainant: $('k-van').value, subject: $('k-onderwerp').value.trim(), handling: $('k-afhandeling').value.trim(),
  }));
  wire($('form-notitie'), () => post(`/api/v1/providers/${agb}/notes`, { text: $('n-tekst').value.trim() }));
  $('p-periode').value = String(new Date(todayIso()).getFullYear() - 1);
  $('form-productie').addEventListener('submit', (e) => {
    e.preventDefault();
    showProduction();
  });
  showProduction();
  showContinuity();
})();
