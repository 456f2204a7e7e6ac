// gebruikers.js: user accounts (beheerder): list, add, block/unblock and
// set a new password (GET/POST /api/v1/users, PATCH /api/v1/users/{name}).
import { post, patch, getAll, clearErrors, showError, setFieldError, showAlert } from '../api.js';
import { initPage } from '../nav.js';
import { catalog, providers, municipalityMap } from '../data.js';
import { el, table, ROLE_NAMES, attachValidation } from '../format.js';

const $ = (id) => document.getElementById(id);
let me = null;

async function load() {
  const out = $('gebruikers');
  try {
    const [users, mm] = await Promise.all([getAll('/api/v1/users'), municipalityMap()]);
    const sel = $('ww-naam');
    const keep = sel.value;
    sel.replaceChildren(el('option', { value: '', text: 'Kies…' }), ...users.map((u) => el('option', { value: u.name, text: `${u.name} (${u.display_name || ''})` })));
    sel.value = keep;
    out.replaceChildren(table([
      { label: 'Naam', value: (u) => el('span', { class: 'mono', text: u.name }) },
      { label: 'Volledige naam', value: (u) => u.display_name || '' },
      { label: 'Rol', value: (u) => ROLE_NAMES[u.role] || u.role },
      { label: 'Voor', value: (u) => {
        const g = u.gemeente || (['toegang', 'gemeente'].includes(u.role) ? u.tenant : '');
        const a = u.agb || (u.role === 'aanbieder' ? u.tenant : '');
        if (g) return `${mm.get(g) || ''} (${g})`;
        if (a) return `AGB ${a}`;
        return '';
      } },
      { label: 'Status', value: (u) => el('span', { class: `badge ${u.active === false ? 'text-bg-danger' : 'text-bg-success'}`, text: u.active === false ? 'geblokkeerd' : 'actief' }) },
      { label: '', value: (u) => {
        if (me && u.name === me.name) return el('span', { class: 'small text-muted', text: 'uzelf' });
        const active = u.active !== false;
        const b = el('button', { type: 'button', class: `btn btn-sm ${active ? 'btn-outline-danger' : 'btn-outline-success'}`, text: active ? 'Blokkeren' : 'Deblokkeren', 'aria-label': `${active ? 'Blokkeren' : 'Deblokkeren'}: ${u.name}` });
        b.addEventListener('click', async () => {
          b.disabled = true;
          try {
            await patch(`/api/v1/users/${encodeURIComponent(u.name)}`, { active: !active });
            showAlert($('gebruikers-melding'), `${u.name} is ${active ? 'geblokkeerd' : 'gedeblokkeerd'}.`, 'success');
            load();
          } catch (e) {
            showAlert($('gebruikers-melding'), e.message);
            b.disabled = false;
          }
        });
        return b;
      } },
    ], users, { caption: 'Gebruikers', rowClass: (u) => (u.active === false ? 'table-secondary' : null) }));
  } catch (e) {
    showAlert($('gebruikers-melding'), e.message);
  }
}

function roleChanged() {
  const r = $('nieuw-rol').value;
  $('blok-gemeente').classList.toggle('d-none', !['toegang', 'gemeente'].includes(r));
  $('blok-agb').classList.toggle('d-none', r !== 'aanbieder');
}

(async () => {
  me = await initPage('gebruikers');
  if (!me) return;
  $('nieuw-rol').append(el('option', { value: '', text: 'Kies…' }), ...Object.entries(ROLE_NAMES).map(([k, v]) => el('option', { value: k, text: v })));
  $('nieuw-rol').addEventListener('change', roleChanged);
  try {
    const cat = await catalog();
    $('nieuw-gemeente').append(el('option', { value: '', text: 'Kies…' }), ...(cat.municipalities || []).map((m) => el('option', { value: m.cbs, text: `${m.name} (${m.cbs})` })));
    const ps = await providers();
    $('agb-lijst').append(...ps.map((p) => el('option', { value: p.agb, text: p.name })));
  } catch (e) {
    /* the lists are a help only */
  }
  load();

  const fn = $('form-nieuw');
  const vn = attachValidation(fn, setFieldError);
  fn.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(fn);
    if (!vn()) return;
    const role = $('nieuw-rol').value;
    const body = { name: $('nieuw-naam').value.trim(), display_name: $('nieuw-weergave').value.trim(), role, password: $('nieuw-wachtwoord').value };
    if (['toegang', 'gemeente'].includes(role)) body.gemeente = $('nieuw-gemeente').value;
    if (role === 'aanbieder') body.agb = $('nieuw-agb').value.trim();
    try {
      await post('/api/v1/users', body);
      fn.reset();
      roleChanged();
      showAlert(fn, `Gebruiker ${body.name} is toegevoegd.`, 'success');
      load();
    } catch (err) {
      showError(fn, err);
    }
  });

  const fw = $('form-wachtwoord');
  const vw = attachValidation(fw, setFieldError);
  fw.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(fw);
    if (!vw()) return;
    const name = $('ww-naam').value;
    try {
      await patch(`/api/v1/users/${encodeURIComponent(name)}`, { password: $('ww-nieuw').value });
      fw.reset();
      showAlert(fw, `Het wachtwoord van ${name} is ingesteld; de sessies van ${name} zijn beëindigd.`, 'success');
    } catch (err) {
      showError(fw, err);
    }
  });
})();
