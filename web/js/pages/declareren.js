// declareren.js: upload a declaration CSV (POST /api/v1/declarations with
// Content-Type text/csv) or an iJw JW323 message (.xml: POST /api/v1/ijw with
// Content-Type application/xml) and show every line's result: accepted, or
// the reason code and its Dutch message (rejected lines highlighted). For a
// JW323 the lines are read from the JW325 answer (each Prestatie's
// RetourCodes; 8001 is accepted), the messages from GET /api/v1/codes, and the
// JW325 can be downloaded. Below, earlier batches of a period with their
// lines.
import { get, post, listItems, query, clearErrors, showError, setFieldError, showAlert } from '../api.js';
import { initPage } from '../nav.js';
import { el, table, euro, badge, pick, date, dateTime, period, MONTHS, attachValidation } from '../format.js';

const $ = (id) => document.getElementById(id);
let lastLines = [];
let lastAnswer = null; // { name, xml } of the last JW325
let codeMessages = null; // code -> Dutch message (GET /api/v1/codes)

async function loadCodes() {
  if (codeMessages) return codeMessages;
  const map = new Map();
  try {
    const items = listItems(await get('/api/v1/codes?limit=500'));
    for (const c of items) map.set(c.code, c.message);
  } catch (e) {
    // without the messages the codes are still shown
  }
  codeMessages = map;
  return map;
}

const IJW_ACCEPTED = '8001';

// jw325Lines: the lines of a JW325 answer: per Prestatie its reference, its
// ToewijzingNummer, product, period, amount and retourcodes.
function jw325Lines(xml, messages) {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) return [];
  const text = (node, name) => {
    const e = node.getElementsByTagNameNS('*', name)[0];
    return e ? e.textContent.trim() : '';
  };
  const lines = [];
  for (const p of doc.getElementsByTagNameNS('*', 'Prestatie')) {
    const codes = [...p.getElementsByTagNameNS('*', 'RetourCode')].map((c) => c.textContent.trim());
    const accepted = codes.includes(IJW_ACCEPTED);
    const faults = codes.filter((c) => c !== IJW_ACCEPTED);
    const shown = accepted ? [IJW_ACCEPTED] : faults;
    const dc = text(p, 'DebetCredit');
    lines.push({
      line: text(p, 'ReferentieNummer'),
      product: text(p, 'ProductCode'),
      begin: text(p, 'Begindatum'),
      end: text(p, 'Einddatum'),
      result: accepted ? 'accepted' : 'rejected',
      code: shown.join(', '),
      message: shown.map((c) => messages.get(c) || '').filter(Boolean).join(' '),
      amount_cents: Number(text(p, 'Bedrag')) || 0,
      credit: dc === 'C',
    });
  }
  return lines;
}

function downloadAnswer() {
  if (!lastAnswer) return;
  const url = URL.createObjectURL(new Blob([lastAnswer.xml], { type: 'application/xml' }));
  const a = el('a', { href: url, download: lastAnswer.name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

const isXml = (file) => /\.xml$/i.test(file.name) || /xml/.test(file.type || '');

function lineRows(lines) {
  // leave out the columns the answer does not fill (the upload answer names
  // only line, result, code, message and amount)
  const has = (...keys) => lines.some((l) => keys.some((k) => l[k] !== undefined && l[k] !== null && l[k] !== ''));
  const cols = [
    { label: 'Regel', value: (l) => pick(l, 'line', 'ref') || '' },
    { label: 'Toewijzing', keys: ['assignment'], value: (l) => (l.assignment ? el('a', { href: `toewijzing.html?nummer=${encodeURIComponent(l.assignment)}`, text: l.assignment }) : '') },
    { label: 'Product', keys: ['product'], value: (l) => l.product || '' },
    { label: 'Periode', keys: ['begin'], value: (l) => (l.begin ? `${date(l.begin)} t/m ${date(l.end)}` : ''), class: 'nowrap' },
    { label: 'Uitkomst', value: (l) => badge(l.result || (l.accepted ? 'accepted' : 'rejected')) },
    { label: 'Code', value: (l) => el('span', { class: 'mono', text: l.code || '' }) },
    { label: 'Melding', value: (l) => l.message || '' },
    { label: 'Bedrag', value: (l) => `${l.credit ? '−' : ''}${euro(l.amount_cents)}`, class: 'amount' },
  ].filter((c) => !c.keys || has(...c.keys));
  return table(cols, lines, {
    caption: 'Uitkomst per declaratieregel',
    rowClass: (l) => ((l.result || (l.accepted ? 'accepted' : 'rejected')) === 'rejected' ? 'table-danger' : null),
  });
}

const MAX_ROWS = 2000; // a big file's table stays usable

function renderLines() {
  const only = $('alleen-afgewezen').checked;
  const lines = only ? lastLines.filter((l) => l.result === 'rejected') : lastLines;
  if (!lines.length) {
    $('regels').replaceChildren(el('p', { class: 'text-muted', text: only ? 'Geen afgewezen regels.' : 'Geen regels.' }));
    return;
  }
  const shown = lines.slice(0, MAX_ROWS);
  $('regels').replaceChildren(
    lines.length > MAX_ROWS ? el('p', { class: 'small text-muted', text: `De eerste ${MAX_ROWS} van ${lines.length} regels${only ? '' : '; zet "Alleen afgewezen regels tonen" aan om de afgewezen regels te zien'}.` }) : '',
    lineRows(shown));
}

function renderBatches(batches) {
  if (!batches.length) return '';
  return table([
    { label: 'Declaratienummer', value: (b) => pick(b, 'number', 'declaratienummer') || '' },
    { label: 'Gemeente', value: (b) => b.gemeente || '' },
    { label: 'Periode', value: (b) => period(b.period) },
    { label: 'Geaccepteerd', value: (b) => String(pick(b, 'accepted_lines', 'n_accepted', 'accepted') ?? ''), class: 'amount' },
    { label: 'Afgewezen', value: (b) => String(pick(b, 'rejected_lines', 'n_rejected', 'rejected') ?? ''), class: 'amount' },
    { label: 'Bedrag', value: (b) => euro(pick(b, 'accepted_cents', 'accepted_amount_cents', 'amount_cents')), class: 'amount' },
    { label: '', value: (b) => (b.replayed ? el('span', { class: 'badge text-bg-secondary', text: 'eerder ontvangen: niets gewijzigd' }) : '') },
  ], batches, { caption: 'Declaraties in het bestand' });
}

async function upload(e) {
  e.preventDefault();
  const form = $('form-upload');
  clearErrors(form);
  const file = $('bestand').files[0];
  if (!file) {
    setFieldError($('bestand'), 'Kies een CSV-bestand of een JW323-bericht (.xml).');
    return;
  }
  if (file.size > 64 * 1024 * 1024) {
    setFieldError($('bestand'), 'Het bestand is groter dan 64 MiB.');
    return;
  }
  const b = $('uploaden');
  b.disabled = true;
  b.textContent = 'Bezig met controleren…';
  try {
    let batches = [];
    let note = '';
    lastAnswer = null;
    $('antwoord-download').classList.add('d-none');
    if (isXml(file)) {
      const [res, messages] = await Promise.all([
        post(`/api/v1/ijw${query({ name: file.name })}`, file, { contentType: 'application/xml' }),
        loadCodes(),
      ]);
      lastLines = res && res.answer ? jw325Lines(res.answer, messages) : [];
      if (res && res.answer) {
        const stem = file.name.replace(/\.[^.]*$/, '') || 'bericht';
        lastAnswer = { name: `${stem}_${res.answer_type || 'antwoord'}.xml`, xml: res.answer };
        $('antwoord-download').classList.remove('d-none');
      }
      const codes = Object.keys((res && res.codes) || {}).filter((c) => c !== IJW_ACCEPTED);
      note = `${res.type || 'Bericht'} verwerkt, antwoord ${res.answer_type || '—'}`;
      if (res.replayed) note += ' (eerder ontvangen: hetzelfde antwoord, niets gewijzigd)';
      if (codes.length && !lastLines.some((l) => l.result === 'rejected')) note += `; retourcodes ${codes.join(', ')}`;
      note += '. ';
    } else {
      const res = await post('/api/v1/declarations', file, { contentType: 'text/csv' });
      lastLines = (res && res.lines) || [];
      batches = (res && res.batches) || [];
    }
    const acc = lastLines.filter((l) => l.result === 'accepted');
    const rej = lastLines.filter((l) => l.result === 'rejected');
    const sum = acc.reduce((s, l) => s + (l.credit ? -1 : 1) * (Number(l.amount_cents) || 0), 0);
    $('uitkomst').classList.remove('d-none');
    $('samenvatting').replaceChildren(el('div', { class: `alert ${rej.length ? 'alert-warning' : 'alert-success'}`, role: 'status' },
      `${file.name}: ${note}${lastLines.length} regel(s) gecontroleerd: ${acc.length} geaccepteerd (${euro(sum)}), ${rej.length} afgewezen.`));
    $('batches').replaceChildren(renderBatches(batches));
    renderLines();
    $('samenvatting').scrollIntoView({ block: 'nearest' });
  } catch (err) {
    $('uitkomst').classList.add('d-none');
    // a file-level fault is about the file, whatever column it names
    if (err.status === 400 || err.status === 413) {
      err.field = 'bestand';
      err.invalid = [];
    }
    showError(form, err);
  } finally {
    b.disabled = false;
    b.textContent = 'Uploaden en controleren';
  }
}

// ---- earlier batches ----------------------------------------------------------------

async function loadEarlier(e) {
  if (e) e.preventDefault();
  const form = $('form-eerder');
  clearErrors(form);
  const p = `${$('eerder-jaar').value.trim()}-${$('eerder-maand').value}`;
  const out = $('eerder');
  $('eerder-regels').replaceChildren();
  out.replaceChildren(el('p', { class: 'text-muted', text: 'Laden…' }));
  try {
    const data = await get(`/api/v1/declarations${query({ period: p, limit: 500 })}`);
    const items = listItems(data);
    if (!items.length) {
      out.replaceChildren(el('p', { class: 'text-muted', text: `Geen declaraties over ${period(p)}.` }));
      return;
    }
    out.replaceChildren(table([
      { label: 'Declaratienummer', value: (b) => pick(b, 'number', 'declaratienummer') || '' },
      { label: 'Aanbieder', value: (b) => b.agb || '' },
      { label: 'Gemeente', value: (b) => b.gemeente || '' },
      { label: 'Periode', value: (b) => period(b.period) },
      { label: 'Dagtekening', value: (b) => date(pick(b, 'dagtekening', 'date')), class: 'nowrap' },
      { label: 'Ontvangen', value: (b) => dateTime(b.received_at), class: 'nowrap' },
      { label: 'Geaccepteerd', value: (b) => String(pick(b, 'accepted_lines', 'n_accepted') ?? ''), class: 'amount' },
      { label: 'Afgewezen', value: (b) => String(pick(b, 'rejected_lines', 'n_rejected') ?? ''), class: 'amount' },
      { label: 'Bedrag', value: (b) => euro(pick(b, 'accepted_cents', 'accepted_amount_cents', 'amount_cents')), class: 'amount' },
      { label: '', value: (b) => {
        const id = pick(b, 'id', 'batch_id');
        const btn = el('button', { type: 'button', class: 'btn btn-link btn-sm', text: 'Regels' });
        btn.addEventListener('click', () => showBatch(id, pick(b, 'number', 'declaratienummer')));
        return btn;
      } },
    ], items, { caption: `Declaraties over ${period(p)}` }));
  } catch (err) {
    out.replaceChildren();
    showError(form, err);
  }
}

async function showBatch(id, number) {
  const out = $('eerder-regels');
  out.replaceChildren(el('p', { class: 'text-muted', text: 'Laden…' }));
  try {
    const data = await get(`/api/v1/declarations/${encodeURIComponent(id)}/lines?limit=500`);
    const lines = listItems(data).map((l) => ({ ...l, result: l.result || (l.accepted ? 'accepted' : l.status === 'accepted' ? 'accepted' : 'rejected') }));
    out.replaceChildren(el('h3', { class: 'h5 mt-3', text: `Regels van declaratie ${number || id}` }), lineRows(lines));
  } catch (err) {
    out.replaceChildren();
    showAlert(out, err.message);
  }
}

(async () => {
  const user = await initPage('declareren');
  if (!user) return;
  const now = new Date();
  const prev = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  $('eerder-maand').append(...MONTHS.map((m, i) => el('option', { value: String(i + 1).padStart(2, '0'), text: m })));
  $('eerder-maand').value = String(prev.getMonth() + 1).padStart(2, '0');
  $('eerder-jaar').value = String(prev.getFullYear());
  $('form-upload').addEventListener('submit', upload);
  $('bestand').addEventListener('change', () => setFieldError($('bestand'), ''));
  $('alleen-afgewezen').addEventListener('change', renderLines);
  $('download-jw325').addEventListener('click', downloadAnswer);
  const fe = $('form-eerder');
  const ve = attachValidation(fe, setFieldError);
  fe.addEventListener('submit', (e) => { e.preventDefault(); if (ve()) loadEarlier(); });
})();
