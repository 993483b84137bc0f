// Landing pages for the links FullAuth mails (Email:FrontendUrl + /verify-email, /reset-password,
// /set-password, /confirm-email-change, each ?token=). Each page reads the token from its URL and
// confirms it with one API call; none of them needs a session.
'use strict';

const API = (window.FULLAUTH_API_URL || 'http://localhost:5080').replace(/\/$/, '') + '/api/v1/auth';
const token = new URLSearchParams(location.search).get('token') || '';
const page = location.pathname.replace(/\/index\.html$/, '').replace(/\/$/, '').split('/').pop();
const status = document.getElementById('status');

function show(message, kind) {
  status.textContent = message;
  status.className = kind || '';
}

async function post(path, body) {
  const response = await fetch(API + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    credentials: 'include',
    body: JSON.stringify(body),
  });
  let problem = null;
  if (!response.ok) {
    try { problem = await response.json(); } catch { problem = { title: 'HTTP ' + response.status }; }
  }
  return { response, problem };
}

function explain(problem) {
  const fields = problem.errors ? ' ' + Object.values(problem.errors).flat().join(' ') : '';
  return `${problem.title} (${problem.code}).${fields}`;
}

async function confirm(path, done) {
  const { response, problem } = await post(path, { token });
  if (response.ok) show(done, 'ok');
  else show('That link did not work: ' + explain(problem), 'error');
}

if (!token) {
  show('This page needs the link from the email (it carries ?token=).', 'error');
} else if (page === 'verify-email') {
  confirm('/verify-email/confirm', 'Your email address is verified. You can close this page.');
} else if (page === 'magic-link') {
  // Single use: sign in once, then keep the token out of the history.
  history.replaceState(null, '', location.pathname);
  (async () => {
    const { response, problem } = await post('/magic-link/confirm', { token });
    if (!response.ok) {
      show('That link did not work: ' + explain(problem), 'error');
      return;
    }
    const body = await response.json();
    if (body.mfa_required) {
      show('This account uses two-factor authentication: sign in with your password and code on the main page.', 'error');
      return;
    }
    show('Signed in. Opening your account…', 'ok');
    location.href = '../';
  })();
} else if (page === 'confirm-email-change') {
  confirm('/email-change/confirm', 'Your account now uses the new address. Other sessions were signed out.');
} else if (page === 'reset-password' || page === 'set-password') {
  const form = document.getElementById('password-form');
  form.hidden = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const { response, problem } = await post('/password-reset/confirm', { token, new_password: document.getElementById('new-password').value });
    if (response.ok) {
      form.hidden = true;
      show('Your password is set. Sign in with it on the main page.', 'ok');
    } else {
      // A password the policy refuses does not use up the link: try another one.
      show('Not accepted: ' + explain(problem), 'error');
    }
  });
}
