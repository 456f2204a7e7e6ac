// afrekening.js: the settlement of a period (GET /api/v1/settlements): rows per
// municipality, provider and product with subtotals per municipality and the
// region's total; a row drills down to its lines (GET /api/v1/settlements/lines).
// When the region has task budgets (taakgericht), the section Taakbudgetten
// shows those of the period's year (GET /api/v1/settlements/task-budgets);
// in a region without any it stays hidden.
import { get, listItems, query, getAll, clearErrors, showError, setFieldError, showAlert } from '../api.js';
import { initPage } from '../nav.js';
import { catalog, providers, municipalityMap, productLabel } from '../data.js';
import { el, euro, date, badge, table, pick, period, MONTHS, attachValidation, params, number as fmtNumber } from '../format.js';

const $ = (id) => document.getElementById(id);
let user = null;
let cat = {};

function shortProduct(code) {
  const p = (cat.products || []).find((x) => x.code === code || x.short_code === code);
  return p ? `${p.short_code} (${p.code})` : code || '';
}

function currentPeriod() {
  return `${$('jaar').value.trim()}-${$('maand').value}`;
}

async function load() {
  const out = $('afrekening');
  const form = $('form-periode');
  const p = currentPeriod();
  $('drill').classList.add('d-none');
  history.replaceState(null, '', `?periode=${p}`);
  loadTasks(p);
  out.replaceChildren(el('p', { class: 'text-muted', text: 'Laden…' }));
  try {
    const q = { period: p, gemeente: $('gemeente').value, agb: $('agb').value };
    const [rows, mm] = await Promise.all([getAll('/api/v1/settlements', q, 100000), municipalityMap()]);
    if (!rows.length) {
      out.replaceChildren(el('p', { class: 'text-muted', text: `Geen geaccepteerde of afgewezen regels over ${period(p)}.` }));
      return;
    }
    const head = el('thead', {}, el('tr', {},
      ...['Gemeente', 'Aanbieder', 'Product'].map((t) => el('th', { scope: 'col', text: t })),
      el('th', { scope: 'col', class: 'amount', text: 'Geaccepteerd bedrag' }),
      el('th', { scope: 'col', class: 'amount', text: 'Geaccepteerde regels' }),
      el('th', { scope: 'col', class: 'amount', text: 'Afgewezen regels' }),
      el('th', { scope: 'col' }, el('span', { class: 'visually-hidden', text: 'Regels bekijken' }))));
    const body = el('tbody');
    const drillable = user.role !== 'lezer';
    let total = 0; let nAcc = 0; let nRej = 0;
    const groups = new Map();
    for (const r of rows) {
      const g = r.gemeente || '';
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g).push(r);
    }
    const summary = [];
    for (const [g, list] of groups) {
      let sub = 0; let sa = 0; let sr = 0;
      let firstRow = true;
      for (const r of list) {
        const cents = Number(pick(r, 'accepted_cents')) || 0;
        const acc = Number(pick(r, 'accepted_lines')) || 0;
        const rej = Number(pick(r, 'rejected_lines')) || 0;
        sub += cents; sa += acc; sr += rej;
        let action = '';
        if (drillable && (r.agb || r.product)) {
          action = el('button', { type: 'button', class: 'btn btn-link btn-sm p-0', text: 'Regels' });
          action.addEventListener('click', () => drill(p, r));
        }
        body.append(el('tr', { id: firstRow ? `gemeente-${g}` : null },
          el('td', { text: g ? `${mm.get(g) || ''} (${g})` : '' }),
          el('td', { text: r.agb ? `${r.provider || ''} (${r.agb})` : (r.provider || '') }),
          el('td', { title: productLabel(cat, r.product), text: shortProduct(r.product) }),
          el('td', { class: 'amount', text: euro(cents) }),
          el('td', { class: 'amount', text: fmtNumber(acc) }),
          el('td', { class: `amount${rej ? ' text-danger' : ''}`, text: fmtNumber(rej) }),
          el('td', {}, action)));
        firstRow = false;
      }
      summary.push({ g, sub, sa, sr });
      if (groups.size > 1 || list.length > 1) {
        body.append(el('tr', { class: 'table-light fw-semibold' },
          el('th', { scope: 'row', colspan: 3, text: `Totaal ${mm.get(g) || g}` }),
          el('td', { class: 'amount', text: euro(sub) }),
          el('td', { class: 'amount', text: fmtNumber(sa) }),
          el('td', { class: 'amount', text: fmtNumber(sr) }),
          el('td')));
      }
      total += sub; nAcc += sa; nRej += sr;
    }
    const foot = el('tfoot', {}, el('tr', { class: 'table-primary fw-bold' },
      el('th', { scope: 'row', colspan: 3, text: $('gemeente').value || user.gemeente ? 'Totaal' : 'Totaal regio' }),
      el('td', { class: 'amount', id: 'totaal', text: euro(total) }),
      el('td', { class: 'amount', text: fmtNumber(nAcc) }),
      el('td', { class: 'amount', text: fmtNumber(nRej) }),
      el('td')));
    const perGemeente = summary.length > 1 ? [el('h3', { class: 'h5', text: 'Per gemeente' }), table([
      { label: 'Gemeente', value: (x) => el('a', { href: `#gemeente-${x.g}`, text: `${mm.get(x.g) || ''} (${x.g})` }) },
      { label: 'Geaccepteerd bedrag', value: (x) => euro(x.sub), class: 'amount' },
      { label: 'Geaccepteerde regels', value: (x) => fmtNumber(x.sa), class: 'amount' },
      { label: 'Afgewezen regels', value: (x) => fmtNumber(x.sr), class: 'amount' },
    ], summary, { caption: 'Afrekening per gemeente', class: 'w-auto' }), el('h3', { class: 'h5 mt-3', text: 'Per gemeente, aanbieder en product' })] : [];
    out.replaceChildren(el('h2', { class: 'h4', text: `Afrekening ${period(p)}` }), ...perGemeente,
      el('div', { class: 'table-responsive' }, el('table', { class: 'table table-sm table-hover align-middle', id: 'afrekening-tabel' },
        el('caption', { class: 'visually-hidden', text: `Afrekening ${period(p)}` }), head, body, foot)));
  } catch (e) {
    out.replaceChildren();
    showError(form, e);
  }
}

function hasTaskBudgets() {
  return Array.isArray(cat.task_budgets) && cat.task_budgets.length > 0;
}

async function loadTasks(p) {
  const sec = $('taakbudgetten');
  if (!hasTaskBudgets()) {
    sec.classList.add('d-none');
    return;
  }
  sec.classList.remove('d-none');
  const out = $('taakbudgetten-tabel');
  out.replaceChildren(el('p', { class: 'text-muted', text: 'Laden…' }));
  try {
    const q = { period: p, gemeente: $('gemeente').value, agb: $('agb').value };
    const [rows, mm] = await Promise.all([getAll('/api/v1/settlements/task-budgets', q, 100000), municipalityMap()]);
    if (!rows.length) {
      out.replaceChildren(el('p', { class: 'text-muted', text: `Geen taakbudgetten in ${p.slice(0, 4)}.` }));
      return;
    }
    const sum = (k) => rows.reduce((a, r) => a + (Number(r[k]) || 0), 0);
    const cell = (id, text) => el('td', { class: 'amount', id, text });
    const t = table([
      { label: 'Partner', value: (r) => `${r.partner_name || ''} (${r.partner})` },
      { label: 'Taak', value: (r) => el('span', { title: productLabel(cat, r.product), text: shortProduct(r.product) }) },
      { label: 'Gemeente', value: (r) => `${mm.get(r.gemeente) || ''} (${r.gemeente})` },
      { label: 'Budget', value: (r) => euro(r.budget_cents), class: 'amount' },
      { label: 'Termijnen betaald', value: (r) => `${r.terms_paid}/${r.terms}`, class: 'amount' },
      { label: 'Betaald', value: (r) => euro(r.paid_cents), class: 'amount' },
      { label: 'Deze periode', value: (r) => euro(r.this_period_cents), class: 'amount' },
      { label: 'Resterend', value: (r) => euro(r.remaining_cents), class: 'amount' },
    ], rows, { caption: `Taakbudgetten ${period(p)}` });
    const tbl = t.querySelector('table');
    tbl.id = 'taakbudgetten-rijen';
    tbl.append(el('tfoot', {}, el('tr', { class: 'table-primary fw-bold' },
      el('th', { scope: 'row', colspan: 3, text: 'Totaal' }),
      cell('taak-budget', euro(sum('budget_cents'))),
      el('td'),
      cell('taak-betaald', euro(sum('paid_cents'))),
      cell('taak-periode', euro(sum('this_period_cents'))),
      cell('taak-resterend', euro(sum('remaining_cents'))))));
    out.replaceChildren(el('p', { class: 'small text-muted', text: `Termijnen betaald tot en met ${period(p)}; de termijn van ${period(p)} zelf onder "Deze periode".` }), t);
  } catch (e) {
    out.replaceChildren();
    showAlert(out, e.message);
  }
}

async function drill(p, r) {
  const sec = $('drill');
  sec.classList.remove('d-none');
  $('kop-drill').textContent = `Regels ${period(p)} · ${r.gemeente || ''} · ${r.provider || r.agb || ''} · ${r.product || ''}`;
  const out = $('drill-regels');
  out.replaceChildren(el('p', { class: 'text-muted', text: 'Laden…' }));
  try {
    const data = await get(`/api/v1/settlements/lines${query({ period: p, gemeente: r.gemeente, agb: r.agb, product: r.product, limit: 500 })}`);
    const lines = listItems(data);
    const total = data && typeof data.total === 'number' ? data.total : lines.length;
    const res = (l) => l.result || (l.accepted ? 'accepted' : 'rejected');
    out.replaceChildren(
      lines.length < total ? el('p', { class: 'small text-muted', text: `De eerste ${lines.length} van ${total} regels.` }) : '',
      table([
        { label: 'Regel', value: (l) => pick(l, 'line', 'ref') || '' },
        { label: 'Toewijzing', value: (l) => (l.assignment ? el('a', { href: `toewijzing.html?nummer=${encodeURIComponent(l.assignment)}`, text: l.assignment }) : '') },
        { label: 'Product', value: (l) => l.product || '' },
        { label: 'Periode', value: (l) => `${date(l.begin)} t/m ${date(l.end)}`, class: 'nowrap' },
        { label: 'Volume', value: (l) => `${l.volume ?? ''}${l.unit === '01' ? ' min' : l.unit === '04' ? ' uur' : l.unit === '14' ? ' etm' : ''}`, class: 'amount' },
        { label: 'Bedrag', value: (l) => `${l.credit ? '−' : ''}${euro(l.amount_cents)}`, class: 'amount' },
        { label: 'Uitkomst', value: (l) => badge(res(l)) },
        { label: 'Code', value: (l) => l.code || '' },
        { label: 'Melding', value: (l) => l.message || '' },
      ], lines, { caption: 'Regels achter de afrekening', rowClass: (l) => (res(l) === 'rejected' ? 'table-danger' : null) }));
    sec.scrollIntoView({ block: 'start' });
  } catch (e) {
    out.replaceChildren();
    showAlert(out, e.message);
  }
}

(async () => {
  user = await initPage('afrekening');
  if (!user) return;
  $('maand').append(...MONTHS.map((m, i) => el('option', { value: String(i + 1).padStart(2, '0'), text: m })));
  const asked = /^(\d{4})-(\d{2})$/.exec(params().get('periode') || '');
  const now = new Date();
  const prev = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  $('maand').value = asked ? asked[2] : String(prev.getMonth() + 1).padStart(2, '0');
  $('jaar').value = asked ? asked[1] : String(prev.getFullYear());
  try {
    cat = await catalog();
    $('gemeente').append(...(cat.municipalities || []).map((m) => el('option', { value: m.cbs, text: `${m.name} (${m.cbs})` })));
  } catch (e) {
    cat = {};
  }
  if (user.role !== 'aanbieder') {
    try {
      const ps = await providers();
      $('agb').append(...ps.map((p) => el('option', { value: p.agb, text: `${p.name} (${p.agb})` })));
    } catch (e) {
      /* no filter */
    }
  }
  const form = $('form-periode');
  const valid = attachValidation(form, setFieldError);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearErrors(form);
    if (valid()) load();
  });
  $('drill-sluiten').addEventListener('click', () => $('drill').classList.add('d-none'));
  load();
})();
