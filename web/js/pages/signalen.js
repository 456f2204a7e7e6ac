// signalen.js: the material control signals (GET /api/v1/figures/signals,
// issue 11): the count per kind, a table of the signals per provider with
// their sentence, and a drill-down to the lines behind a signal (the
// declaration lines, the ended budget assignments or the months), for the
// roles that see them; a lezer, or another municipality, sees the signals
// without lines. Amounts come in eurocents, shares and hours in tenths.
import { get, query, clearErrors, showError, periodField } from '../api.js';
import { initPage } from '../nav.js';
import { el, tenths, euro, table, params, date } from '../format.js';
import { municipalityMap } from '../data.js';

const $ = (id) => document.getElementById(id);
let user = null;

function showLines(s) {
  const sec = $('regels');
  $('kop-regels').textContent = `${s.kind_name}: ${s.provider} (${s.agb})${s.month ? `, ${s.month}` : ''}`;
  $('regels-uitleg').textContent = s.text + (s.lines_truncated ? ` De eerste ${s.lines.length} van ${s.count} regels.` : '');
  const isMonth = s.kind === 'sprong';
  const cols = isMonth
    ? [{ label: 'Maand', value: (l) => l.month }, { label: 'Bedrag', class: 'amount', value: (l) => euro(l.cents) }, { label: '', value: (l) => l.note }]
    : [
      { label: 'Maand', value: (l) => l.month || '' },
      { label: 'Toewijzing', value: (l) => l.assignment },
      { label: 'BSN', value: (l) => l.bsn },
      { label: s.kind === 'budget_vol' ? 'Budget' : 'Product', value: (l) => l.product },
      { label: 'Van', value: (l) => date(l.begin) },
      { label: 'Tot en met', value: (l) => date(l.end) },
      { label: s.kind === 'budget_vol' ? 'Gebruikt' : 'Bedrag', class: 'amount', value: (l) => euro(l.cents) },
      ...(s.kind === 'budget_vol' ? [{ label: 'Toegekend', class: 'amount', value: (l) => euro(l.granted_cents || 0) }] : []),
      ...(s.kind === 'uren' ? [{ label: 'Uren per week', class: 'amount', value: (l) => tenths(l.value_x10, '') }] : []),
      { label: '', value: (l) => l.note },
    ];
  const t = table(cols, s.lines || [], { caption: 'Regels achter het signaal', class: 'table-sm' });
  t.id = 'regels-lijst';
  $('regels-tabel').replaceChildren(t);
  sec.classList.remove('d-none');
  sec.scrollIntoView({ block: 'nearest' });
}

async function load() {
  const form = $('form-signalen');
  clearErrors(form);
  const p = periodField($('periode'));
  if (!p) return;
  const g = $('gemeente').value;
  const kind = $('soort').value;
  history.replaceState(null, '', `?${new URLSearchParams({ periode: p, ...(g ? { gemeente: g } : {}), ...(kind ? { soort: kind } : {}) })}`);
  $('export-xlsx').href = `/api/v1/exports/signals${query({ period: p, gemeente: g })}`;
  $('regels').classList.add('d-none');
  const out = $('signalen');
  out.replaceChildren(el('p', { class: 'text-muted', text: 'Laden…' }));
  try {
    const s = await get(`/api/v1/figures/signals${query({ period: p, gemeente: g, kind })}`);
    const counts = el('div', { class: 'row g-3 mb-4', id: 'signaal-tellingen' },
      ...s.kinds.map((k) => el('div', { class: 'col-6 col-md' },
        el('div', { class: 'card h-100' }, el('div', { class: 'card-body' },
          el('div', { class: 'small text-muted', text: k.name }),
          el('div', { class: 'fs-3 fw-semibold', 'data-kind': k.code, text: String(k.count) }))))));
    const t = table([
      { label: 'Signaal', value: (x) => x.kind_name },
      { label: 'Aanbieder', value: (x) => `${x.provider} (${x.agb})` },
      { label: 'Maand', value: (x) => x.month || '' },
      { label: 'Toelichting', value: (x) => x.text },
      { label: 'Regels', value: (x) => {
        if (s.aggregate || !x.lines) return String(x.count);
        const n = x.kind === 'sprong' ? x.lines.length : x.count;
        const what = x.kind === 'sprong' ? 'maanden' : (x.kind === 'budget_vol' ? (n === 1 ? 'toewijzing' : 'toewijzingen') : (n === 1 ? 'regel' : 'regels'));
        const b = el('button', { type: 'button', class: 'btn btn-link btn-sm p-0', text: `${n} ${what}` });
        b.addEventListener('click', () => showLines(x));
        return b;
      } },
    ], s.signals, { caption: `Signalen ${s.period.period}, ${s.scope.name}` });
    t.id = 'tabel-signalen';
    out.replaceChildren(
      el('h2', { class: 'h4', text: `${s.scope.name}, ${s.period.period}: ${s.total} signalen` }), counts,
      s.aggregate ? el('p', { class: 'text-muted', text: 'U ziet de signalen zonder de regels erachter (geen persoonsgegevens).' }) : '',
      el('div', { class: 'table-responsive' }, t));
  } catch (e) {
    out.replaceChildren();
    showError(form, e);
  }
}

async function start() {
  user = await initPage('signalen');
  if (!user) return;
  const mm = await municipalityMap();
  const sel = $('gemeente');
  for (const [cbs, name] of [...mm.entries()].sort((a, b) => a[1].localeCompare(b[1], 'nl'))) {
    sel.append(el('option', { value: cbs, text: `${name} (${cbs})` }));
  }
  const q = params();
  $('periode').value = q.get('periode') || String(new Date().getFullYear() - 1);
  if (q.get('gemeente')) sel.value = q.get('gemeente');
  else if ((user.role === 'toegang' || user.role === 'gemeente') && user.gemeente) sel.value = user.gemeente;
  if (q.get('soort')) $('soort').value = q.get('soort');
  $('form-signalen').addEventListener('submit', (ev) => { ev.preventDefault(); load(); });
  $('regels-sluiten').addEventListener('click', () => $('regels').classList.add('d-none'));
  await load();
}

start();
