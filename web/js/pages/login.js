// login.js: log in (POST /api/v1/session) and go to the page asked for, or the
// role's home page.
import { login, session, clearErrors, showError, setFieldError } from '../api.js';
import { attachValidation, params } from '../format.js';
import { homeFor } from '../nav.js';

const form = document.getElementById('login-form');
const nameInput = document.getElementById('naam');
const passwordInput = document.getElementById('wachtwoord');
const validate = attachValidation(form, setFieldError);

// only a page of this site: "toewijzing.html?nummer=..."
function target(role) {
  const t = params().get('terug') || '';
  if (/^[a-z]+\.html(\?[^#]*)?$/.test(t) && !t.startsWith('login.html')) return t;
  return homeFor(role);
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  clearErrors(form);
  if (!validate()) return;
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    const data = await login(nameInput.value.trim(), passwordInput.value);
    location.href = target(data.user.role);
  } catch (err) {
    if (err.status === 401 && !err.field) err.field = 'password';
    showError(form, err);
    passwordInput.value = '';
    button.disabled = false;
  }
});

// already logged in: straight on
session().then((s) => {
  if (s && s.user) location.href = target(s.user.role);
}).catch(() => {});
