// raamovereenkomsten.js: framework agreements and the change procedure
// (issue 12, docs/framework.md). The agreements per lot with their current
// end after extensions, the last day for proposals and the next evaluation
// (GET /api/v1/framework-agreements); one agreement's extensions,
// evaluations and contracts (GET /api/v1/framework-agreements/{id}); the
// change proposals the user may see with their state and, for rsj and
// beheerder, the next step (POST /api/v1/change-proposals/{id}/discussion,
// /decision, /effect); a proposal's history; submitting a proposal
// (gemeente, rsj, aanbieder, beheerder); the transformation covenant with
// the status of each commitment per provider. Every rule (the 1 March
// deadline, the order and dates of the steps) is the server's: the page
// shows its Dutch refusal next to the field or above the form.
import { get, post, getAll, clearErrors, showError, showAlert } from '../api.js';
import { initPage } from '../nav.js';
import { el, table, date, todayIso } from '../format.js';

const $ = (id) => document.getElementById(id);
let user = null;
let agreements = [];
let selected = null; // the agreement shown in detail
let deciding = null; // the proposal the decision form is for

const STATE_CLASS = {
  ingediend: 'text-bg-info',
  in_bespreking: 'text-bg-warning',
  besloten: 'text-bg-primary',
  in_werking: 'text-bg-success',
};
const COV_CLASS = {
  afgesproken: 'text-bg-info',
  in_uitvoering: 'text-bg-warning',
  gerealiseerd: 'text-bg-success',
  niet_gerealiseerd: 'text-bg-danger',
};
const PROPOSER = { gemeente: 'Gemeente', rsj: 'Regionaal serviceteam', aanbieder: 'Aanbieder' };

const staff = () => user.role === 'rsj' || user.role === 'beheerder';
const mayPropose = () => ['gemeente', 'rsj', 'aanbieder', 'beheerder'].includes(user.role);

function stateBadge(p) {
  return el('span', { class: `badge ${STATE_CLASS[p.state] || 'text-bg-light'}`, dataset: { state: p.state }, text: p.state_name });
}

function d(iso) {
  return iso ? date(iso) : '–';
}

// ---- agreements -------------------------------------------------------------

async function loadAgreements() {
  const out = $('overeenkomsten');
  try {
    agreements = await getAll('/api/v1/framework-agreements');
  } catch (e) {
    showAlert(out, e.message);
    return;
  }
  if (!agreements.length) {
    out.replaceChildren(el('p', { class: 'text-muted', text: 'Nog geen raamovereenkomsten vastgelegd.' }));
    return;
  }
  out.replaceChildren(table([
    { label: 'Perceel', value: (a) => el('span', { title: a.lot_name, text: a.lot }) },
    { label: 'Naam', value: (a) => a.name },
    { label: 'Start', class: 'nowrap', value: (a) => d(a.start) },
    { label: 'Oorspronkelijk einde', class: 'nowrap', value: (a) => d(a.initial_end) },
    { label: 'Huidig einde', class: 'nowrap', value: (a) => el('span', { dataset: { veld: 'einde' }, text: d(a.current_end) }) },
    { label: 'Verlengingen', class: 'text-end', value: (a) => String(a.extensions) },
    { label: 'Voorstellen tot en met', class: 'nowrap', value: (a) => el('span', { dataset: { veld: 'termijn' }, text: d(a.proposal_deadline) }) },
    { label: 'Volgende evaluatie', class: 'nowrap', value: (a) => (a.next_evaluation
      ? el('span', { class: a.next_evaluation.overdue ? 'text-danger' : null, text: `${d(a.next_evaluation.date)}${a.next_evaluation.overdue ? ' (te laat)' : ''}` })
      : '–') },
    { label: 'Contracten', class: 'text-end', value: (a) => String(a.contracts) },
    { label: '', value: (a) => el('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary', dataset: { id: a.id }, text: 'Details', onclick: () => showAgreement(a.id) }) },
  ], agreements, { caption: 'Raamovereenkomsten', class: 'js-overeenkomsten', rowClass: (a) => `js-overeenkomst-${a.id}` }));
  const sel = $('voorstel-overeenkomst');
  const keep = sel.value;
  sel.replaceChildren(...agreements.map((a) => el('option', { value: String(a.id), text: `${a.lot} ${a.name} (voorstellen tot en met ${d(a.proposal_deadline)})` })));
  if (keep) sel.value = keep;
}

async function showAgreement(id) {
  const out = $('detail');
  let a;
  try {
    a = await get(`/api/v1/framework-agreements/${id}`);
  } catch (e) {
    showAlert(out, e.message);
    return;
  }
  selected = a;
  const outcome = (ev) => (ev.held ? `${d(ev.held)}: ${ev.outcome}` : null);
  out.replaceChildren(
    el('h3', { class: 'h5', id: 'kop-detail', text: `${a.lot} ${a.name}: ${d(a.start)} tot en met ${d(a.current_end)}` }),
    el('p', { class: 'small text-muted', text: `Volgende verlengingsdatum ${d(a.next_extension_date)}; voorstellen voor die ronde tot en met ${d(a.proposal_deadline)}.` }),
    el('h4', { class: 'h6', text: 'Verlengingen' }),
    a.extension_list.length
      ? table([
        { label: '#', value: (x) => String(x.seq) },
        { label: 'Ingang', class: 'nowrap', value: (x) => d(x.start) },
        { label: 'Maanden', class: 'text-end', value: (x) => String(x.months) },
        { label: 'Tot en met', class: 'nowrap', value: (x) => d(x.end) },
        { label: 'Toelichting', value: (x) => x.note },
      ], a.extension_list, { caption: 'Verlengingen', class: 'js-verlengingen' })
      : el('p', { class: 'text-muted', text: 'Nog niet verlengd.' }),
    el('h4', { class: 'h6', text: 'Evaluaties' }),
    a.evaluation_list.length
      ? table([
        { label: 'Datum', class: 'nowrap', value: (x) => d(x.date) },
        { label: 'Onderwerp', value: (x) => x.subject },
        { label: 'Uitkomst', value: (x) => outcome(x) || (staff() ? outcomeForm(a.id, x) : 'nog niet gehouden') },
      ], a.evaluation_list, { caption: 'Evaluaties', class: 'js-evaluaties' })
      : el('p', { class: 'text-muted', text: 'Geen evaluatiemomenten gepland.' }),
    el('h4', { class: 'h6', text: `Contracten (${a.contracts})` }),
    table([
      { label: 'AGB-code', value: (c) => el('a', { class: 'mono', href: `aanbieders.html?agb=${c.agb}`, text: c.agb }) },
      { label: 'Aanbieder', value: (c) => c.provider },
      { label: 'Product', value: (c) => c.product },
      { label: 'Van', class: 'nowrap', value: (c) => d(c.start) },
      { label: 'Tot en met', class: 'nowrap', value: (c) => (c.end ? d(c.end) : 'open') },
    ], a.contract_list.slice(0, 50), { caption: 'Contracten onder de raamovereenkomst', class: 'js-contracten' }),
    a.contract_list.length > 50 ? el('p', { class: 'small text-muted', text: `De eerste 50 van ${a.contract_list.length}.` }) : null);
  if (staff()) $('beheer-overeenkomst').classList.remove('d-none');
  $('verlenging-start').value = a.next_extension_date || '';
}

function outcomeForm(agreementId, ev) {
  const f = el('form', { class: 'row g-1 align-items-end', novalidate: true },
    el('div', { class: 'col-auto' }, el('input', { type: 'date', name: 'date', class: 'form-control form-control-sm', 'aria-label': 'Datum gehouden', value: todayIso() })),
    el('div', { class: 'col' }, el('input', { name: 'outcome', class: 'form-control form-control-sm', 'aria-label': 'Uitkomst' })),
    el('div', { class: 'col-auto' }, el('button', { type: 'submit', class: 'btn btn-sm btn-outline-primary', text: 'Vastleggen' })));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(f);
    try {
      await post(`/api/v1/framework-agreements/${agreementId}/evaluations/${ev.id}/outcome`, {
        date: f.elements.date.value, outcome: f.elements.outcome.value,
      });
      await Promise.all([loadAgreements(), showAgreement(agreementId)]);
    } catch (err) {
      showError(f, err);
    }
  });
  return f;
}

async function submitForm(form, path, body, after) {
  clearErrors(form);
  const b = form.querySelector('button[type="submit"]');
  b.disabled = true;
  try {
    await post(path, body);
    await after();
  } catch (e) {
    showError(form, e);
  } finally {
    b.disabled = false;
  }
}

// ---- proposals ------------------------------------------------------------

function actions(p) {
  if (!staff()) return '';
  const step = (label, what, cls) => el('button', {
    type: 'button', class: `btn btn-sm ${cls} me-1`, dataset: { actie: what, id: p.id }, text: label,
    onclick: () => doStep(p, what),
  });
  if (p.state === 'ingediend') return step('In bespreking', 'discussion', 'btn-outline-warning');
  if (p.state === 'in_bespreking') return step('Besluiten', 'decision', 'btn-outline-primary');
  if (p.state === 'besloten' && p.outcome === 'aangenomen') return step('In werking', 'effect', 'btn-outline-success');
  return '';
}

async function loadProposals() {
  const out = $('voorstellen');
  let items;
  try {
    items = await getAll('/api/v1/change-proposals');
  } catch (e) {
    showAlert(out, e.message);
    return;
  }
  if (!items.length) {
    out.replaceChildren(el('p', { class: 'text-muted', text: 'Geen wijzigingsvoorstellen om te tonen.' }));
    return;
  }
  const alert = out.querySelector(':scope > .js-alert');
  out.replaceChildren(...(alert ? [alert] : []), table([
    { label: 'Nr', value: (p) => String(p.id) },
    { label: 'Perceel', value: (p) => p.lot },
    { label: 'Indiener', value: (p) => `${PROPOSER[p.proposer_kind] || p.proposer_kind}${p.proposer ? ` ${p.proposer}` : ''}` },
    { label: 'Ingediend', class: 'nowrap', value: (p) => d(p.submitted) },
    { label: 'Titel', value: (p) => el('button', { type: 'button', class: 'btn btn-link p-0 text-start', text: p.title, onclick: () => showHistory(p.id) }) },
    { label: 'Stand', value: (p) => stateBadge(p) },
    { label: 'Besluit', value: (p) => (p.outcome ? el('span', {}, el('strong', { text: p.outcome }), `: ${p.reason || ''}`) : '') },
    { label: 'In werking per', class: 'nowrap', value: (p) => (p.outcome === 'afgewezen' ? '–' : d(p.effect_date)) },
    { label: '', class: 'nowrap', value: (p) => actions(p) },
  ], items, { caption: 'Wijzigingsvoorstellen', class: 'js-voorstellen', rowClass: (p) => `js-voorstel-${p.id}` }));
}

async function doStep(p, what) {
  const out = $('voorstellen');
  showAlert(out, '');
  if (what === 'decision') {
    deciding = p;
    const f = $('form-besluit');
    clearErrors(f);
    $('kop-besluit').textContent = `Besluit over voorstel ${p.id}: ${p.title}`;
    f.classList.remove('d-none');
    $('besluit-uitkomst').focus();
    return;
  }
  try {
    await post(`/api/v1/change-proposals/${p.id}/${what}`, {});
    await loadProposals();
    await showHistory(p.id);
  } catch (e) {
    showAlert(out, e.message);
  }
}

async function decide(ev) {
  ev.preventDefault();
  const f = $('form-besluit');
  if (!deciding) return;
  const id = deciding.id;
  await submitForm(f, `/api/v1/change-proposals/${id}/decision`, {
    outcome: $('besluit-uitkomst').value, reason: $('besluit-motivering').value,
  }, async () => {
    f.classList.add('d-none');
    f.reset();
    deciding = null;
    await loadProposals();
    await showHistory(id);
  });
}

async function showHistory(id) {
  const out = $('geschiedenis');
  let p;
  try {
    p = await get(`/api/v1/change-proposals/${id}`);
  } catch (e) {
    showAlert(out, e.message);
    return;
  }
  out.replaceChildren(
    el('h3', { class: 'h5', id: 'kop-geschiedenis', text: `Voorstel ${p.id}: ${p.title}` }),
    el('dl', { class: 'row small' },
      el('dt', { class: 'col-sm-3', text: 'Beschrijving' }), el('dd', { class: 'col-sm-9 pre-line', text: p.description }),
      el('dt', { class: 'col-sm-3', text: 'Effect op de jeugdige' }), el('dd', { class: 'col-sm-9 pre-line', text: p.effect_youth }),
      el('dt', { class: 'col-sm-3', text: 'Effect op de opdrachtnemer' }), el('dd', { class: 'col-sm-9 pre-line', text: p.effect_contractor }),
      el('dt', { class: 'col-sm-3', text: 'Effect op de opdrachtgever' }), el('dd', { class: 'col-sm-9 pre-line', text: p.effect_client })),
    table([
      { label: 'Datum', class: 'nowrap', value: (h) => d(h.date) },
      { label: 'Stand', value: (h) => stateBadge(h) },
      { label: 'Door', value: (h) => h.actor },
      { label: 'Toelichting', value: (h) => h.note },
    ], p.history, { caption: `Geschiedenis van voorstel ${p.id}`, class: 'js-geschiedenis' }));
}

async function propose(ev) {
  ev.preventDefault();
  const f = $('form-voorstel');
  const msg = $('voorstel-melding');
  msg.replaceChildren();
  const body = {
    agreement_id: Number($('voorstel-overeenkomst').value) || 0,
    title: $('voorstel-titel').value,
    description: $('voorstel-beschrijving').value,
    effect_youth: $('voorstel-jeugdige').value,
    effect_contractor: $('voorstel-opdrachtnemer').value,
    effect_client: $('voorstel-opdrachtgever').value,
  };
  if (user.role === 'beheerder') {
    body.proposer_kind = $('voorstel-soort').value;
    body.proposer = $('voorstel-indiener').value;
  }
  let made = null;
  await submitForm(f, '/api/v1/change-proposals', body, async () => {
    f.reset();
    await loadProposals();
    made = true;
  });
  if (made) showAlert(msg, 'Het voorstel is ingediend.', 'success');
}

// ---- the covenant -------------------------------------------------------------

async function loadCovenant() {
  const out = $('convenant');
  let list;
  try {
    list = (await get('/api/v1/covenants')).items;
  } catch (e) {
    showAlert(out, e.message);
    return;
  }
  if (!list.length) {
    out.replaceChildren(el('p', { class: 'text-muted', text: 'Geen transformatieconvenant vastgelegd.' }));
    return;
  }
  const parts = [];
  const options = [];
  for (const c of list) {
    const providers = [...new Set(c.statuses.map((s) => s.agb))];
    const names = Object.fromEntries(c.statuses.map((s) => [s.agb, s.provider]));
    const cell = (agb, m) => {
      const s = c.statuses.find((x) => x.agb === agb && x.commitment_id === m.id);
      if (!s) return '–';
      return el('span', { title: s.note || '' },
        el('span', { class: `badge ${COV_CLASS[s.status] || 'text-bg-light'}`, dataset: { stand: s.status }, text: s.status_name }),
        ` ${d(s.date)}`);
    };
    parts.push(
      el('h3', { class: 'h5', text: `${c.name} (ondertekend ${d(c.signed)}; percelen ${c.lots.join(', ')})` }),
      el('ol', { class: 'small' }, c.commitments.map((m) => el('li', {}, el('strong', { text: m.title }), `: ${m.description}`))),
      providers.length
        ? table([
          { label: 'Aanbieder', value: (agb) => `${agb} ${names[agb] || ''}` },
          ...c.commitments.map((m, i) => ({ label: `${i + 1}. ${m.title}`, value: (agb) => cell(agb, m) })),
        ], providers, { caption: `Stand per aanbieder: ${c.name}`, class: 'js-convenant' })
        : el('p', { class: 'text-muted', text: 'Nog geen stand per aanbieder.' }));
    for (const m of c.commitments) options.push({ covenant: c.id, id: m.id, label: `${c.name}: ${m.title}` });
  }
  out.replaceChildren(...parts);
  const sel = $('stand-afspraak');
  sel.replaceChildren(...options.map((o) => el('option', { value: `${o.covenant}/${o.id}`, text: o.label })));
}

async function setStatus(ev) {
  ev.preventDefault();
  const f = $('form-stand');
  const [cov, commitment] = ($('stand-afspraak').value || '0/0').split('/').map(Number);
  await submitForm(f, `/api/v1/covenants/${cov}/statuses`, {
    commitment_id: commitment, agb: $('stand-agb').value.trim(), status: $('stand-status').value,
    date: $('stand-datum').value, note: $('stand-toelichting').value,
  }, loadCovenant);
}

async function start() {
  user = await initPage('raamovereenkomsten');
  if (!user) return;
  if (mayPropose()) $('form-voorstel').addEventListener('submit', propose);
  if (staff()) {
    $('form-besluit').addEventListener('submit', decide);
    $('form-verlenging').addEventListener('submit', (ev) => {
      ev.preventDefault();
      if (!selected) return;
      submitForm($('form-verlenging'), `/api/v1/framework-agreements/${selected.id}/extensions`, {
        start: $('verlenging-start').value, months: Number($('verlenging-maanden').value) || 0, note: $('verlenging-toelichting').value,
      }, async () => { await loadAgreements(); await showAgreement(selected.id); });
    });
    $('form-evaluatie').addEventListener('submit', (ev) => {
      ev.preventDefault();
      if (!selected) return;
      submitForm($('form-evaluatie'), `/api/v1/framework-agreements/${selected.id}/evaluations`, {
        date: $('evaluatie-datum').value, subject: $('evaluatie-onderwerp').value,
      }, async () => { await loadAgreements(); await showAgreement(selected.id); });
    });
    $('form-stand').addEventListener('submit', setStatus);
    $('stand-datum').value = todayIso();
  }
  await Promise.all([loadAgreements(), loadProposals(), loadCovenant()]);
}

start();
