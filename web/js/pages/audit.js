// audit.js: search the audit log (beheerder): GET /api/v1/audit?entity=&id=&actor=&limit=.
import { get, query, listItems, clearErrors, showError } from '../api.js';
import { initPage } from '../nav.js';
import { el, table, dateTime } from '../format.js';

const $ = (id) => document.getElementById(id);
const ENTITY = {
  youth: 'jeugdige', referral: 'verwijzing', assignment: 'toewijzing', quote: 'offerte',
  decl_batch: 'declaratie', provider: 'aanbieder', user: 'gebruiker',
};

async function load() {
  const form = $('form-audit');
  clearErrors(form);
  const out = $('audit');
  out.replaceChildren(el('p', { class: 'text-muted', text: 'Zoeken…' }));
  try {
    const q = { entity: $('entiteit').value, id: $('id').value.trim(), actor: $('actor').value.trim(), limit: $('limiet').value };
    const data = await get(`/api/v1/audit${query(q)}`);
    const rows = listItems(data);
    out.replaceChildren(
      el('p', { class: 'small text-muted', text: `${rows.length} regel(s), nieuwste eerst.` }),
      rows.length ? table([
        { label: 'Tijdstip', value: (a) => dateTime(a.at), class: 'nowrap' },
        { label: 'Gebruiker', value: (a) => a.actor || '' },
        { label: 'Handeling', value: (a) => el('span', { class: 'mono', text: a.action || '' }) },
        { label: 'Gegeven', value: (a) => ENTITY[a.entity] || a.entity || '' },
        { label: 'Kenmerk', value: (a) => a.entity_id || '' },
        { label: 'Details', value: (a) => a.detail || '' },
      ], rows, { caption: 'Auditlog' }) : '');
  } catch (e) {
    out.replaceChildren();
    showError(form, e);
  }
}

(async () => {
  const user = await initPage('audit');
  if (!user) return;
  $('form-audit').addEventListener('submit', (e) => { e.preventDefault(); load(); });
  load();
})();
