// format.js: Dutch presentation of amounts and dates, input parsing and
// validation as you type, and small DOM helpers that never parse HTML.

// ---- money ------------------------------------------------------------------

// euro: integer eurocents -> "€ 1.234,56" (negative: "€ -1.234,56").
export function euro(cents) {
  if (cents === null || cents === undefined || cents === '') return '';
  const n = Number(cents);
  if (!Number.isFinite(n)) return '';
  const neg = n < 0;
  const abs = Math.abs(Math.round(n));
  const whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const frac = String(abs % 100).padStart(2, '0');
  return `€ ${neg ? '-' : ''}${whole},${frac}`;
}

// parseEuro: "1.234,56", "1234.56", "1234" -> cents; null when no amount.
export function parseEuro(text) {
  let s = String(text || '').trim().replace(/^€\s*/, '').replace(/\s/g, '');
  if (!s) return null;
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(s)) s = s.replace(/\./g, '').replace(',', '.');
  else if (/^\d+,\d{1,2}$/.test(s)) s = s.replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  const [w, f = ''] = s.split('.');
  return Number(w) * 100 + Number(f.padEnd(2, '0'));
}

// parseHours: "12,5" or "12.5" -> "12.5" (the API's decimal text) or null.
export function parseHours(text) {
  const s = String(text || '').trim().replace(',', '.');
  if (!/^\d{1,5}(\.\d{1,2})?$/.test(s)) return null;
  if (Number(s) <= 0) return null;
  return s;
}

// centiHours: "12.5" -> 1250.
export function centiHours(s) {
  const [w, f = ''] = s.split('.');
  return Number(w) * 100 + Number(f.padEnd(2, '0'));
}

// lineAmount: hours (hundredths) x tariff (cents), rounded half up, as the
// server computes a quote line.
export function lineAmount(centi, tariffCents) {
  return Math.floor((centi * tariffCents + 50) / 100);
}

// tenths: a figure the API gives in tenths (123) as Dutch text ("12,3");
// none (a dash unless given) when there is no figure
export function tenths(v, none = '–') {
  if (v === null || v === undefined) return none;
  return (Number(v) / 10).toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

export function number(n) {
  if (n === null || n === undefined || n === '') return '';
  return Number(n).toLocaleString('nl-NL');
}

// ---- dates ------------------------------------------------------------------

function validYmd(y, m, d) {
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return false;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= dim;
}

// parseDate: "dd-mm-jjjj" (also d-m-jjjj, with / or .) or "jjjj-mm-dd" ->
// "YYYY-MM-DD"; null when it is no real date.
export function parseDate(text) {
  const s = String(text || '').trim();
  let m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  let y, mo, d;
  if (m) {
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    return null;
  }
  if (!validYmd(y, mo, d)) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// date: "YYYY-MM-DD" -> "dd-mm-jjjj"; '' for none.
export function date(iso) {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(iso));
  return m ? `${m[3]}-${m[2]}-${m[1]}` : String(iso);
}

// dateTime: "YYYY-MM-DD HH:MM:SS" or ISO -> "dd-mm-jjjj HH:MM".
export function dateTime(s) {
  if (!s) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/.exec(String(s));
  return m ? `${m[3]}-${m[2]}-${m[1]} ${m[4]}:${m[5]}` : date(s);
}

export const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus',
  'september', 'oktober', 'november', 'december'];

// period: "YYYY-MM" -> "maart 2025".
export function period(p) {
  const m = /^(\d{4})-(\d{2})$/.exec(String(p || ''));
  return m ? `${MONTHS[Number(m[2]) - 1]} ${m[1]}` : String(p || '');
}

// todayIso: the browser's date (the server may take another date as today).
export function todayIso() {
  const t = new Date();
  return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')}`;
}

// ---- identifiers -----------------------------------------------------------

// bsnValid: 9 digits passing the 11-check (the last digit weighs -1).
export function bsnValid(bsn) {
  const s = String(bsn || '').trim();
  if (!/^\d{9}$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(s[i]) * (9 - i);
  sum -= Number(s[8]);
  return sum % 11 === 0 && s !== '000000000';
}

export const agbValid = (s) => /^\d{8}$/.test(String(s || '').trim());

// ---- labels -----------------------------------------------------------------

export const ROLE_NAMES = {
  beheerder: 'Beheerder',
  rsj: 'Regioteam (RSJ)',
  toegang: 'Toegang',
  gemeente: 'Gemeente',
  aanbieder: 'Aanbieder',
  lezer: 'Lezer',
};

export const REFERRER_TYPES = [
  ['01', 'Gemeente (toegang)'],
  ['02', 'Huisarts'],
  ['03', 'Jeugdarts'],
  ['04', 'Gecertificeerde instelling (GI)'],
  ['05', 'Medisch specialist'],
  ['06', 'Geen verwijzer (zelfverwijzer)'],
  ['08', 'Rechter / Officier van Justitie'],
];

export function referrerName(code) {
  const r = REFERRER_TYPES.find(([c]) => c === code);
  return r ? r[1] : code || '';
}

export const ROUTE_NAMES = {
  budget: 'Keuzebudget',
  offerte: 'Offerte',
  verblijf: 'Wonen/verblijf',
  crisis: 'Crisis',
  dyslexie: 'Ernstige dyslexie',
  product: 'Product',
};

// iJw RedenBeeindiging (stop zorg)
export const STOP_REASONS = [
  ['31', 'Volgens plan beëindigd'],
  ['32', 'Voortijdig: eenzijdig door de cliënt'],
  ['33', 'Voortijdig: eenzijdig door de aanbieder'],
  ['34', 'Voortijdig: in overeenstemming'],
  ['35', 'Voortijdig: wegens externe omstandigheden'],
  ['36', 'Geïnitieerd door de gemeente'],
  ['37', 'In verband met wijzigingsverzoek'],
  ['38', 'Overstap naar andere aanbieder'],
  ['39', 'Uitstroom naar ander domein'],
  ['20', 'Levering tijdelijk beëindigd'],
  ['02', 'Overlijden'],
];

// iJw RedenWijziging (change of an assignment; 13 is withdrawal)
export const CHANGE_REASONS = [
  ['04', 'Herbeoordeling: verlenging toewijzing'],
  ['05', 'Herbeoordeling: verkorting toewijzing'],
  ['03', 'Contractwijziging'],
  ['02', 'Cliënt overleden'],
  ['06', 'Uitstroom naar ander domein'],
  ['07', 'Verhuizing naar een andere gemeente'],
  ['08', 'Wijziging leveringsvorm'],
  ['09', 'Overstap naar andere aanbieder'],
  ['10', 'Overgang naar nieuwe bekostigingssystematiek'],
  ['11', 'Gemeentelijke herindeling'],
  ['12', 'Geïnitieerd door de aanbieder'],
  ['01', 'Administratieve correctie (vervallen)'],
];

export const UNIT_NAMES = { '01': 'minuut', '04': 'uur', '14': 'etmaal', '83': 'euro', '16': 'dagdeel' };

export const STATUS_CLASS = {
  actief: 'text-bg-success',
  open: 'text-bg-info',
  toegewezen: 'text-bg-success',
  afgesloten: 'text-bg-secondary',
  beeindigd: 'text-bg-secondary',
  ingetrokken: 'text-bg-dark',
  aangevraagd: 'text-bg-warning',
  beantwoord: 'text-bg-info',
  geaccepteerd: 'text-bg-success',
  afgewezen: 'text-bg-danger',
  toegekend: 'text-bg-primary',
  gewijzigd: 'text-bg-info',
  vrijgevallen: 'text-bg-secondary',
  accepted: 'text-bg-success',
  rejected: 'text-bg-danger',
};

export const STATUS_TEXT = {
  beeindigd: 'beëindigd',
  accepted: 'geaccepteerd',
  rejected: 'afgewezen',
};

// ---- DOM helpers --------------------------------------------------------------

// el('td', {class: 'x', text: 'y'}, child, ...): an element; never parses HTML.
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else if (v === true) e.setAttribute(k, '');
    else e.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

export function badge(status) {
  const s = String(status || '');
  return el('span', { class: `badge ${STATUS_CLASS[s] || 'text-bg-light'}`, text: STATUS_TEXT[s] || s });
}

// table(columns, rows, opts): a Bootstrap table. columns: [{label, value:
// row => string|Node, class}], opts.rowClass: row => class.
export function table(columns, rows, opts = {}) {
  const thead = el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col', class: c.class || null, text: c.label }))));
  const tbody = el('tbody');
  for (const r of rows) {
    const tr = el('tr', { class: opts.rowClass ? opts.rowClass(r) || null : null });
    for (const c of columns) {
      const v = c.value(r);
      tr.append(el('td', { class: c.class || null }, v === undefined || v === null ? '' : v));
    }
    tbody.append(tr);
  }
  const t = el('table', { class: `table table-sm table-hover align-middle ${opts.class || ''}` },
    opts.caption ? el('caption', { class: 'visually-hidden', text: opts.caption }) : null, thead, tbody);
  return el('div', { class: 'table-responsive' }, t);
}

// ledgerBar: a stacked Bootstrap progress bar: used, released, remaining;
// with a warning when the API says more than 90 % of the budget is used
// (ledger.nearly_spent, the same rule as the worklist); opts.warn false
// leaves it out where every row is nearly spent.
export function ledgerBar(ledger, opts = {}) {
  const granted = Number(ledger.granted_cents) || 0;
  const used = Number(ledger.used_cents) || 0;
  const released = Number(ledger.released_cents) || 0;
  const remaining = ledger.remaining_cents !== undefined ? Number(ledger.remaining_cents) : Math.max(0, granted - used - released);
  const total = Math.max(granted, used + released + remaining, 1);
  const part = (cents, cls, label) => {
    const pct = Math.max(0, Math.min(100, (cents * 100) / total));
    const seg = el('div', {
      class: `progress-bar ${cls}`,
      role: 'progressbar',
      'aria-label': `${label}: ${euro(cents)}`,
      'aria-valuenow': Math.round(pct),
      'aria-valuemin': 0,
      'aria-valuemax': 100,
      title: `${label}: ${euro(cents)}`,
    }, opts.small || pct < 12 ? '' : `${label} ${Math.round(pct)}%`);
    seg.style.width = `${pct}%`;
    return seg;
  };
  const bar = el('div', { class: `progress ${opts.small ? 'ledger-bar-sm' : 'ledger-bar'}` },
    part(used, 'bg-primary', 'Gebruikt'),
    part(released, 'bg-secondary', 'Vrijgevallen'),
    part(remaining, 'bg-success', 'Resterend'));
  const warning = ledger.nearly_spent && opts.warn !== false
    ? el('span', { class: 'badge text-bg-warning nearly-spent', title: 'Meer dan 90 % van het budget is gebruikt', text: 'Bijna besteed' })
    : null;
  if (opts.small) return warning ? el('div', {}, bar, warning) : bar;
  const legend = el('ul', { class: 'list-inline small mt-1 mb-0 ledger-legend' },
    el('li', { class: 'list-inline-item' }, el('span', { class: 'legend-dot bg-primary' }), ` Gebruikt ${euro(used)}`),
    el('li', { class: 'list-inline-item' }, el('span', { class: 'legend-dot bg-success' }), ` Resterend ${euro(remaining)}`),
    el('li', { class: 'list-inline-item' }, el('span', { class: 'legend-dot bg-secondary' }), ` Vrijgevallen ${euro(released)}`),
    el('li', { class: 'list-inline-item' }, ` van ${euro(granted)} toegekend`),
    warning ? el('li', { class: 'list-inline-item' }, warning) : null);
  return el('div', {}, bar, legend);
}

// params: the page's query parameters.
export function params() {
  return new URLSearchParams(location.search);
}

// A BSN never goes into an address (API Design Rules; the API refuses
// ?bsn=): a page hands it to the next one through this tab's
// sessionStorage instead. handBsn keeps it, takeBsn reads it once.
const BSN_KEY = 'jeugdregio.bsn';

export function handBsn(bsn) {
  try {
    sessionStorage.setItem(BSN_KEY, String(bsn || ''));
  } catch (e) {
    /* storage off: the next page asks for the BSN */
  }
}

export function takeBsn() {
  try {
    const bsn = sessionStorage.getItem(BSN_KEY);
    sessionStorage.removeItem(BSN_KEY);
    return bsn || '';
  } catch (e) {
    return '';
  }
}

// bsnLink: a link to page that hands bsn over on the way (see handBsn).
export function bsnLink(page, bsn, attrs = {}) {
  return el('a', { ...attrs, href: page, onclick: () => handBsn(bsn) });
}

// ---- validation as you type ----------------------------------------------------

// attachValidation: validates inputs of form as the user types, per its
// data-validate attribute ("bsn", "date", "euro", "hours", "agb",
// "required", "int", "password"), and on submit. Returns a function that
// validates all and answers whether the form is valid.
export function attachValidation(form, setFieldError) {
  const check = (input) => {
    const msg = validateInput(input);
    setFieldError(input, msg);
    if (!msg && input.value.trim() !== '' && input.dataset.validate) input.classList.add('is-valid');
    else input.classList.remove('is-valid');
    return !msg;
  };
  form.addEventListener('input', (e) => {
    const t = e.target;
    if (!(t instanceof HTMLElement) || !t.matches('input, select, textarea')) return;
    if (t.classList.contains('is-invalid') || t.dataset.validate) {
      // be quiet while a value is still being typed: complain about the
      // shape only once it is long enough to judge
      const v = t.value.trim();
      const kind = t.dataset.validate;
      if ((kind === 'bsn' && v.length < 9) || (kind === 'date' && v.length < 8) || (kind === 'agb' && v.length < 8)) {
        if (!/^[\d\-/.]*$/.test(v)) check(t);
        else { setFieldError(t, ''); t.classList.remove('is-valid'); }
        return;
      }
      check(t);
    }
  });
  form.addEventListener('change', (e) => {
    const t = e.target;
    if (t instanceof HTMLElement && t.matches('input, select, textarea')) check(t);
  }, true);
  form.addEventListener('focusout', (e) => {
    const t = e.target;
    if (t instanceof HTMLElement && t.matches('input, select, textarea') && t.value.trim() !== '') check(t);
  });
  return () => {
    let ok = true;
    let first = null;
    form.querySelectorAll('input, select, textarea').forEach((i) => {
      if (i.disabled || i.closest('.d-none')) return;
      if (!check(i)) {
        ok = false;
        first = first || i;
      }
    });
    if (first) first.focus();
    return ok;
  };
}

// validateInput: '' when valid, else a Dutch message.
export function validateInput(input) {
  const v = (input.value || '').trim();
  if (input.type === 'checkbox' || input.type === 'radio') return '';
  if (input.required && v === '') return 'Dit veld is verplicht.';
  if (v === '') return '';
  switch (input.dataset.validate) {
    case 'bsn':
      if (!/^\d{9}$/.test(v)) return 'Een BSN heeft 9 cijfers.';
      if (!bsnValid(v)) return 'Dit BSN voldoet niet aan de elfproef.';
      return '';
    case 'date': {
      const d = parseDate(v);
      if (!d) return 'Geen geldige datum; schrijf dd-mm-jjjj.';
      const min = input.dataset.after && input.form ? input.form.querySelector(`[name="${input.dataset.after}"]`) : null;
      if (min) {
        const md = parseDate(min.value);
        if (md && d < md) return 'Deze datum ligt voor de begindatum.';
      }
      if (input.dataset.notFuture !== undefined && d > todayIso()) return 'Deze datum ligt in de toekomst.';
      return '';
    }
    case 'euro':
      return parseEuro(v) === null ? 'Geen geldig bedrag; schrijf bijvoorbeeld 1.234,56.' : '';
    case 'hours':
      return parseHours(v) === null ? 'Geef het aantal uren, bijvoorbeeld 12,5 (groter dan nul).' : '';
    case 'int': {
      if (!/^\d+$/.test(v)) return 'Geef een geheel getal.';
      const n = Number(v);
      const lo = input.dataset.min !== undefined ? Number(input.dataset.min) : 1;
      const hi = input.dataset.max !== undefined ? Number(input.dataset.max) : Infinity;
      if (n < lo) return `Minimaal ${lo}.`;
      if (n > hi) return `Maximaal ${hi}.`;
      return '';
    }
    case 'agb':
      return agbValid(v) ? '' : 'Een AGB-code heeft 8 cijfers.';
    case 'password':
      return v.length >= 12 ? '' : 'Een wachtwoord heeft minstens 12 tekens.';
    default:
      return '';
  }
}

// pick: the first of keys that obj has (not undefined/null).
export function pick(obj, ...keys) {
  for (const k of keys) {
    if (obj && obj[k] !== undefined && obj[k] !== null) return obj[k];
  }
  return undefined;
}
