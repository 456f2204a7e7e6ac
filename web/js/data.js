// data.js: reference data every page may need, fetched once per page:
// the region catalog, the providers, the reason codes.
import { get, getAll } from './api.js';

const cache = new Map();
function once(key, load) {
  if (!cache.has(key)) cache.set(key, load().catch((e) => { cache.delete(key); throw e; }));
  return cache.get(key);
}

export const catalog = () => once('catalog', () => get('/api/v1/catalog'));
export const codes = () => once('codes', async () => {
  const d = await get('/api/v1/codes');
  return Array.isArray(d) ? d : d.items || d.codes || [];
});
export const providers = () => once('providers', () => getAll('/api/v1/providers'));
export const contracts = () => once('contracts', () => getAll('/api/v1/contracts'));

// providerMap: agb -> provider
export async function providerMap() {
  const m = new Map();
  try {
    for (const p of await providers()) m.set(p.agb, p);
  } catch (e) {
    /* names are a nicety */
  }
  return m;
}

// municipalityName: "Zwolle (0193)".
export async function municipalityName(cbs) {
  if (!cbs) return '';
  try {
    const m = (await catalog()).municipalities.find((x) => x.cbs === cbs);
    return m ? `${m.name} (${cbs})` : cbs;
  } catch (e) {
    return cbs;
  }
}

export async function municipalityMap() {
  const m = new Map();
  try {
    for (const x of (await catalog()).municipalities || []) m.set(x.cbs, x.name);
  } catch (e) {
    /* codes only */
  }
  return m;
}

// priceAt: the price of a list of {from, to, cents} valid on iso date.
export function priceAt(prices, iso) {
  for (const p of prices || []) {
    if (p.from <= iso && (!p.to || iso <= p.to)) return p.cents;
  }
  return null;
}

// productByCode: by iJw code or the region's short code.
export function productByCode(cat, code) {
  return (cat.products || []).find((p) => p.code === code || p.short_code === code) || null;
}

// productLabel: "FG2 functiegroep hbo-jeugdprofessional (45F02)".
export function productLabel(cat, code) {
  if (!code) return '';
  const p = cat && productByCode(cat, code);
  return p ? `${p.short_code} ${p.name} (${p.code})` : code;
}
