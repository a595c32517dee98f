// The console's shell: API client (session cookie + CSRF token), sign-in, hash router.
import * as views from './views.js';
import { esc } from './cedar.js';

const state = { session: null, csrf: null };

/** Calls the service's own API; errors come back as AgentCore error bodies and are thrown as Error(message). */
export async function api(method, path, body) {
  const headers = { 'Accept': 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (state.csrf && method !== 'GET') headers['X-CSRF-Token'] = state.csrf;
  const r = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  const json = text ? JSON.parse(text) : {};
  if (!r.ok) {
    const type = r.headers.get('x-amzn-ErrorType') || 'Error';
    const fields = (json.fieldList || []).map(f => `${f.name}: ${f.message}`).join('\n');
    const err = new Error(`${type}: ${json.message || r.status}${fields ? '\n' + fields : ''}`);
    err.type = type;
    err.status = r.status;
    if (r.status === 403 && (type === 'MissingAuthenticationTokenException')) { state.session = null; location.hash = '#/signin'; }
    throw err;
  }
  return json;
}

/** Every page of a list operation (bounded: at most 20 pages). */
export async function all(path, member) {
  const out = [];
  let token = null;
  for (let i = 0; i < 20; i++) {
    const sep = path.includes('?') ? '&' : '?';
    const page = await api('GET', path + sep + 'maxResults=100' + (token ? '&nextToken=' + encodeURIComponent(token) : ''));
    out.push(...(page[member] || []));
    token = page.nextToken;
    if (!token) break;
  }
  return out;
}

export function say(message, ok = false) {
  const el = document.getElementById('status');
  el.textContent = message || '';
  el.classList.toggle('ok', !!ok);
}

export function session() {
  return state.session;
}

function showWho() {
  const who = document.getElementById('who');
  const s = state.session;
  if (!s || !s.signedIn) { who.textContent = ''; return; }
  who.innerHTML = `${esc(s.principal)} <span class="muted">(${esc(s.roles.join(', '))})</span>`
    + (s.localMode ? ' <span class="badge LOG_ONLY" title="No credentials file: no sign-in, every caller is local">local mode</span>'
      : ' <button type="button" id="signout">Sign out</button>');
  const out = document.getElementById('signout');
  if (out) out.addEventListener('click', async () => {
    await api('DELETE', '/console/session');
    state.session = null; state.csrf = null;
    location.hash = '#/signin';
    showWho();
  });
}

function signInView(main) {
  main.innerHTML = `<h1>Sign in</h1>
    <p class="muted">Use an access key from the service's credentials file. The session is a cookie only this site can read.</p>
    <form class="stack" id="signin-form">
      <div><label for="akid">Access key id</label><input type="text" id="akid" name="accessKeyId" autocomplete="username" required></div>
      <div><label for="secret">Secret access key</label><input type="password" id="secret" name="secretAccessKey" autocomplete="current-password" required></div>
      <div><button class="primary" type="submit" id="signin-button">Sign in</button></div>
    </form>`;
  document.getElementById('akid').focus();
  document.getElementById('signin-form').addEventListener('submit', async e => {
    e.preventDefault();
    try {
      const s = await api('POST', '/console/session', {
        accessKeyId: document.getElementById('akid').value, secretAccessKey: document.getElementById('secret').value });
      state.session = s; state.csrf = s.csrfToken;
      say('');
      showWho();
      location.hash = '#/';
    } catch (err) {
      say('Sign-in failed. ' + err.message);
    }
  });
}

const ROUTES = [
  [/^#\/signin$/, null, signInView],
  [/^#\/?$/, 'generations', views.generations],
  [/^#\/generations\/([^/]+)\/([^/]+)$/, 'generations', views.generation],
  [/^#\/try(?:\/([^/?]+))?(?:\?(.*))?$/, 'try', views.tryIt],
  [/^#\/engines$/, 'engines', views.engines],
  [/^#\/audit(?:\?(.*))?$/, 'audit', views.audit],
];

async function route() {
  const hash = location.hash || '#/';
  const main = document.getElementById('main');
  if (!state.session) {
    try {
      const s = await api('GET', '/console/session');
      if (s.signedIn) { state.session = s; state.csrf = s.csrfToken || null; }
    } catch (err) { say(err.message); }
    showWho();
  }
  if ((!state.session || !state.session.signedIn) && hash !== '#/signin') { location.hash = '#/signin'; return; }
  for (const [re, nav, view] of ROUTES) {
    const m = hash.match(re);
    if (!m) continue;
    document.querySelectorAll('[data-nav]').forEach(a => {
      if (a.dataset.nav === nav) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    });
    say('');
    main.innerHTML = '<p class="muted">Loading…</p>';
    try {
      await view(main, ...m.slice(1).map(x => (x === undefined ? undefined : decodeURIComponent(x))));
    } catch (err) {
      main.innerHTML = '';
      say(err.message);
    }
    main.focus({ preventScroll: true });
    return;
  }
  main.innerHTML = '<h1>Not found</h1><p><a href="#/">Back to generations</a></p>';
}

window.addEventListener('hashchange', route);
window.addEventListener('DOMContentLoaded', route);
