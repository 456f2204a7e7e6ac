// catalogus.js: the region catalog (GET /api/v1/catalog): keuzebudgetten,
// functiegroepen, wonen/verblijf intensities, crisis and dyslexie with their
// tariffs per year, the products list with each product's funding variant
// and prices per provider, the referrer rules, the lots, the strategic
// partners with their subcontractors and task budgets, the contract terms
// and KPIs, the municipalities, and the reason codes (GET /api/v1/codes).
// A section the region has nothing for is left out.
import { showAlert } from '../api.js';
import { initPage } from '../nav.js';
import { catalog, codes } from '../data.js';
import { el, table, euro, date, number as fmtNumber, referrerName } from '../format.js';

const $ = (id) => document.getElementById(id);
let cat = null;

function priceIn(prices, year) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const p = (prices || []).find((x) => x.from <= to && (!x.to || x.to >= from));
  return p || null;
}

function priceCell(prices, year) {
  const p = priceIn(prices, year);
  if (!p) return '–';
  return `${euro(p.cents)}${p.derived ? ' *' : ''}`;
}

function periods(prices) {
  return el('details', {}, el('summary', { class: 'small', text: 'Alle periodes' }),
    el('ul', { class: 'small mb-0' }, (prices || []).map((p) => el('li', { text: `${date(p.from)} t/m ${p.to ? date(p.to) : 'open'}: ${euro(p.cents)}${p.derived ? ' (OVA-index)' : ''}` }))));
}

function section(title, ...children) {
  return el('section', { class: 'mb-5' }, el('h2', { class: 'h4', text: title }), ...children);
}

const UNIT = { '04': 'per uur', '14': 'per etmaal', '01': 'per minuut', 16: 'per dagdeel', 82: 'per stuk', 84: 'per stuk' };

// how a products-list product is paid, in words
function fundingText(p) {
  if (p.funding === 'taakgericht') return 'taakgericht: taakbudget van de partner';
  if (p.funding === 'outputgericht') return `outputgericht: vaste prijs ${p.period === 'traject' ? 'per traject' : 'per maand'}`;
  return `inspanningsgericht: ${UNIT[p.unit] || 'per eenheid'}`;
}

function render(year, reasonCodes) {
  const products = cat.products || [];
  const ofKind = (k) => products.filter((p) => p.kind === k);
  const productCols = (extra = []) => [
    { label: 'Code', value: (p) => el('span', { class: 'mono', text: p.short_code }) },
    { label: 'iJw-code', value: (p) => el('span', { class: 'mono', text: `${p.category}/${p.code}` }) },
    { label: 'Omschrijving', value: (p) => p.name },
    ...extra,
    { label: `Tarief ${year}`, value: (p) => `${priceCell(p.tariffs, year)} ${UNIT[p.unit] || ''}`, class: 'amount' },
    { label: 'Tariefperiodes', value: (p) => periods(p.tariffs) },
  ];
  const listed = ofKind('product');
  const names = new Map((cat.municipalities || []).map((m) => [m.cbs, m.name]));
  const partnerName = new Map((cat.partners || []).map((x) => [x.agb, x.name]));
  const parts = [
    section('Keuzebudgetten (ambulant)', table([
      { label: 'Budget', value: (b) => el('span', { class: 'fw-semibold', text: b.code }) },
      { label: 'Past bij het resultaat', value: (b) => b.result },
      { label: 'Max. duur', value: (b) => `${b.max_months} maanden`, class: 'nowrap' },
      { label: `Bedrag ${year}`, value: (b) => priceCell(b.amounts, year), class: 'amount' },
      { label: 'Periodes', value: (b) => periods(b.amounts) },
    ], cat.keuzebudgetten || [], { caption: 'Keuzebudgetten' })),
    section('Functiegroepen (uurtarieven)', table(productCols(), ofKind('functiegroep'), { caption: 'Functiegroepen' })),
    section('Wonen en verblijf (per etmaal)', table(productCols([
      { label: 'Vorm', value: (p) => `${p.setting || ''}${p.form ? `, ${p.form}` : ''}${p.parttime ? ' (ook deeltijd)' : ''}` },
    ]), ofKind('intensiteit'), { caption: 'Intensiteiten wonen en verblijf' })),
    section('Crisis en ernstige dyslexie', table(productCols([
      { label: 'Max. duur', value: (p) => (p.max_days ? `${p.max_days} dagen` : '') },
    ]), [...ofKind('crisis'), ...ofKind('dyslexie')], { caption: 'Crisis en ernstige dyslexie' })),
    section('Verwijzers en hun routes', table([
      { label: 'Type', value: (r) => (r.type === 'overig' ? 'overig' : `${r.type} ${referrerName(r.type)}`) },
      { label: 'Naam in de regio', value: (r) => r.name },
      { label: 'Keuzebudgetten', value: (r) => (r.budgets === 'all' ? 'alle' : Array.isArray(r.budgets) && r.budgets.length ? r.budgets.join(', ') : 'geen') },
      { label: 'Offerte', value: (r) => (r.quote ? 'ja' : 'nee') },
      { label: 'Verblijf', value: (r) => (r.verblijf ? 'ja' : 'nee') },
      { label: 'Crisis', value: (r) => (r.crisis ? 'ja' : 'nee') },
      { label: 'Dyslexie', value: (r) => (r.dyslexie ? 'ja' : 'nee') },
    ], cat.referrers || [], { caption: 'Verwijzers' })),
    section('Percelen', table([
      { label: 'Perceel', value: (l) => l.code },
      { label: 'Naam', value: (l) => l.name },
      { label: 'Producten', value: (l) => (l.products || []).join(', ') },
    ], cat.lots || [], { caption: 'Percelen' })),
    section('Gemeenten', table([
      { label: 'CBS-code', value: (m) => el('span', { class: 'mono', text: m.cbs }) },
      { label: 'Gemeente', value: (m) => m.name },
      { label: 'Jeugdigen', value: (m) => fmtNumber(m.youth_population), class: 'amount' },
    ], cat.municipalities || [], { caption: 'Gemeenten' })),
  ];
  // the products list (route product), with prices per provider
  if (listed.length) {
    parts.splice(0, 0, section('Producten', table([
      { label: 'Code', value: (x) => el('span', { class: 'mono', text: x.short_code }) },
      { label: 'iJw-code', value: (x) => el('span', { class: 'mono', text: `${x.category}/${x.code}` }) },
      { label: 'Omschrijving', value: (x) => x.name },
      { label: 'Bekostiging', value: (x) => fundingText(x) },
      { label: 'Max. duur', value: (x) => `${x.max_months} maanden`, class: 'nowrap' },
      { label: `Tarief ${year}`, value: (x) => (x.funding === 'taakgericht' ? '–' : `${priceCell(x.tariffs, year)} ${UNIT[x.unit] || ''}`), class: 'amount' },
      {
        label: 'Prijs per aanbieder',
        value: (x) => ((x.provider_tariffs || []).length
          ? el('ul', { class: 'small mb-0 list-unstyled' }, x.provider_tariffs.map((t) => el('li', { text: `${t.agb}: ${priceCell(t.tariffs, year)}` })))
          : ''),
      },
    ], listed, { caption: 'Producten van de regio' })));
  }
  // drop the legacy sections the region has nothing for (a partner region has no keuzebudgetten)
  const empty = [
    !(cat.keuzebudgetten || []).length, !ofKind('functiegroep').length, !ofKind('intensiteit').length,
    !ofKind('crisis').length && !ofKind('dyslexie').length,
  ];
  const offset = listed.length ? 1 : 0;
  for (let i = empty.length - 1; i >= 0; i--) if (empty[i]) parts.splice(offset + i, 1);
  if (listed.length) {
    // the referrers' products beside their routes
    const at = parts.findIndex((x) => x.querySelector('caption') && x.querySelector('caption').textContent === 'Verwijzers');
    if (at >= 0) {
      parts.splice(at, 1, section('Verwijzers en hun routes', table([
        { label: 'Type', value: (r) => (r.type === 'overig' ? 'overig' : `${r.type} ${referrerName(r.type)}`) },
        { label: 'Naam in de regio', value: (r) => r.name },
        { label: 'Producten', value: (r) => (r.products === 'all' ? 'alle' : Array.isArray(r.products) && r.products.length ? r.products.join(', ') : 'geen') },
        { label: 'Keuzebudgetten', value: (r) => (r.budgets === 'all' ? 'alle' : Array.isArray(r.budgets) && r.budgets.length ? r.budgets.join(', ') : 'geen') },
        { label: 'Dyslexie', value: (r) => (r.dyslexie ? 'ja' : 'nee') },
      ], cat.referrers || [], { caption: 'Verwijzers' })));
    }
  }
  if ((cat.partners || []).length) {
    parts.push(section('Strategische partners', table([
      { label: 'AGB', value: (x) => el('span', { class: 'mono', text: x.agb }) },
      { label: 'Hoofdaannemer', value: (x) => x.name },
      { label: 'Perceel', value: (x) => x.lot },
      { label: 'Onderaannemers', value: (x) => ((x.subcontractors || []).length ? el('ul', { class: 'small mb-0 list-unstyled' }, x.subcontractors.map((u) => el('li', { text: `${u.agb} ${u.name}` }))) : 'geen') },
    ], cat.partners, { caption: 'Strategische partners' })));
  }
  const budgets = (cat.task_budgets || []).filter((t) => t.year === year);
  if ((cat.task_budgets || []).length) {
    parts.push(section(`Taakbudgetten ${year}`, budgets.length
      ? table([
        { label: 'Partner', value: (t) => `${partnerName.get(t.partner) || ''} (${t.partner})` },
        { label: 'Taak', value: (t) => el('span', { class: 'mono', text: t.product }) },
        { label: 'Gemeente', value: (t) => names.get(t.gemeente) || t.gemeente },
        { label: 'Jaarbudget', value: (t) => euro(t.amount_cents), class: 'amount' },
        { label: 'Termijnen', value: (t) => String(t.terms), class: 'amount' },
      ], budgets, { caption: `Taakbudgetten ${year}` })
      : el('p', { class: 'text-muted', text: `Geen taakbudgetten in ${year}.` })));
  }
  const c = cat.contract_terms;
  if (c && c.start) {
    const ev = (c.evaluation_years || []).map((y) => `na jaar ${y}`).join(' en ');
    parts.push(section('Contract', el('p', { id: 'contracttermijn', text: `Looptijd ${c.length_years} jaar vanaf ${date(c.start)}${ev ? `, evaluaties ${ev}` : ''}.${c.note ? ` ${c.note}` : ''}` })));
  }
  if ((cat.kpis || []).length) {
    parts.push(section("Prestatie-indicatoren (KPI's)", table([
      { label: 'Code', value: (k) => el('span', { class: 'mono', text: k.code }) },
      { label: 'Indicator', value: (k) => k.name },
      { label: 'Doel', value: (k) => k.target },
    ], cat.kpis, { caption: "KPI's" })));
  }
  if (reasonCodes && reasonCodes.length) {
    parts.push(section('Redencodes declaratiecontrole', table([
      { label: 'Code', value: (c) => el('span', { class: 'mono', text: c.code }) },
      { label: 'Bron', value: (c) => c.source || '' },
      { label: 'Melding', value: (c) => c.message || '' },
    ], reasonCodes, { caption: 'Redencodes' })));
  }
  $('catalogus').replaceChildren(...parts);
}

(async () => {
  const user = await initPage('catalogus');
  if (!user) return;
  let reasonCodes = [];
  try {
    [cat, reasonCodes] = await Promise.all([catalog(), codes().catch(() => [])]);
  } catch (e) {
    showAlert($('catalogus'), e.message);
    return;
  }
  $('regio').textContent = `Regio ${cat.region || ''}${cat.organisation ? ` – ${cat.organisation}` : ''}${cat.variant ? ` · bekostiging ${cat.variant}` : ''}`;
  const years = new Set();
  for (const p of [...(cat.products || []).flatMap((x) => x.tariffs || []), ...(cat.keuzebudgetten || []).flatMap((x) => x.amounts || [])]) {
    if (p.from) years.add(Number(p.from.slice(0, 4)));
  }
  for (const t of cat.task_budgets || []) years.add(t.year);
  const list = [...years].sort();
  const now = new Date().getFullYear();
  $('jaar').append(...list.map((y) => el('option', { value: String(y), text: String(y) })));
  $('jaar').value = String(list.includes(now) ? now : list[list.length - 1]);
  $('jaar').addEventListener('change', () => render(Number($('jaar').value), reasonCodes));
  render(Number($('jaar').value), reasonCodes);
})();
