// index.js: Werkvoorraad (GET /api/v1/worklist): open quote requests,
// assignments waiting for start of care, rejected declaration lines and
// budgets nearly spent.
import { get, showAlert } from '../api.js';
import { initPage } from '../nav.js';
import { providerMap } from '../data.js';
import { el, table, euro, date, badge, pick, ledgerBar, period } from '../format.js';

function empty(text) {
  return el('p', { class: 'text-muted mb-0', text });
}

function providerCell(pm, agb) {
  if (!agb) return '';
  const p = pm.get(agb);
  return p ? el('span', { title: `AGB ${agb}`, text: p.name }) : agb;
}

function assignmentLink(number) {
  return number ? el('a', { href: `toewijzing.html?nummer=${encodeURIComponent(number)}`, text: number }) : '';
}

function renderQuotes(node, items, pm) {
  if (!items.length) return node.replaceChildren(empty('Geen open offerteaanvragen.'));
  node.replaceChildren(table([
    { label: 'Offerte', value: (q) => el('a', { href: `offertes.html?id=${encodeURIComponent(q.id)}`, text: `#${q.id}` }) },
    { label: 'Verwijzing', value: (q) => pick(q, 'referral', 'referral_id') },
    { label: 'Aanbieder', value: (q) => providerCell(pm, q.agb) },
    { label: 'Status', value: (q) => badge(q.status) },
    { label: 'Aangevraagd', value: (q) => date(pick(q, 'requested', 'requested_date')), class: 'nowrap' },
  ], items, { caption: 'Open offerteaanvragen' }));
}

function renderAwaiting(node, items, pm) {
  if (!items.length) return node.replaceChildren(empty('Geen toewijzingen die op start zorg wachten.'));
  node.replaceChildren(table([
    { label: 'Toewijzing', value: (a) => assignmentLink(a.number) },
    { label: 'Jeugdige', value: (a) => a.bsn || '' },
    { label: 'Aanbieder', value: (a) => providerCell(pm, a.agb) },
    { label: 'Ingang', value: (a) => date(a.start), class: 'nowrap' },
    { label: 'Einde', value: (a) => date(a.end), class: 'nowrap' },
  ], items, { caption: 'Toewijzingen die wachten op start zorg' }));
}

function renderRejected(node, items) {
  if (!items.length) return node.replaceChildren(empty('Geen afgewezen declaratieregels.'));
  node.replaceChildren(table([
    { label: 'Regel', value: (l) => pick(l, 'line', 'ref', 'referentie') || '' },
    { label: 'Toewijzing', value: (l) => assignmentLink(pick(l, 'assignment', 'assignment_number', 'toewijzingnummer')) },
    { label: 'Periode', value: (l) => (l.period ? period(l.period) : date(pick(l, 'begin', 'begin_date'))), class: 'nowrap' },
    { label: 'Code', value: (l) => el('span', { class: 'badge text-bg-danger', text: l.code || '' }) },
    { label: 'Reden', value: (l) => l.message || '' },
  ], items, { caption: 'Afgewezen declaratieregels', rowClass: () => 'table-danger' }));
}

function renderBudgets(node, items, pm) {
  if (!items.length) return node.replaceChildren(empty('Geen budgetten die bijna op zijn.'));
  node.replaceChildren(table([
    { label: 'Toewijzing', value: (a) => assignmentLink(a.number) },
    { label: 'Aanbieder', value: (a) => providerCell(pm, a.agb) },
    { label: 'Verbruik', value: (a) => (a.ledger ? ledgerBar(a.ledger, { small: true, warn: false }) : '') },
    { label: 'Resterend', value: (a) => euro(pick(a.ledger || a, 'remaining_cents')), class: 'amount' },
  ], items, { caption: 'Budgetten die bijna op zijn' }));
}

async function main() {
  const user = await initPage('werkvoorraad');
  if (!user) return;
  const nodes = {
    open_quotes: document.getElementById('open-quotes'),
    awaiting_care_start: document.getElementById('awaiting-care-start'),
    rejected_lines: document.getElementById('rejected-lines'),
    budgets_nearly_spent: document.getElementById('budgets-nearly-spent'),
  };
  try {
    const [w, pm] = await Promise.all([get('/api/v1/worklist'), providerMap()]);
    const list = (k) => (Array.isArray(w[k]) ? w[k] : (w[k] && w[k].items) || []);
    renderQuotes(nodes.open_quotes, list('open_quotes'), pm);
    renderAwaiting(nodes.awaiting_care_start, list('awaiting_care_start'), pm);
    renderRejected(nodes.rejected_lines, list('rejected_lines'));
    renderBudgets(nodes.budgets_nearly_spent, list('budgets_nearly_spent'), pm);
  } catch (e) {
    showAlert(document.getElementById('werk-status'), e.message);
    Object.values(nodes).forEach((n) => n.replaceChildren());
  }
}

main();
