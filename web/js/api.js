// api.js: every call to the jeugdregio HTTP API (/api/v1) goes through here.
// fetch with the session cookie, the CSRF header on every changing request,
// JSON in and out, and the server's errors (problem details, RFC 9457:
// detail, code, field, invalidParams) shown in Dutch next to every field
// they name.

let csrfToken = null;

export function setCsrf(token) {
  csrfToken = token || null;
}

// ApiError carries the server's problem: its detail as message, code,
// field, the HTTP status, and invalid: every refused field of the request
// ([{name, code, reason}], the first one is code/field/message).
export class ApiError extends Error {
  constructor(status, code, message, field, invalid) {
    super(message);
    this.status = status;
    this.code = code || '';
    this.field = field || '';
    this.invalid = Array.isArray(invalid) ? invalid : [];
  }
}

const STATUS_TEXT = {
  400: 'De invoer is niet geldig.',
  401: 'U bent niet (meer) ingelogd.',
  403: 'U mag dit niet doen.',
  404: 'Niet gevonden.',
  409: 'Dit kan nu niet: de gegevens zijn intussen gewijzigd of bestaan al.',
  413: 'Het bestand is te groot.',
  429: 'Te veel pogingen; probeer het later opnieuw.',
  500: 'Er ging iets mis op de server.',
};

const CHANGING = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

// request: method, path (starting with /api), body (object for JSON, or a
// string/Blob with opts.contentType). Resolves with the parsed JSON (or null
// for an empty answer); rejects with an ApiError.
export async function request(method, path, body, opts = {}) {
  const headers = { Accept: 'application/json' };
  let payload;
  if (body !== undefined && body !== null) {
    if (opts.contentType) {
      headers['Content-Type'] = opts.contentType;
      payload = body;
    } else {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
  }
  if (CHANGING.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res;
  try {
    res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin', cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, 'network', 'Geen verbinding met de server.', '');
  }
  const text = await res.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch (e) {
      data = null;
    }
  }
  if (!res.ok) {
    const e = data && typeof data === 'object' ? data : null;
    const text = e && ((typeof e.detail === 'string' && e.detail) || (typeof e.message === 'string' && e.message));
    const message = text || STATUS_TEXT[res.status] || `Fout ${res.status}.`;
    const err = new ApiError(res.status, e && e.code, message, e && e.field, e && e.invalidParams);
    if (res.status === 401 && !opts.noRedirect) redirectToLogin();
    throw err;
  }
  return data;
}

export const get = (path, opts) => request('GET', path, undefined, opts);
export const post = (path, body, opts) => request('POST', path, body === undefined ? {} : body, opts);
export const patch = (path, body, opts) => request('PATCH', path, body, opts);
export const del = (path, opts) => request('DELETE', path, undefined, opts);

// findYouth: the youth ({id, bsn, birth, gemeente}) with this BSN, which
// travels in the body: a BSN never goes into an address.
export const findYouth = (bsn) => post('/api/v1/youths/search', { bsn });

// query: builds "?a=1&b=2" from an object, leaving out empty values.
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

// getAll: every item of a list route, page by page (at most `max`).
export async function getAll(path, params = {}, max = 5000) {
  const items = [];
  let offset = 0;
  for (;;) {
    const page = await get(path + query({ ...params, limit: 500, offset }));
    const got = listItems(page);
    items.push(...got);
    offset += got.length;
    const total = page && typeof page.total === 'number' ? page.total : items.length;
    if (got.length === 0 || offset >= total || items.length >= max) break;
  }
  return items;
}

// listItems: the items of a list answer (also accepts a bare array).
export function listItems(data) {
  if (Array.isArray(data)) return data;
  if (data && Array.isArray(data.items)) return data.items;
  return [];
}

export async function login(name, password) {
  const data = await request('POST', '/api/v1/session', { name, password }, { noRedirect: true });
  setCsrf(data && data.csrf);
  return data;
}

// session: the live session ({user, csrf}) or null when not logged in.
export async function session() {
  try {
    const data = await request('GET', '/api/v1/session', undefined, { noRedirect: true });
    setCsrf(data && data.csrf);
    return data;
  } catch (e) {
    if (e.status === 401) return null;
    throw e;
  }
}

export async function logout() {
  try {
    await request('DELETE', '/api/v1/session', undefined, { noRedirect: true });
  } finally {
    setCsrf(null);
  }
}

export function redirectToLogin() {
  const here = location.pathname.replace(/^.*\//, '') + location.search;
  if (/login\.html$/.test(location.pathname)) return;
  location.href = `login.html${here && here !== 'index.html' ? `?terug=${encodeURIComponent(here)}` : ''}`;
}

// ---- showing errors -------------------------------------------------------

// fieldFor: the input of `form` the server's error.field names: by name, id,
// or a data-field alias list (the services name fields in Dutch: "reden",
// "einddatum", ...).
function fieldFor(form, field) {
  if (!form || !field) return null;
  const esc = (s) => (window.CSS && CSS.escape ? CSS.escape(s) : s);
  return (
    form.querySelector(`[name="${esc(field)}"]`) ||
    form.querySelector(`[data-field~="${esc(field)}"]`) ||
    null
  );
}

function feedbackFor(input) {
  const id = input.id ? `${input.id}-fout` : '';
  let fb = id ? document.getElementById(id) : null;
  if (!fb) {
    fb = document.createElement('div');
    fb.className = 'invalid-feedback';
    if (id) fb.id = id;
    const group = input.closest('.input-group') || input;
    group.insertAdjacentElement('afterend', fb);
  }
  if (fb.id) {
    const desc = (input.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    if (!desc.includes(fb.id)) desc.push(fb.id);
    input.setAttribute('aria-describedby', desc.join(' '));
  }
  return fb;
}

// setFieldError: marks one input invalid with a Dutch message ('' clears).
// periodField: the reporting period typed in input (a year 2025, half
// year 2025-H1, quarter 2025-Q2 or month 2025-03), or null when it is none
// of these: the field then says why and has the focus
const PERIOD_RE = /^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$/;
export function periodField(input) {
  const p = input.value.trim();
  if (PERIOD_RE.test(p)) return p;
  setFieldError(input, 'Een periode is een jaar (2025), half jaar (2025-H1), kwartaal (2025-Q2) of maand (2025-03).');
  input.focus();
  return null;
}

export function setFieldError(input, message) {
  if (!input) return;
  const fb = feedbackFor(input);
  if (message) {
    input.classList.add('is-invalid');
    input.setAttribute('aria-invalid', 'true');
    fb.textContent = message;
    fb.classList.add('d-block');
  } else {
    input.classList.remove('is-invalid');
    input.removeAttribute('aria-invalid');
    fb.textContent = '';
    fb.classList.remove('d-block');
  }
}

// alertBox: the form's (or container's) alert area, made on first use.
function alertBox(container) {
  let box = container.querySelector(':scope > .js-alert');
  if (!box) {
    box = document.createElement('div');
    box.className = 'js-alert';
    box.setAttribute('aria-live', 'assertive');
    container.prepend(box);
  }
  return box;
}

// showAlert: a Bootstrap alert in container (kind: danger, success, warning, info).
export function showAlert(container, message, kind = 'danger') {
  const box = alertBox(container);
  box.replaceChildren();
  if (!message) return;
  const a = document.createElement('div');
  a.className = `alert alert-${kind} mb-3`;
  a.setAttribute('role', kind === 'danger' ? 'alert' : 'status');
  if (message instanceof Node) a.append(message);
  else a.textContent = message;
  box.append(a);
}

// showError: the error of a failed call: next to every field it names (when
// the form has it; the first gets the focus) and as an alert at the top of
// the form, with every refusal when there are several.
export function showError(form, err) {
  const message = err instanceof ApiError || (err && err.message) ? err.message : String(err);
  const refused = err && Array.isArray(err.invalid) && err.invalid.length
    ? err.invalid
    : [{ name: err && err.field, reason: message }];
  let first = null;
  for (const p of refused) {
    const input = fieldFor(form, p.name);
    if (!input) continue;
    setFieldError(input, p.reason || message);
    first = first || input;
  }
  if (first) first.focus();
  if (refused.length > 1) {
    const list = document.createElement('ul');
    list.className = 'mb-0';
    for (const p of refused) {
      const li = document.createElement('li');
      li.textContent = p.reason || '';
      list.append(li);
    }
    showAlert(form, list, 'danger');
  } else {
    showAlert(form, message, 'danger');
  }
  const a = form.querySelector(':scope > .js-alert .alert');
  if (a && err && err.code) a.dataset.code = err.code; // for support, not shown
}

// clearErrors: removes every error mark and alert from form.
export function clearErrors(form) {
  form.querySelectorAll('.is-invalid').forEach((i) => setFieldError(i, ''));
  const box = form.querySelector(':scope > .js-alert');
  if (box) box.replaceChildren();
}
