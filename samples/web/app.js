// FullAuth sample client: plain JavaScript, no build step. Runs on another origin than the API, so
// every call is a CORS request with credentials. The API keeps the access and refresh tokens in
// HttpOnly cookies this script cannot read; the script only keeps the CSRF token (from sign-in
// responses or GET /csrf) and sends it as X-CSRF-Token on POST/PUT/PATCH/DELETE.
'use strict';

const API = (window.FULLAUTH_API_URL || 'http://localhost:5080').replace(/\/$/, '') + '/api/v1/auth';
let csrfToken = null;
let refreshInFlight = null;

const $ = (id) => document.getElementById(id);

function show(message, kind) {
  const status = $('status');
  status.textContent = message;
  status.className = kind || '';
}

// The problem details body ({code, title, ...}), or {} when the body is not JSON.
async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return {};
  }
}

async function problemText(response) {
  try {
    const problem = await response.json();
    return `${problem.title || response.status} (${problem.code || response.status})`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

async function raw(method, path, body) {
  const headers = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  return fetch(API + path, {
    method,
    headers,
    credentials: 'include',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function loadCsrf() {
  const response = await fetch(API + '/csrf', { credentials: 'include' });
  if (response.ok) csrfToken = (await response.json()).csrf_token;
}

// One refresh at a time: a second concurrent refresh of the same token would count as a replay.
function refresh() {
  if (!refreshInFlight) {
    refreshInFlight = (async () => {
      const response = await raw('POST', '/refresh');
      return response.ok;
    })().finally(() => { refreshInFlight = null; });
  }
  return refreshInFlight;
}

// Calls the API; on 401 refreshes once (the access cookie lasts 15 minutes) and retries.
async function api(method, path, body) {
  let response = await raw(method, path, body);
  if (response.status === 401 && await refresh()) {
    response = await raw(method, path, body);
  }
  return response;
}

let mfaToken = null;

function signedIn(body) {
  if (body && body.csrf_token) csrfToken = body.csrf_token;
}

async function showAccount() {
  const me = await api('GET', '/me');
  if (!me.ok) {
    $('signed-in').hidden = true;
    $('signed-out').hidden = false;
    return false;
  }

  const user = await me.json();
  $('me-email').textContent = user.email;
  $('me-name').textContent = user.name || '';
  $('me-id').textContent = user.id;
  showMfa(user.mfa_enabled);
  $('signed-out').hidden = true;
  $('signed-in').hidden = false;
  await showSessions();
  await showLinkedAccounts();
  await showPasskeys();
  return true;
}

function showMfa(enabled) {
  $('mfa-status').textContent = enabled ? 'on' : 'off';
  $('mfa-setup').hidden = enabled;
  $('mfa-disable-form').hidden = !enabled;
  if (enabled) $('mfa-enroll').hidden = true;
}

// The second sign-in step: the login answered {mfa_required: true, mfa_token} and no cookies.
function askForSecondFactor(token) {
  mfaToken = token;
  $('login-form').hidden = true;
  $('passkey-signin').disabled = true;
  $('mfa-form').hidden = false;
  $('mfa-code').value = '';
  $('mfa-use-recovery').checked = false;
  $('mfa-code').focus();
}

function resetSecondFactor() {
  mfaToken = null;
  $('mfa-form').hidden = true;
  $('login-form').hidden = false;
  $('passkey-signin').disabled = false;
}

async function showSessions() {
  const response = await api('GET', '/sessions');
  const tbody = $('sessions');
  tbody.replaceChildren();
  if (!response.ok) {
    show('Could not list sessions: ' + await problemText(response), 'error');
    return;
  }

  for (const session of await response.json()) {
    const row = document.createElement('tr');
    row.dataset.sessionId = session.id;
    if (session.current) row.className = 'current';
    for (const value of [session.created_at, session.last_used_at, session.ip_address || '', session.user_agent || '', (session.amr || []).join(', ')]) {
      const cell = document.createElement('td');
      cell.textContent = value;
      row.append(cell);
    }
    const action = document.createElement('td');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'revoke';
    button.textContent = session.current ? 'Revoke (this one)' : 'Revoke';
    button.addEventListener('click', () => revokeSession(session));
    action.append(button);
    row.append(action);
    tbody.append(row);
  }
}

async function revokeSession(session) {
  const response = await api('DELETE', '/sessions/' + encodeURIComponent(session.id));
  if (!response.ok) {
    show('Could not revoke: ' + await problemText(response), 'error');
    return;
  }

  if (session.current) {
    csrfToken = null;
    show('This session was revoked; you are signed out.', 'ok');
    await showAccount();
  } else {
    show('Session revoked.', 'ok');
    await showSessions();
  }
}

$('register-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const body = { email: $('register-email').value, password: $('register-password').value };
  if ($('register-name').value) body.name = $('register-name').value;
  const response = await raw('POST', '/register', body);
  if (response.status === 201) {
    const created = await response.json();
    if (created.csrf_token) {
      signedIn(created);
      show('Registered and signed in.', 'ok');
      await showAccount();
      return;
    }
    show('Registered. Verify your email, then log in.', 'ok');
  } else if (response.status === 202) {
    show('Registered: check your email, then log in.', 'ok');
  } else {
    show('Registration failed: ' + await problemText(response), 'error');
    return;
  }
  $('login-email').value = body.email;
});

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const response = await raw('POST', '/login', {
    email: $('login-email').value,
    password: $('login-password').value,
    remember_me: $('login-remember').checked,
  });
  if (!response.ok) {
    show('Login failed: ' + await problemText(response), 'error');
    return;
  }

  $('login-password').value = '';
  await finishSignIn(await response.json());
});

// A sign-in route answered 200: either signed in (cookies set) or {mfa_required: true, mfa_token}.
async function finishSignIn(body) {
  if (body.mfa_required) {
    show('Enter your two-factor code.', 'ok');
    askForSecondFactor(body.mfa_token);
    return;
  }

  signedIn(body);
  show('Signed in.', 'ok');
  await showAccount();
}

$('forgot-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const response = await raw('POST', '/password-reset/request', { email: $('forgot-email').value });
  if (response.status === 202) {
    show('If that address has an account, a reset link is on its way.', 'ok');
  } else {
    show('Could not request a reset: ' + await problemText(response), 'error');
  }
});

$('mfa-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const value = $('mfa-code').value.trim();
  const body = $('mfa-use-recovery').checked
    ? { mfa_token: mfaToken, recovery_code: value }
    : { mfa_token: mfaToken, code: value };
  const response = await raw('POST', '/mfa/verify', body);
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    if (problem.code === 'mfa_token_invalid') {
      resetSecondFactor();
      show('The sign-in expired or is locked: log in again.', 'error');
    } else {
      show('Wrong code: ' + (problem.title || response.status), 'error');
    }
    return;
  }

  resetSecondFactor();
  signedIn(await response.json());
  show('Signed in.', 'ok');
  await showAccount();
});

$('mfa-cancel').addEventListener('click', () => {
  resetSecondFactor();
  show('', '');
});

$('mfa-setup').addEventListener('click', async () => {
  const response = await api('POST', '/mfa/totp/setup');
  if (!response.ok) {
    show('Setup failed: ' + await problemText(response), 'error');
    return;
  }

  const setup = await response.json();
  // The SVG is shown as an image (never inserted as markup), so it cannot run anything.
  $('mfa-qr').src = 'data:image/svg+xml;base64,' + btoa(setup.qr_svg);
  $('mfa-secret').textContent = setup.secret;
  $('mfa-enroll').hidden = false;
  $('mfa-recovery').hidden = true;
  show('Scan the QR code, then enter a code to turn two-factor authentication on.', 'ok');
});

$('mfa-enable-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const response = await api('POST', '/mfa/totp/enable', { code: $('mfa-enable-code').value.trim() });
  if (!response.ok) {
    show('Could not turn two-factor authentication on: ' + await problemText(response), 'error');
    return;
  }

  const list = $('recovery-codes');
  list.replaceChildren();
  for (const code of (await response.json()).recovery_codes) {
    const item = document.createElement('li');
    item.textContent = code;
    list.append(item);
  }
  $('mfa-enable-code').value = '';
  $('mfa-recovery').hidden = false;
  showMfa(true);
  show('Two-factor authentication is on.', 'ok');
});

$('mfa-disable-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const response = await api('POST', '/mfa/totp/disable', { current_password: $('mfa-disable-password').value });
  $('mfa-disable-password').value = '';
  if (!response.ok) {
    show('Could not turn two-factor authentication off: ' + await problemText(response), 'error');
    return;
  }

  $('mfa-recovery').hidden = true;
  showMfa(false);
  show('Two-factor authentication is off.', 'ok');
});

$('password-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const response = await api('POST', '/change-password', {
    current_password: $('current-password').value,
    new_password: $('new-password').value,
  });
  if (!response.ok) {
    show('Password change failed: ' + await problemText(response), 'error');
    return;
  }

  $('current-password').value = '';
  $('new-password').value = '';
  show('Password changed; your other sessions were signed out.', 'ok');
  await showSessions();
});

$('logout').addEventListener('click', async () => {
  const response = await raw('POST', '/logout');
  if (!response.ok) {
    show('Logout failed: ' + await problemText(response), 'error');
    return;
  }

  csrfToken = null;
  $('mfa-recovery').hidden = true;
  $('mfa-enroll').hidden = true;
  show('Signed out.', 'ok');
  await showAccount();
});

$('refresh-sessions').addEventListener('click', showSessions);

// OAuth / OpenID Connect: "Sign in with …" buttons from GET /oauth/providers. authorize answers the
// provider's URL and sets an HttpOnly binding cookie; the provider sends the browser back to this page
// with ?code&state, which the page POSTs to the callback (sign-in) or link/callback (linking).
const REDIRECT_URI = window.FULLAUTH_OAUTH_REDIRECT_URI || (window.location.origin + '/');
const OAUTH_PENDING = 'fullauth_oauth_pending';
let providers = [];

async function loadProviders() {
  const response = await fetch(API + '/oauth/providers', { credentials: 'include' });
  providers = response.ok ? (await response.json()).providers : [];
  const container = $('oauth-providers');
  container.replaceChildren();
  for (const provider of providers) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'oauth-provider';
    button.dataset.provider = provider.id;
    button.textContent = 'Sign in with ' + provider.name;
    button.addEventListener('click', () => startOAuth(provider.id, 'sign_in'));
    container.append(button);
  }
  $('oauth-section').hidden = providers.length === 0;
}

async function startOAuth(provider, flow) {
  const response = flow === 'link'
    ? await api('POST', '/oauth/' + encodeURIComponent(provider) + '/link', { redirect_uri: REDIRECT_URI })
    : await raw('GET', '/oauth/' + encodeURIComponent(provider) + '/authorize?redirect_uri=' +
        encodeURIComponent(REDIRECT_URI) + '&remember_me=' + $('oauth-remember').checked);
  if (!response.ok) {
    show((flow === 'link' ? 'Cannot link: ' : 'Cannot sign in: ') + await problemText(response), 'error');
    return;
  }

  sessionStorage.setItem(OAUTH_PENDING, JSON.stringify({ provider, flow }));
  window.location.assign((await response.json()).authorization_url);
}

// Back from the provider: finish the flow this page started, then clean the address bar.
async function finishOAuth() {
  const params = new URLSearchParams(window.location.search);
  const pending = JSON.parse(sessionStorage.getItem(OAUTH_PENDING) || 'null');
  if (!pending || !(params.has('code') || params.has('error'))) return;
  sessionStorage.removeItem(OAUTH_PENDING);
  history.replaceState(null, '', window.location.pathname);

  const body = { code: params.get('code'), state: params.get('state') };
  const path = '/oauth/' + encodeURIComponent(pending.provider) + (pending.flow === 'link' ? '/link/callback' : '/callback');
  const response = pending.flow === 'link' ? await api('POST', path, body) : await raw('POST', path, body);
  if (!response.ok) {
    show((pending.flow === 'link' ? 'Linking failed: ' : 'Sign-in failed: ') + await problemText(response), 'error');
    return;
  }

  const result = await response.json();
  if (pending.flow === 'link') {
    show('Linked ' + result.provider + '.', 'ok');
  } else if (result.mfa_required) {
    await finishSignIn(result);
  } else {
    signedIn(result);
    show('Signed in with ' + pending.provider + '.', 'ok');
  }
}

async function showLinkedAccounts() {
  const response = await api('GET', '/oauth/accounts');
  const list = $('linked-accounts');
  list.replaceChildren();
  if (!response.ok) return;
  const linked = await response.json();
  for (const account of linked) {
    const item = document.createElement('li');
    item.dataset.provider = account.provider;
    item.textContent = account.provider + ': ' + (account.email || account.provider_user_id) + ' ';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Unlink';
    button.addEventListener('click', async () => {
      const unlink = await api('DELETE', '/oauth/accounts/' + encodeURIComponent(account.provider));
      show(unlink.ok ? 'Unlinked.' : 'Cannot unlink: ' + await problemText(unlink), unlink.ok ? 'ok' : 'error');
      await showLinkedAccounts();
    });
    item.append(button);
    list.append(item);
  }

  const links = $('link-providers');
  links.replaceChildren();
  for (const provider of providers.filter((p) => !linked.some((a) => a.provider === p.id))) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link-provider';
    button.textContent = 'Link ' + provider.name;
    button.addEventListener('click', () => startOAuth(provider.id, 'link'));
    links.append(button);
  }
  $('linked-section').hidden = providers.length === 0 && linked.length === 0;
}

// GET /api/v1/config says which sign-in methods this deployment offers: show only those.
async function loadConfig() {
  const response = await fetch(API.replace(/\/auth$/, '') + '/config', { credentials: 'include' });
  if (!response.ok) return;
  const config = await response.json();
  $('magic-section').hidden = !config.magic_links;
  passkeysEnabled = config.passkeys === true;
  $('passkey-section').hidden = !passkeysEnabled;
  if ($('register-section')) $('register-section').hidden = !config.registration_enabled;
}

$('magic-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const response = await raw('POST', '/magic-link/request', { email: $('magic-email').value, remember_me: $('magic-remember').checked });
  if (response.status === 202) {
    show('If the address can receive it, a sign-in link is on its way.', 'ok');
  } else {
    show('Could not send a link: ' + await problemText(response), 'error');
  }
});

// Passkeys (WebAuthn), shown when GET /api/v1/config says passkeys: true. The API sends the options
// as the WebAuthn JSON shapes and takes credential.toJSON() back, so the browser does the base64url
// work: PublicKeyCredential.parseCreationOptionsFromJSON / parseRequestOptionsFromJSON and toJSON().
let passkeysEnabled = false;

function passkeysSupported() {
  return Boolean(window.PublicKeyCredential && PublicKeyCredential.parseRequestOptionsFromJSON &&
    PublicKeyCredential.parseCreationOptionsFromJSON);
}

// What the browser's DOMException means for the user.
function ceremonyErrorText(error) {
  switch (error && error.name) {
    case 'NotAllowedError': return 'cancelled or timed out.';
    case 'InvalidStateError': return 'this device already holds a passkey for your account.';
    case 'SecurityError': return 'this page\'s address does not match the API\'s passkey settings (FullAuth:Passkeys:RpId and Origins).';
    default: return (error && error.message) || String(error);
  }
}

$('passkey-signin').addEventListener('click', async () => {
  if (!passkeysSupported()) {
    show('This browser cannot use passkeys.', 'error');
    return;
  }

  // With an email the challenge is bound to that account; without one the device offers its passkeys.
  const email = $('login-email').value.trim();
  const begin = await raw('POST', '/passkeys/authenticate/begin', { email: email || undefined, remember_me: $('passkey-remember').checked });
  if (!begin.ok) {
    show('Passkey sign-in failed: ' + await problemText(begin), 'error');
    return;
  }

  let credential;
  try {
    credential = await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(await begin.json()) });
  } catch (error) {
    show('Passkey sign-in ' + ceremonyErrorText(error), 'error');
    return;
  }

  const response = await raw('POST', '/passkeys/authenticate/complete', { credential: credential.toJSON() });
  if (!response.ok) {
    // Every failed assertion is the same 401 invalid_credentials; the API logs the cause.
    const problem = await problemOf(response);
    show(problem.code === 'invalid_credentials'
      ? 'Passkey sign-in failed: this passkey was not recognised.'
      : 'Passkey sign-in failed: ' + (problem.title || response.status) + ' (' + (problem.code || response.status) + ')', 'error');
    return;
  }

  await finishSignIn(await response.json());
});

async function showPasskeys() {
  $('passkeys-section').hidden = !passkeysEnabled;
  if (!passkeysEnabled) return;
  const response = await api('GET', '/passkeys');
  const tbody = $('passkeys');
  tbody.replaceChildren();
  if (!response.ok) {
    show('Could not list passkeys: ' + await problemText(response), 'error');
    return;
  }

  const passkeys = await response.json();
  $('passkeys-empty').hidden = passkeys.length > 0;
  for (const passkey of passkeys) {
    const row = document.createElement('tr');
    row.dataset.passkeyId = passkey.id;
    row.dataset.credentialId = passkey.credential_id;
    const name = document.createElement('td');
    name.className = 'passkey-name';
    name.textContent = passkey.name || 'Passkey';
    row.append(name);
    for (const value of [passkey.created_at, passkey.last_used_at || 'never', passkey.backed_up ? 'yes' : 'no']) {
      const cell = document.createElement('td');
      cell.textContent = value;
      row.append(cell);
    }
    const actions = document.createElement('td');
    const rename = document.createElement('button');
    rename.type = 'button';
    rename.className = 'passkey-rename';
    rename.textContent = 'Rename';
    rename.addEventListener('click', () => startRename(passkey, name, rename));
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'passkey-remove';
    remove.textContent = 'Remove';
    remove.addEventListener('click', () => removePasskey(passkey));
    actions.append(rename, ' ', remove);
    row.append(actions);
    tbody.append(row);
  }
}

// Rename in place: the name cell becomes a small form.
function startRename(passkey, cell, button) {
  button.disabled = true;
  const form = document.createElement('form');
  form.className = 'passkey-rename-form';
  const input = document.createElement('input');
  input.className = 'passkey-rename-input';
  input.value = passkey.name || '';
  input.maxLength = 100;
  input.required = true;
  const save = document.createElement('button');
  save.type = 'submit';
  save.className = 'passkey-rename-save';
  save.textContent = 'Save';
  form.append(input, ' ', save);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const response = await api('PATCH', '/passkeys/' + encodeURIComponent(passkey.id), { name: input.value.trim() });
    if (!response.ok) {
      show('Could not rename the passkey: ' + await problemText(response), 'error');
      return;
    }

    show('Passkey renamed.', 'ok');
    await showPasskeys();
  });
  cell.replaceChildren(form);
  input.focus();
}

async function removePasskey(passkey) {
  const response = await api('DELETE', '/passkeys/' + encodeURIComponent(passkey.id));
  if (!response.ok) {
    const problem = await problemOf(response);
    if (problem.code === 'last_login_method') {
      show('Cannot remove this passkey: it is the only way into your account. Set a password or add another passkey first.', 'error');
    } else if (problem.code === 'reauthentication_required') {
      show('Removing a passkey needs a recent sign-in: log out, sign in again, then remove it.', 'error');
    } else {
      show('Could not remove the passkey: ' + (problem.title || response.status) + ' (' + (problem.code || response.status) + ')', 'error');
    }
    return;
  }

  show('Passkey removed.', 'ok');
  await showPasskeys();
}

$('passkey-add-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!passkeysSupported()) {
    show('This browser cannot create passkeys.', 'error');
    return;
  }

  const begin = await api('POST', '/passkeys/register/begin');
  if (!begin.ok) {
    const problem = await problemOf(begin);
    show(problem.code === 'reauthentication_required'
      ? 'Adding a passkey needs a recent sign-in: log out, sign in again, then add it.'
      : 'Could not add a passkey: ' + (problem.title || begin.status) + ' (' + (problem.code || begin.status) + ')', 'error');
    return;
  }

  let credential;
  try {
    credential = await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(await begin.json()) });
  } catch (error) {
    show('Adding a passkey ' + (error && error.name === 'NotAllowedError' ? 'was ' : 'failed: ') + ceremonyErrorText(error), 'error');
    return;
  }

  const body = { credential: credential.toJSON() };
  if ($('passkey-name').value.trim()) body.name = $('passkey-name').value.trim();
  const response = await api('POST', '/passkeys/register/complete', body);
  if (response.status !== 201) {
    show('The API refused the passkey: ' + await problemText(response), 'error');
    return;
  }

  const passkey = await response.json();
  $('passkey-name').value = '';
  show('Passkey "' + passkey.name + '" added.', 'ok');
  await showPasskeys();
});

(async () => {
  try {
    // A reload loses the in-memory CSRF token: ask for one bound to the session of our cookies.
    await loadCsrf();
    await loadConfig();
    await loadProviders();
    await finishOAuth();
    await showAccount();
    document.body.dataset.ready = 'true';
  } catch (error) {
    show('Cannot reach the API at ' + API + ': ' + error.message, 'error');
    $('signed-out').hidden = false;
    document.body.dataset.ready = 'true';
  }
})();
