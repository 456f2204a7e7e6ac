// nav.js: the navigation per role, built from GET /api/v1/session, and the
// start of every page after login (initPage).
import { session, logout, redirectToLogin } from './api.js';
import { municipalityName } from './data.js';
import { el, ROLE_NAMES } from './format.js';

const ALL = ['beheerder', 'rsj', 'toegang', 'gemeente', 'aanbieder', 'lezer'];
const PERSONAL = ['beheerder', 'rsj', 'toegang', 'gemeente', 'aanbieder'];

// Every page after login, with the roles that may use it.
export const PAGES = [
  { id: 'werkvoorraad', href: 'index.html', label: 'Werkvoorraad', roles: ['beheerder', 'rsj', 'toegang', 'gemeente', 'aanbieder'] },
  { id: 'jeugdige', href: 'jeugdige.html', label: 'Jeugdige zoeken', roles: ['beheerder', 'rsj', 'toegang', 'gemeente'] },
  { id: 'verwijzen', href: 'verwijzen.html', label: 'Verwijzen', roles: ['beheerder', 'toegang'] },
  { id: 'offertes', href: 'offertes.html', label: 'Offertes', roles: PERSONAL },
  { id: 'toewijzingen', href: 'toewijzing.html', label: 'Toewijzingen', roles: PERSONAL },
  { id: 'declareren', href: 'declareren.html', label: 'Declareren', roles: ['beheerder', 'aanbieder'] },
  { id: 'afrekening', href: 'afrekening.html', label: 'Afrekening', roles: ALL },
  { id: 'monitor', href: 'monitor.html', label: 'Monitor', roles: ALL },
  { id: 'zorg', href: 'zorg.html', label: 'Zorgverloop', roles: ALL },
  { id: 'benchmark', href: 'benchmark.html', label: 'Benchmark', roles: ALL },
  { id: 'signalen', href: 'signalen.html', label: 'Signalen', roles: ['beheerder', 'rsj', 'toegang', 'gemeente', 'lezer'] },
  { id: 'begroting', href: 'begroting.html', label: 'Begroting', roles: ['beheerder', 'rsj', 'toegang', 'gemeente', 'lezer'] },
  { id: 'continuiteit', href: 'continuiteit.html', label: 'Continuïteit', roles: ['beheerder', 'rsj', 'toegang', 'gemeente', 'lezer'] },
  { id: 'raamovereenkomsten', href: 'raamovereenkomsten.html', label: 'Raamovereenkomsten', roles: ['beheerder', 'rsj', 'gemeente', 'aanbieder'] },
  { id: 'tarieven', href: 'tarieven.html', label: 'Tarieven', roles: ['beheerder', 'rsj', 'gemeente', 'lezer'] },
  { id: 'aanbestedingen', href: 'aanbestedingen.html', label: 'Aanbestedingen', roles: ALL },
  { id: 'impactanalyse', href: 'impactanalyse.html', label: 'Impactanalyse', roles: ['beheerder', 'rsj', 'gemeente'] },
  { id: 'aanbieders', href: 'aanbieders.html', label: 'Aanbieders en contracten', roles: ALL },
  { id: 'zorgaanbieders', href: 'zorgaanbieders.html', label: 'Zorgaanbieders', roles: ALL },
  { id: 'dossier', href: 'aanbiedersdossier.html', label: 'Aanbiedersdossiers', roles: ['beheerder', 'rsj', 'aanbieder'] },
  { id: 'catalogus', href: 'catalogus.html', label: 'Catalogus', roles: ALL },
  { id: 'gebruikers', href: 'gebruikers.html', label: 'Gebruikers', roles: ['beheerder'] },
  { id: 'audit', href: 'audit.html', label: 'Auditlog', roles: ['beheerder'] },
];

// homeFor: the first page a role lands on after login.
export function homeFor(role) {
  const p = PAGES.find((x) => x.roles.includes(role));
  return p ? p.href : 'catalogus.html';
}

export function mayUse(role, pageId) {
  const p = PAGES.find((x) => x.id === pageId);
  return !!p && p.roles.includes(role);
}

function buildNav(user, activeId) {
  const header = document.getElementById('site-nav');
  if (!header) return;
  const items = PAGES.filter((p) => p.roles.includes(user.role)).map((p) =>
    el('li', { class: 'nav-item' },
      el('a', {
        class: `nav-link text-nowrap${p.id === activeId ? ' active' : ''}`,
        href: p.href,
        'aria-current': p.id === activeId ? 'page' : null,
        text: p.label,
      })));
  const who = el('span', { class: 'navbar-text small me-3', id: 'wie' },
    el('span', { class: 'fw-semibold', text: user.display_name || user.name }),
    ` · ${ROLE_NAMES[user.role] || user.role}`,
    user.gemeente ? el('span', { class: 'js-gemeente', text: ` · ${user.gemeente}` }) : null,
    user.agb ? ` · AGB ${user.agb}` : null);
  const out = el('button', { type: 'button', class: 'btn btn-outline-light btn-sm', id: 'uitloggen', text: 'Uitloggen' });
  out.addEventListener('click', async () => {
    out.disabled = true;
    try {
      await logout();
    } catch (e) {
      /* logged out anyway */
    }
    location.href = 'login.html';
  });
  const nav = el('nav', { class: 'navbar navbar-expand-lg navbar-dark bg-primary', 'aria-label': 'Hoofdnavigatie' },
    el('div', { class: 'container-fluid' },
      el('a', { class: 'navbar-brand', href: homeFor(user.role), text: 'jeugdregio' }),
      el('button', {
        class: 'navbar-toggler', type: 'button', 'data-bs-toggle': 'collapse', 'data-bs-target': '#hoofdmenu',
        'aria-controls': 'hoofdmenu', 'aria-expanded': 'false', 'aria-label': 'Menu tonen of verbergen',
      }, el('span', { class: 'navbar-toggler-icon' })),
      el('div', { class: 'collapse navbar-collapse', id: 'hoofdmenu' },
        el('ul', { class: 'navbar-nav flex-wrap me-auto mb-2 mb-lg-0' }, items),
        el('div', { class: 'd-flex align-items-center flex-shrink-0' }, who, out))));
  header.replaceChildren(nav);
  if (user.gemeente) {
    municipalityName(user.gemeente).then((n) => {
      const g = header.querySelector('.js-gemeente');
      if (g) g.textContent = ` · ${n}`;
    });
  }
}

function denied(main) {
  main.replaceChildren(el('div', { class: 'alert alert-warning', role: 'alert' },
    'Deze pagina is niet beschikbaar voor uw rol. Kies een onderdeel in het menu.'));
}

// initPage: checks the session (to the login page when there is none),
// builds the navigation and answers the user, or null when the role may not
// use the page (the page then shows why).
export async function initPage(pageId) {
  let s;
  try {
    s = await session();
  } catch (e) {
    const main = document.getElementById('inhoud');
    if (main) main.prepend(el('div', { class: 'alert alert-danger', role: 'alert', text: e.message }));
    return null;
  }
  if (!s || !s.user) {
    redirectToLogin();
    return null;
  }
  buildNav(s.user, pageId);
  const page = PAGES.find((p) => p.id === pageId);
  if (page && !page.roles.includes(s.user.role)) {
    if (pageId === 'werkvoorraad') {
      location.replace(homeFor(s.user.role));
      return null;
    }
    denied(document.getElementById('inhoud'));
    return null;
  }
  document.body.dataset.role = s.user.role;
  // show what is for some roles only: data-roles="toegang beheerder"
  document.querySelectorAll('[data-roles]').forEach((n) => {
    const roles = n.dataset.roles.split(/\s+/);
    n.classList.toggle('d-none', !roles.includes(s.user.role));
  });
  return s.user;
}
