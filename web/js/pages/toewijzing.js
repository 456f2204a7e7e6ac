// toewijzing.js: the assignments. Without ?nummer= a list with filters;
// with it one assignment: its details, the budget ledger as a bar (used,
// remaining, released), the ledger events, start/stop of care for the
// provider and change/end/withdraw for the access team.
import { get, post, patch, query, listItems, findYouth, clearErrors, showError, setFieldError, showAlert } from '../api.js';
import { initPage } from '../nav.js';
import { catalog, providerMap, municipalityName, municipalityMap, productLabel } from '../data.js';
import {
  el, table, euro, date, badge, ledgerBar, attachValidation, params, parseDate, parseEuro, bsnLink,
  STOP_REASONS, CHANGE_REASONS, UNIT_NAMES, number as fmtNumber,
} from '../format.js';

const $ = (id) => document.getElementById(id);
let user = null;
let current = null;

// ---- the list ----------------------------------------------------------------------

const PAGE = 50;
let offset = 0;

async function loadList() {
  const out = $('lijst-resultaat');
  const f = $('form-zoek');
  const q = {
    gemeente: $('zoek-gemeente').value,
    agb: $('zoek-agb').value.trim(),
    limit: PAGE,
    offset,
  };
  out.replaceChildren(el('p', { class: 'text-muted', text: 'Laden…' }));
  try {
    // the BSN filter: the youth's id, found with the BSN in a body (never in an address)
    const bsn = $('zoek-bsn').value.trim();
    if (bsn) {
      try {
        q.youth = (await findYouth(bsn)).id;
      } catch (e) {
        if (e.status !== 404) throw e;
        out.replaceChildren(el('p', { class: 'text-muted', text: 'Geen toewijzingen gevonden.' }));
        return;
      }
    }
    const [data, pm, mm, cat] = await Promise.all([get(`/api/v1/assignments${query(q)}`), providerMap(), municipalityMap(), catalog().catch(() => ({}))]);
    const items = listItems(data);
    const total = typeof data.total === 'number' ? data.total : items.length;
    if (!items.length) {
      out.replaceChildren(el('p', { class: 'text-muted', text: 'Geen toewijzingen gevonden.' }));
      return;
    }
    const t = table([
      { label: 'Toewijzing', value: (a) => el('a', { href: `toewijzing.html?nummer=${encodeURIComponent(a.number)}`, text: a.number }) },
      { label: 'Jeugdige', value: (a) => a.bsn || '' },
      { label: 'Gemeente', value: (a) => mm.get(a.gemeente) || a.gemeente || '' },
      { label: 'Aanbieder', value: (a) => { const p = pm.get(a.agb); return p ? p.name : a.agb; } },
      { label: 'Product', value: (a) => {
        if (a.is_budget) return 'Budget';
        const p = (cat.products || []).find((x) => x.code === a.product);
        return el('span', { title: productLabel(cat, a.product), text: p ? p.short_code : a.product });
      } },
      { label: 'Looptijd', value: (a) => `${date(a.start)} t/m ${date(a.end)}`, class: 'nowrap' },
      { label: 'Status', value: (a) => badge(a.status) },
      { label: 'Verbruik', value: (a) => (a.ledger ? ledgerBar(a.ledger, { small: true }) : '') },
      { label: 'Resterend', value: (a) => (a.ledger ? euro(a.ledger.remaining_cents) : ''), class: 'amount' },
    ], items, { caption: 'Toewijzingen' });
    const pager = el('nav', { 'aria-label': 'Pagina’s', class: 'd-flex align-items-center gap-2' },
      el('button', { type: 'button', class: 'btn btn-outline-secondary btn-sm', disabled: offset === 0, id: 'vorige', text: 'Vorige' }),
      el('span', { class: 'small text-muted', text: `${offset + 1}–${offset + items.length} van ${total}` }),
      el('button', { type: 'button', class: 'btn btn-outline-secondary btn-sm', disabled: offset + items.length >= total, id: 'volgende', text: 'Volgende' }));
    pager.querySelector('#vorige').addEventListener('click', () => { offset = Math.max(0, offset - PAGE); loadList(); });
    pager.querySelector('#volgende').addEventListener('click', () => { offset += PAGE; loadList(); });
    out.replaceChildren(t, pager);
  } catch (e) {
    out.replaceChildren();
    showError(f, e);
  }
}

async function showList() {
  $('lijst').classList.remove('d-none');
  const f = $('form-zoek');
  const valid = attachValidation(f, setFieldError);
  try {
    const cat = await catalog();
    $('zoek-gemeente').append(...(cat.municipalities || []).map((m) => el('option', { value: m.cbs, text: `${m.name} (${m.cbs})` })));
  } catch (e) {
    /* filter without names */
  }
  f.addEventListener('submit', (e) => {
    e.preventDefault();
    clearErrors(f);
    const nr = $('zoek-nummer').value.trim();
    if (nr) {
      location.href = `toewijzing.html?nummer=${encodeURIComponent(nr)}`;
      return;
    }
    if (!valid()) return;
    offset = 0;
    loadList();
  });
  loadList();
}

// ---- one assignment --------------------------------------------------------------------

function dlRow(dl, label, value) {
  dl.append(el('dt', { class: 'col-sm-4', text: label }), el('dd', { class: 'col-sm-8' }, value === undefined || value === null || value === '' ? '–' : value));
}

function volumeText(n, unit) {
  const u = UNIT_NAMES[unit] || '';
  if (unit === '04') return `${fmtNumber(n)} uur`;
  if (unit === '14') return `${fmtNumber(n)} etmalen`;
  return `${fmtNumber(n)} ${u}`.trim();
}

async function render(a) {
  current = a;
  const [cat, pm, gemeente] = await Promise.all([catalog().catch(() => ({})), providerMap(), municipalityName(a.gemeente)]);
  $('titel').textContent = `Toewijzing ${a.number}`;
  $('kruimel-nummer').textContent = a.number;
  document.title = `Toewijzing ${a.number} · jeugdregio`;
  $('status-badge').replaceChildren(badge(a.status));
  const dl = $('gegevens');
  dl.replaceChildren();
  const mayReadYouth = ['beheerder', 'rsj', 'toegang', 'gemeente'].includes(user.role);
  dlRow(dl, 'Jeugdige (BSN)', mayReadYouth && a.bsn ? bsnLink('jeugdige.html', a.bsn, { text: a.bsn }) : a.bsn);
  dlRow(dl, 'Gemeente', gemeente);
  const p = pm.get(a.agb);
  dlRow(dl, 'Aanbieder', p ? `${p.name} (${a.agb})` : a.agb);
  dlRow(dl, 'Product', a.is_budget ? `Ambulant budget (categorie ${a.category || '45'})` : productLabel(cat, a.product));
  // a taakgericht product is paid from the partner's task budget, not per youth
  const prod = (cat.products || []).find((x) => x.code === a.product);
  const task = !a.is_budget && !!prod && prod.funding === 'taakgericht';
  dlRow(dl, 'Toegekend', a.is_budget ? euro(a.budget_cents) : task ? 'Taakgericht: uit het taakbudget van de aanbieder' : volumeText(a.volume, a.unit));
  dlRow(dl, 'Looptijd', `${date(a.start)} t/m ${date(a.end)}`);
  dlRow(dl, 'Start zorg', date(a.care_start));
  const stopReason = STOP_REASONS.find(([c]) => c === a.stop_reason);
  dlRow(dl, 'Stop zorg', a.care_stop ? `${date(a.care_stop)}${a.stop_reason ? ` (reden ${a.stop_reason}${stopReason ? `: ${stopReason[1].toLowerCase()}` : ''})` : ''}` : '');
  if (a.referral) dlRow(dl, 'Verwijzing', String(a.referral));

  // the ledger; a task has none
  $('kop-budget').textContent = task ? 'Bekostiging' : 'Budget';
  if (task) {
    $('ledger').replaceChildren(el('p', {
      class: 'mb-0',
      id: 'taak-uitleg',
      text: `${productLabel(cat, a.product)} is taakgericht: ${p ? p.name : a.agb} krijgt voor ${gemeente} een jaarbudget in termijnen en declareert niet per jeugdige (een declaratieregel hierop wordt afgewezen met JR11). Start en stop zorg zijn ter informatie. De termijnen staan op de pagina Afrekening.`,
    }));
  }
  const l = a.ledger || { granted_cents: a.budget_cents, used_cents: 0, remaining_cents: a.budget_cents, released_cents: 0 };
  const nums = el('dl', { class: 'row mb-0 mt-3 small' });
  const add = (label, v, id) => nums.append(el('dt', { class: 'col-6 col-sm-3', text: label }), el('dd', { class: 'col-6 col-sm-3 amount', id, text: v }));
  add('Toegekend', euro(l.granted_cents), 'ledger-toegekend');
  add('Gebruikt', euro(l.used_cents), 'ledger-gebruikt');
  add('Resterend', euro(l.remaining_cents), 'ledger-resterend');
  add('Vrijgevallen', euro(l.released_cents), 'ledger-vrijgevallen');
  const parts = [ledgerBar(l), nums];
  if (!a.is_budget && l.used_base !== undefined) {
    const used = a.unit === '04' ? Math.round((l.used_base / 60) * 100) / 100 : l.used_base;
    parts.push(el('p', { class: 'small mb-0 mt-2', text: `Geleverd volume: ${volumeText(used, a.unit)} van ${volumeText(a.volume, a.unit)}.` }));
  }
  if (!task) $('ledger').replaceChildren(...parts);

  const events = a.events || [];
  $('gebeurtenissen').replaceChildren(events.length
    ? table([
      { label: 'Datum', value: (e) => date(e.date), class: 'nowrap' },
      { label: 'Soort', value: (e) => badge(e.kind) },
      { label: 'Bedrag', value: (e) => euro(e.cents), class: 'amount' },
      { label: 'Volume', value: (e) => (e.volume ? String(e.volume) : ''), class: 'amount' },
      { label: 'Toelichting', value: (e) => e.note || '' },
    ], events, { caption: 'Gebeurtenissen van het budget' })
    : el('p', { class: 'text-muted', text: 'Geen gebeurtenissen.' }));

  // actions
  const active = a.status === 'actief';
  const provider = user.role === 'aanbieder';
  $('acties-aanbieder').classList.toggle('d-none', !provider);
  if (provider) {
    const canStart = active && !a.care_start;
    const canStop = !!a.care_start && !a.care_stop;
    $('form-start').classList.toggle('d-none', !canStart);
    $('form-stop').classList.toggle('d-none', !canStop);
    const done = $('zorg-klaar');
    done.classList.toggle('d-none', canStart || canStop);
    done.textContent = a.care_stop ? `Zorg gestopt op ${date(a.care_stop)}.` : active ? '' : `Deze toewijzing is ${badge(a.status).textContent}.`;
    if (canStart && !$('start-datum').value) $('start-datum').value = date(a.start);
  }
  const access = ['toegang', 'beheerder'].includes(user.role);
  $('acties-toegang').classList.toggle('d-none', !(access && active));
  const closed = access && !active;
  $('acties-klaar').classList.toggle('d-none', !closed);
  $('acties-klaar').textContent = closed
    ? `Deze toewijzing is ${badge(a.status).textContent}; wijzigen, beëindigen of intrekken kan niet meer.` : '';
  $('blok-budget').classList.toggle('d-none', !a.is_budget);
  $('blok-volume').classList.toggle('d-none', !!a.is_budget || task);
}

async function load(nummer, message) {
  const status = $('detail-status');
  try {
    const a = await get(`/api/v1/assignments/${encodeURIComponent(nummer)}`);
    await render(a.assignment || a);
    $('detail-inhoud').classList.remove('d-none');
    if (message) showAlert(status, message, 'success');
    else showAlert(status, '');
  } catch (e) {
    $('detail-inhoud').classList.add('d-none');
    $('kruimel-nummer').textContent = nummer;
    if (e.status === 404) {
      showAlert(status, el('span', {}, el('strong', { text: `Toewijzing ${nummer} niet gevonden. ` }),
        'Het nummer bestaat niet of u mag deze toewijzing niet inzien.'), 'warning');
    } else {
      showAlert(status, e.message);
    }
  }
}

function wireForms(nummer) {
  const path = `/api/v1/assignments/${encodeURIComponent(nummer)}`;
  const submit = (form, build, call, done) => {
    const valid = attachValidation(form, setFieldError);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(form);
      if (!valid()) return;
      const body = build();
      if (!body) return;
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      try {
        await call(body);
        form.reset();
        await load(nummer, done);
      } catch (err) {
        showError(form, err);
      } finally {
        button.disabled = false;
      }
    });
  };
  submit($('form-start'), () => ({ date: parseDate($('start-datum').value) }),
    (b) => post(`${path}/care-start`, b), 'Start zorg is gemeld.');
  submit($('form-stop'), () => ({ date: parseDate($('stop-datum').value), reason: $('stop-reden').value }),
    (b) => post(`${path}/care-stop`, b), 'Stop zorg is gemeld.');
  submit($('form-wijzig'), () => {
    const body = { reason: $('wijzig-reden').value };
    if (current && current.is_budget) {
      const c = parseEuro($('wijzig-budget').value);
      if (c !== null) body.budget_cents = c;
    } else if ($('wijzig-volume').value.trim()) {
      body.volume = Number($('wijzig-volume').value.trim());
    }
    const end = parseDate($('wijzig-einde').value);
    if (end) body.end = end;
    if (body.budget_cents === undefined && body.volume === undefined && !body.end) {
      showAlert($('form-wijzig'), 'Geef een nieuw budget, volume of einddatum op.');
      return null;
    }
    return body;
  }, (b) => patch(path, b), 'De toewijzing is gewijzigd.');
  submit($('form-einde'), () => ({ date: parseDate($('einde-datum').value), reason: $('einde-reden').value.trim() }),
    (b) => post(`${path}/end`, b), 'De toewijzing is beëindigd; het ongebruikte budget is vrijgevallen.');
  submit($('form-intrekken'), () => {
    if (!$('intrekken-zeker').checked) {
      setFieldError($('intrekken-zeker'), 'Bevestig het intrekken.');
      return null;
    }
    return {};
  }, (b) => post(`${path}/withdraw`, b), 'De toewijzing is ingetrokken.');
}

(async () => {
  user = await initPage('toewijzingen');
  if (!user) return;
  $('stop-reden').append(el('option', { value: '', text: 'Kies…' }), ...STOP_REASONS.map(([c, n]) => el('option', { value: c, text: `${c} – ${n}` })));
  $('wijzig-reden').append(el('option', { value: '', text: 'Kies…' }), ...CHANGE_REASONS.map(([c, n]) => el('option', { value: c, text: `${c} – ${n}` })));
  const nummer = params().get('nummer');
  if (!nummer) {
    showList();
    return;
  }
  $('detail').classList.remove('d-none');
  wireForms(nummer);
  await load(nummer);
})();
