// The console's pages. Every page reads and writes through the service's public API (see app.js `api`).
import { api, all, say, session } from './app.js';
import { esc, highlight, linkedCedar, guide } from './cedar.js';

const badge = s => `<span class="badge ${esc(s)}">${esc(String(s).replace(/_/g, ' '))}</span>`;
// Local mode has one principal, so four-eyes cannot hold: its approvals are recorded as self-approvals and say so.
const SELF_APPROVAL_TEXT = 'Self-approval: approved without a second reviewer (local mode has one principal, so four-eyes did not apply).';
const SELF_APPROVAL = `<span class="badge self-approval" title="${SELF_APPROVAL_TEXT}">self-approval</span> <span class="hint">no second reviewer (local mode)</span>`;
const genBase = (e, g) => `/policy-engines/${encodeURIComponent(e)}/policy-generations/${encodeURIComponent(g)}`;
const has = role => (session()?.roles || []).includes(role);

// ---- generations list ----
export async function generations(main) {
  const engines = await all('/policy-engines', 'policyEngines');
  const rows = [];
  for (const e of engines) {
    for (const g of await all(`/policy-engines/${e.policyEngineId}/policy-generations`, 'policyGenerations')) {
      const assets = g.status === 'GENERATED' ? await all(genBase(e.policyEngineId, g.policyGenerationId) + '/assets', 'policyGenerationAssets') : [];
      const counts = {};
      assets.forEach(a => a.findings.filter(f => f.type !== 'VALID').forEach(f => { counts[f.type] = (counts[f.type] || 0) + 1; }));
      const reviewed = assets.filter(a => a.review && a.review.status !== 'PENDING_REVIEW').length;
      rows.push({ e, g, assets, counts, reviewed });
    }
  }
  rows.sort((a, b) => b.g.createdAt.localeCompare(a.g.createdAt));
  main.innerHTML = `<h1>Generations</h1>
    <p class="muted">Natural-language requirements turned into Cedar, newest first. Open one to review its policies.</p>
    ${rows.length ? `<div class="table-wrap"><table id="generations"><caption class="muted">${rows.length} generations</caption>
      <thead><tr><th scope="col">Name</th><th scope="col">Engine</th><th scope="col">Status</th><th scope="col">Requested by</th>
      <th scope="col">Policies</th><th scope="col">Findings</th><th scope="col">Reviewed</th><th scope="col">Created</th></tr></thead>
      <tbody>${rows.map(r => `<tr>
        <td><a href="#/generations/${esc(r.e.policyEngineId)}/${esc(r.g.policyGenerationId)}">${esc(r.g.name)}</a></td>
        <td>${esc(r.e.name)}</td><td>${badge(r.g.status)}</td><td>${esc(r.g.startedBy || '')}</td>
        <td>${r.assets.length}</td>
        <td>${Object.keys(r.counts).length ? Object.entries(r.counts).map(([t, n]) => `${badge(t)} ${n}`).join(' ') : '<span class="muted">none</span>'}</td>
        <td>${r.reviewed} / ${r.assets.length}</td><td>${esc(r.g.createdAt.replace('T', ' ').slice(0, 19))}</td></tr>`).join('')}
      </tbody></table></div>` : '<p>No generations yet. Start one with StartPolicyGeneration (see the README).</p>'}`;
}

// ---- one generation ----
function locate(raw, assets) {
  let from = 0;
  return assets.map(a => {
    const frag = a.rawTextFragment || '';
    let at = raw.indexOf(frag, from);
    if (at < 0) at = raw.indexOf(frag);
    if (at < 0 || !frag) return null;
    from = at + frag.length;
    return { start: at, end: at + frag.length };
  });
}

/** The raw text cut at every span boundary; each piece knows its range and which assets cover it. */
function rawHtml(raw, assetSpans, extraSpans) {
  const cuts = new Set([0, raw.length]);
  [...assetSpans.filter(Boolean), ...extraSpans].forEach(s => { cuts.add(Math.max(0, Math.min(raw.length, s.start))); cuts.add(Math.max(0, Math.min(raw.length, s.end))); });
  const points = [...cuts].sort((a, b) => a - b);
  let html = '';
  for (let i = 0; i + 1 < points.length; i++) {
    const [s, e] = [points[i], points[i + 1]];
    const owners = assetSpans.map((sp, k) => (sp && s >= sp.start && e <= sp.end ? k : -1)).filter(k => k >= 0);
    const text = esc(raw.slice(s, e));
    html += owners.length
      ? `<mark class="span" data-from="${s}" data-to="${e}" data-assets="${owners.join(',')}" title="Asset ${owners.map(k => k + 1).join(', ')}">${text}</mark>`
      : `<span data-from="${s}" data-to="${e}">${text}</span>`;
  }
  return html;
}

function activate(spans) {
  document.querySelectorAll('#raw [data-from]').forEach(el => {
    const s = +el.dataset.from, e = +el.dataset.to;
    el.classList.toggle('active', spans.some(sp => s >= sp.start && e <= sp.end));
  });
}

export async function generation(main, engineId, generationId) {
  const g = await api('GET', genBase(engineId, generationId));
  const assets = g.status === 'GENERATED' ? await all(genBase(engineId, generationId) + '/assets', 'policyGenerationAssets') : [];
  const raw = g.content?.rawText || '';
  const spans = locate(raw, assets);
  const extra = assets.flatMap(a => [...(a.alignment || []).flatMap(p => p.spans || []), ...a.findings.filter(f => f.span).map(f => f.span)]);
  const gateway = g.resource.arn;
  main.innerHTML = `<p><a href="#/">← Generations</a></p>
    <h1>${esc(g.name)} ${badge(g.status)}</h1>
    <p class="muted">Requested by ${esc(g.startedBy || 'unknown')} on ${esc(g.createdAt.replace('T', ' ').slice(0, 19))} for gateway <code>${esc(gateway)}</code>.
      <a href="#/try/${esc(engineId)}?gateway=${encodeURIComponent(gateway)}">Try requests against this engine</a></p>
    ${g.statusReasons.length ? `<p class="DENY">${g.statusReasons.map(esc).join('<br>')}</p>` : ''}
    <h2 id="raw-heading">Requirement</h2>
    <p class="hint">Highlighted: the words each policy came from. Select a part of a policy to see its words.</p>
    <div class="raw" id="raw" aria-labelledby="raw-heading">${rawHtml(raw, spans, extra)}</div>
    <div id="assets">${assets.map((a, i) => assetHtml(a, i, spans[i], g)).join('')}</div>`;
  assets.forEach((a, i) => wireAsset(main, a, i, spans[i], engineId, generationId, g));
  main.querySelectorAll('.part').forEach(p => {
    const spansOf = () => p.dataset.spans.split(',').map(x => { const [s, e] = x.split('-').map(Number); return { start: s, end: e }; });
    const on = () => { main.querySelectorAll('.part.active').forEach(x => x.classList.remove('active')); p.classList.add('active'); activate(spansOf()); };
    p.addEventListener('mouseenter', on);
    p.addEventListener('focus', on);
    p.addEventListener('click', on);
    p.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); on(); document.getElementById('raw').scrollIntoView({ block: 'nearest' }); } });
  });
}

function assetHtml(a, i, span, g) {
  const statement = a.definition?.cedar?.statement;
  const review = a.review || { status: 'PENDING_REVIEW', reviews: 0 };
  const open = review.status === 'PENDING_REVIEW' || review.status === 'CHANGES_REQUESTED';
  const needAck = [...new Set(a.findings.filter(f => f.type !== 'VALID').map(f => f.type))];
  const defaultName = (g.name + '_' + (i + 1)).replace(/[^A-Za-z0-9_]/g, '_').replace(/^[^A-Za-z]/, 'P').slice(0, 48);
  return `<section class="asset" id="asset-${i}" aria-labelledby="asset-${i}-h">
    <h2 id="asset-${i}-h">Policy ${i + 1} ${badge(review.status)} ${review.policyId ? `<span class="muted">policy <code>${esc(review.policyId)}</code></span>` : ''}</h2>
    <p><q>${esc(a.rawTextFragment)}</q></p>
    <div class="asset-grid">
      <div>
        <h3>Cedar</h3>
        ${statement ? linkedCedar(statement, a.alignment, span) : '<p class="DENY">No Cedar could be produced for this requirement.</p>'}
        ${a.explanation ? `<h3>In plain English</h3><p class="explanation">${esc(a.explanation)}</p>` : ''}
        ${a.examples?.length ? `<h3>Decision examples</h3><div class="table-wrap"><table class="examples"><thead><tr><th scope="col">Request</th><th scope="col">Decision</th></tr></thead>
          <tbody>${a.examples.map(x => `<tr><td>${esc(x.description)}</td><td>${badge(x.decision)}</td></tr>`).join('')}</tbody></table></div>` : ''}
      </div>
      <div>
        <h3>Findings</h3>
        ${a.findings.map(f => { const [means, todo] = guide(f.type); return `<div class="finding ${esc(f.type)}">
          <p>${badge(f.type)} <code class="muted">${esc(f.code || '')}</code></p>
          ${f.description ? `<p>${esc(f.description)}</p>` : ''}
          <p><strong>What it means:</strong> ${esc(means)}</p><p><strong>What to do:</strong> ${esc(todo)}</p></div>`; }).join('')}
        <h3>Test runs</h3>
        <div id="runs-${i}" class="muted"></div>
        <p><a href="#/try/${esc(g.policyEngineId)}?gateway=${encodeURIComponent(g.resource.arn)}&amp;asset=${encodeURIComponent(g.policyGenerationId + '/' + a.policyGenerationAssetId)}">Try requests with this policy and attach a test run</a></p>
        <h3>Review</h3>
        <div id="history-${i}" class="muted"></div>
        ${open && has('reviewer') ? `<form class="stack review-form" id="review-${i}" data-asset="${esc(a.policyGenerationAssetId)}">
          <div><label for="name-${i}">Policy name <span class="hint">(when approving)</span></label>
            <input type="text" id="name-${i}" value="${esc(defaultName)}" pattern="[A-Za-z][A-Za-z0-9_]*" maxlength="48"></div>
          ${needAck.length ? `<fieldset class="checks"><legend>Acknowledge findings (required to approve)</legend>
            ${needAck.map(t => `<label><input type="checkbox" name="ack" value="${esc(t)}"> I have read the ${esc(t.replace(/_/g, ' '))} finding</label>`).join('')}</fieldset>` : ''}
          <div><label for="mode-${i}">Enforcement</label><select id="mode-${i}"><option value="ACTIVE">ACTIVE: enforce when approved</option>
            <option value="LOG_ONLY">LOG_ONLY: evaluate and log only</option></select></div>
          <details><summary>Edit the Cedar before approving</summary>
            <label for="edit-${i}">Edited statement</label>
            <textarea class="cedar" id="edit-${i}" spellcheck="false">${esc(statement || '')}</textarea>
            <p id="check-${i}" class="muted" aria-live="polite"></p>
            <label class="checks"><input type="checkbox" id="confirm-${i}"> I accept that my edit changes what the policy decides</label>
          </details>
          <div><label for="comment-${i}">Comment <span class="hint">(required to reject or request changes)</span></label><textarea id="comment-${i}" rows="2"></textarea></div>
          <div class="row"><button type="submit" class="primary" data-decision="APPROVE">Approve</button>
            <button type="submit" data-decision="REQUEST_CHANGES">Request changes</button>
            <button type="submit" class="danger" data-decision="REJECT">Reject</button></div>
          <p id="result-${i}" aria-live="polite"></p>
        </form>` : ''}
      </div>
    </div></section>`;
}

function wireAsset(main, a, i, span, engineId, generationId, g) {
  const base = genBase(engineId, generationId) + '/assets/' + encodeURIComponent(a.policyGenerationAssetId);
  api('GET', base + '/reviews?maxResults=100').then(h => {
    const el = document.getElementById('history-' + i);
    el.innerHTML = h.reviews.length ? '<ul>' + h.reviews.map(r => `<li>${badge(r.decision)} by ${esc(r.reviewer)} at ${esc(r.createdAt.replace('T', ' ').slice(0, 19))}`
      + `${r.comment ? ': ' + esc(r.comment) : ''}${r.edited ? ' (edited Cedar)' : ''}${r.selfApproval ? ' ' + SELF_APPROVAL : ''}</li>`).join('') + '</ul>' : 'Not reviewed yet.';
  }).catch(() => {});
  api('GET', `/policy-engines/${encodeURIComponent(engineId)}/test-runs?maxResults=20&policyGenerationId=${encodeURIComponent(generationId)}`
    + `&policyGenerationAssetId=${encodeURIComponent(a.policyGenerationAssetId)}`).then(r => {
    document.getElementById('runs-' + i).innerHTML = r.testRuns.length ? '<ul>' + r.testRuns.map(t => `<li><span class="${t.failed ? 'failed' : 'passed'}">`
      + `${t.passed} passed, ${t.failed} failed</span> by ${esc(t.createdBy)} at ${esc(t.createdAt.replace('T', ' ').slice(0, 19))}: `
      + t.results.map(x => `${esc(x.name)} ${badge(x.decision)}`).join('; ') + '</li>').join('') + '</ul>' : 'No test run attached yet.';
  }).catch(() => {});
  const form = document.getElementById('review-' + i);
  if (!form) return;
  const edit = document.getElementById('edit-' + i);
  const original = a.definition?.cedar?.statement || '';
  const request = decision => {
    const body = { decision };
    const comment = document.getElementById('comment-' + i).value.trim();
    if (comment) body.comment = comment;
    if (decision === 'APPROVE') {
      body.policyName = document.getElementById('name-' + i).value.trim();
      body.acknowledgedFindings = [...form.querySelectorAll('input[name=ack]:checked')].map(c => c.value);
      body.enforcementMode = document.getElementById('mode-' + i).value;
      if (edit.value.trim() !== original.trim()) { body.statement = edit.value; body.confirmDifference = document.getElementById('confirm-' + i).checked; }
    }
    return body;
  };
  let timer = null;
  edit.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const out = document.getElementById('check-' + i);
      if (edit.value.trim() === original.trim()) { out.textContent = 'Unchanged.'; return; }
      try {
        const body = request('APPROVE');
        body.dryRun = true;
        body.acknowledgedFindings = [...new Set(a.findings.map(f => f.type).filter(t => t !== 'VALID'))];
        const r = await api('POST', base + '/review', body);
        const d = r.review.difference;
        out.className = d ? 'AMBIGUOUS' : 'ALLOW';
        out.textContent = d ? `Valid, but the meaning changed: on ${JSON.stringify(d.request)} the generated policy says ${d.generatedDecision}, yours says ${d.editedDecision}.`
          : 'Valid, and it decides exactly like the generated policy on every generated request.';
      } catch (err) {
        out.className = 'DENY';
        out.textContent = err.message;
      }
    }, 400);
  });
  let decision = 'APPROVE';
  form.querySelectorAll('button[data-decision]').forEach(b => b.addEventListener('click', () => { decision = b.dataset.decision; }));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const out = document.getElementById('result-' + i);
    try {
      const r = await api('POST', base + '/review', request(decision));
      out.className = 'ALLOW';
      out.textContent = `${r.review.decision} recorded.` + (r.policy ? ` Policy ${r.policy.policyId} is ${r.policy.status} (${r.policy.enforcementMode}).` : '')
        + (r.review.selfApproval ? ` ${SELF_APPROVAL_TEXT}` : '');
      say(out.textContent, true);
      setTimeout(() => generation(main, engineId, generationId).then(() => say(out.textContent, true)), 50);
    } catch (err) {
      out.className = 'DENY';
      out.textContent = err.message;
      say(err.message);
      out.scrollIntoView({ block: 'nearest' });
    }
  });
}

// ---- try it ----
// The tools of a gateway with their JSON input schemas, as the service read them from every kind of target
// (inline MCP/Lambda tool schemas, OpenAPI operations): the same derivation the Cedar schema comes from.
async function toolsOf(gatewayId) {
  const schema = await api('GET', `/gateways/${encodeURIComponent(gatewayId)}/schema`);
  return (schema.tools || []).map(t => ({ action: t.action, description: t.description || '', schema: t.inputSchema || {} }));
}

function fieldHtml(name, prop, required) {
  const id = 'in-' + name;
  const label = `<label for="${esc(id)}">${esc(name)}${required ? ' <span class="hint">(required)</span>' : ''}${prop.description ? ` <span class="hint">${esc(prop.description)}</span>` : ''}</label>`;
  const t = Array.isArray(prop.type) ? prop.type.find(x => x !== 'null') : prop.type;
  if (prop.enum) return `<div>${label}<select id="${esc(id)}" data-name="${esc(name)}" data-type="enum"><option value=""></option>${prop.enum.map(v => `<option>${esc(v)}</option>`).join('')}</select></div>`;
  if (t === 'boolean') return `<div>${label}<select id="${esc(id)}" data-name="${esc(name)}" data-type="boolean"><option value=""></option><option>true</option><option>false</option></select></div>`;
  if (t === 'integer' || t === 'number') return `<div>${label}<input type="number" ${t === 'number' ? 'step="any"' : 'step="1"'} id="${esc(id)}" data-name="${esc(name)}" data-type="${t}"></div>`;
  if (t === 'object' || t === 'array' || prop.properties || prop.items) return `<div>${label}<textarea id="${esc(id)}" data-name="${esc(name)}" data-type="json" rows="2" placeholder="JSON"></textarea></div>`;
  return `<div>${label}<input type="text" id="${esc(id)}" data-name="${esc(name)}" data-type="string"></div>`;
}

export async function tryIt(main, engineId, query) {
  const params = new URLSearchParams(query || '');
  const engines = await all('/policy-engines', 'policyEngines');
  // list answers are summaries; the full gateway has its ARN and attached engine
  const gateways = await Promise.all((await all('/gateways', 'items')).map(gw => api('GET', `/gateways/${encodeURIComponent(gw.gatewayId)}`)));
  engineId = engineId || engines[0]?.policyEngineId;
  // trying a policy under review: its Cedar is the candidate, and suite runs are attached to it
  const assetRef = params.get('asset') ? params.get('asset').split('/') : null;
  let candidate = '';
  if (assetRef) {
    const list = await all(genBase(engineId, assetRef[0]) + '/assets', 'policyGenerationAssets');
    const asset = list.find(x => x.policyGenerationAssetId === assetRef[1]);
    if (asset && asset.review?.status !== 'APPROVED') candidate = asset.definition?.cedar?.statement || '';
  }
  const gatewayArn = params.get('gateway') || gateways.find(gw => gw.policyEngineConfiguration?.arn?.endsWith('/' + engineId))?.gatewayArn || gateways[0]?.gatewayArn;
  main.innerHTML = `<h1>Try it</h1>
    <p class="muted">Build a request as a gateway would (the caller's claims become principal tags) and see what the engine decides before anything is enforced.</p>
    <form class="stack" id="try-form">
      <div class="row"><div><label for="engine">Policy engine</label><select id="engine">${engines.map(e => `<option value="${esc(e.policyEngineId)}" ${e.policyEngineId === engineId ? 'selected' : ''}>${esc(e.name)}</option>`).join('')}</select></div>
        <div><label for="gateway">Gateway</label><select id="gateway">${gateways.map(gw => `<option value="${esc(gw.gatewayArn)}" ${gw.gatewayArn === gatewayArn ? 'selected' : ''}>${esc(gw.name)}</option>`).join('')}</select></div></div>
      <div class="row"><div><label for="tool">Tool</label><select id="tool"></select></div>
        <div><label for="principal-id">Caller id <span class="hint">(JWT sub)</span></label><input type="text" id="principal-id" value="user-1"></div></div>
      <fieldset><legend>Claims (principal tags)</legend><div id="claims"></div>
        <button type="button" id="add-claim">Add a claim</button></fieldset>
      <fieldset><legend>Tool input</legend><div id="inputs" class="stack"></div></fieldset>
      ${assetRef ? `<p>Trying <a href="#/generations/${esc(engineId)}/${esc(assetRef[0])}">a policy under review</a>: its Cedar is the candidate below, and suite runs are attached to it.</p>` : ''}
      <details ${candidate ? 'open' : ''}><summary>Candidate policy (evaluated as if added)</summary><label for="candidate">Cedar</label><textarea class="cedar" id="candidate" spellcheck="false">${esc(candidate)}</textarea></details>
      <div class="row"><button type="submit" class="primary" id="authorize">Authorize</button>
        <div><label for="expected">Expected</label><select id="expected"><option>ALLOW</option><option>DENY</option></select></div>
        <button type="button" id="add-case">Add to the test suite</button></div>
    </form>
    <section aria-labelledby="decision-h"><h2 id="decision-h">Decision</h2><div id="decision" aria-live="polite" class="muted">No request yet.</div></section>
    <section aria-labelledby="suite-h"><h2 id="suite-h">Test suite</h2>
      <p class="hint">Cases you add are a draft in this browser; save the suite under a name to share it with other reviewers of this engine. "Run" evaluates it on the server.</p>
      <div class="row"><div><label for="saved-suites">Saved suites</label><select id="saved-suites"></select></div>
        <button type="button" id="load-suite">Load</button><button type="button" id="delete-suite">Delete</button></div>
      <div id="suite"></div>
      <div class="row"><div><label for="suite-name">Suite name <span class="hint">(letters, digits, _ . -)</span></label><input type="text" id="suite-name" maxlength="64"></div>
        <button type="button" id="save-suite">Save the suite</button></div>
      <div class="row"><button type="button" id="run-suite" class="primary">Run the test suite</button><button type="button" id="clear-suite">Clear</button>
        <label class="checks"><input type="checkbox" id="save-run" ${assetRef ? 'checked disabled' : ''}> Save the run${assetRef ? ' (attached to the policy under review)' : ''}</label></div>
      <div id="suite-result" aria-live="polite"></div></section>`;
  const $ = id => document.getElementById(id);
  const addClaim = (k = '', v = '') => {
    const n = $('claims').children.length;
    const row = document.createElement('div');
    row.className = 'row';
    row.innerHTML = `<div><label for="ck-${n}">Claim</label><input type="text" id="ck-${n}" class="ck" value="${esc(k)}"></div>
      <div><label for="cv-${n}">Value</label><input type="text" id="cv-${n}" class="cv" value="${esc(v)}"></div>`;
    $('claims').append(row);
  };
  addClaim('username', '');
  $('add-claim').addEventListener('click', () => addClaim());
  let tools = [];
  const loadTools = async () => {
    const gw = gateways.find(x => x.gatewayArn === $('gateway').value);
    tools = gw ? await toolsOf(gw.gatewayId) : [];
    $('tool').innerHTML = tools.map(t => `<option value="${esc(t.action)}">${esc(t.action)}</option>`).join('');
    renderInputs();
  };
  const renderInputs = () => {
    const t = tools.find(x => x.action === $('tool').value);
    const props = t?.schema?.properties || {};
    const req = new Set(t?.schema?.required || []);
    $('inputs').innerHTML = Object.keys(props).length ? Object.entries(props).map(([k, p]) => fieldHtml(k, p, req.has(k))).join('') : '<p class="muted">This tool takes no input.</p>';
  };
  $('gateway').addEventListener('change', loadTools);
  $('tool').addEventListener('change', renderInputs);
  $('engine').addEventListener('change', () => { location.hash = `#/try/${encodeURIComponent($('engine').value)}?gateway=${encodeURIComponent($('gateway').value)}`; });
  await loadTools();

  const build = () => {
    const tags = {};
    document.querySelectorAll('#claims .row').forEach(r => { const k = r.querySelector('.ck').value.trim(); if (k) tags[k] = r.querySelector('.cv').value; });
    const input = {};
    document.querySelectorAll('#inputs [data-name]').forEach(el => {
      const v = el.value;
      if (v === '') return;
      const t = el.dataset.type;
      input[el.dataset.name] = t === 'integer' ? parseInt(v, 10) : t === 'number' ? Number(v) : t === 'boolean' ? v === 'true' : t === 'json' ? JSON.parse(v) : v;
    });
    return { gatewayArn: $('gateway').value, principal: { id: $('principal-id').value || 'user-1', tags }, action: $('tool').value, input };
  };
  const engineBase = `/policy-engines/${encodeURIComponent($('engine').value)}`;
  const suiteKey = 'suite:' + $('engine').value;
  const suite = () => JSON.parse(localStorage.getItem(suiteKey) || '[]');
  // the saved suite the draft equals (loaded or just saved): runs go by its name, so the server's copy is what runs
  let savedAs = null;
  const setDraft = (cases, name) => { localStorage.setItem(suiteKey, JSON.stringify(cases)); savedAs = name; showSuite(); };
  const showSuite = () => {
    const cases = suite();
    $('suite').innerHTML = (savedAs ? `<p class="muted" id="suite-source">Saved suite <strong>${esc(savedAs)}</strong></p>` : '')
      + (cases.length ? `<div class="table-wrap"><table><thead><tr><th scope="col">Case</th><th scope="col">Tool</th><th scope="col">Claims</th><th scope="col">Input</th><th scope="col">Expected</th></tr></thead>
      <tbody>${cases.map(c => `<tr><td>${esc(c.name)}</td><td>${esc(c.action)}</td><td><code>${esc(JSON.stringify(c.principal.tags))}</code></td><td><code>${esc(JSON.stringify(c.input))}</code></td><td>${badge(c.expected)}</td></tr>`).join('')}</tbody></table></div>`
      : '<p class="muted">No cases yet: build a request above and add it, or load a saved suite.</p>');
  };
  const loadSaved = async (selected) => {
    const saved = await all(engineBase + '/test-suites', 'testSuites');
    $('saved-suites').innerHTML = saved.length
      ? saved.map(x => `<option value="${esc(x.name)}" ${x.name === selected ? 'selected' : ''}>${esc(x.name)} (${x.caseCount} cases, ${esc(x.updatedBy)})</option>`).join('')
      : '<option value="">none saved yet</option>';
  };
  showSuite();
  await loadSaved();
  $('add-case').addEventListener('click', () => {
    try {
      const c = build();
      const cases = suite();
      cases.push({ name: `case ${cases.length + 1}: ${c.action} ${JSON.stringify(c.input)}`.slice(0, 200), principal: c.principal, action: c.action, input: c.input, expected: $('expected').value });
      setDraft(cases, null);
    } catch (err) { say(err.message); }
  });
  $('clear-suite').addEventListener('click', () => { setDraft([], null); $('suite-result').innerHTML = ''; });
  $('save-suite').addEventListener('click', async () => {
    try {
      const name = $('suite-name').value.trim();
      if (!name) { say('Name the suite first.'); $('suite-name').focus(); return; }
      const cases = suite();
      if (!cases.length) { say('The suite has no cases yet.'); return; }
      const saved = await api('PUT', `${engineBase}/test-suites/${encodeURIComponent(name)}`, { gatewayArn: $('gateway').value, cases });
      setDraft(saved.cases, saved.name);
      await loadSaved(saved.name);
      say(`Suite ${saved.name} saved (${saved.caseCount} cases).`, true);
    } catch (err) { say(err.message); }
  });
  $('load-suite').addEventListener('click', async () => {
    try {
      const name = $('saved-suites').value;
      if (!name) { say('No saved suite to load.'); return; }
      const saved = await api('GET', `${engineBase}/test-suites/${encodeURIComponent(name)}`);
      if (saved.gatewayArn !== $('gateway').value && gateways.some(g => g.gatewayArn === saved.gatewayArn)) {
        $('gateway').value = saved.gatewayArn;
        await loadTools();
      }
      $('suite-name').value = saved.name;
      setDraft(saved.cases, saved.name);
      say(`Suite ${saved.name} loaded (${saved.caseCount} cases, saved by ${saved.updatedBy}).`, true);
    } catch (err) { say(err.message); }
  });
  $('delete-suite').addEventListener('click', async () => {
    try {
      const name = $('saved-suites').value;
      if (!name) return;
      await api('DELETE', `${engineBase}/test-suites/${encodeURIComponent(name)}`);
      if (savedAs === name) { savedAs = null; showSuite(); }
      await loadSaved();
      say(`Suite ${name} deleted.`, true);
    } catch (err) { say(err.message); }
  });
  $('run-suite').addEventListener('click', async () => {
    try {
      const cases = suite();
      if (!cases.length) { say('The suite has no cases yet.'); return; }
      const body = savedAs ? { suiteName: savedAs } : { gatewayArn: $('gateway').value, cases };
      const cand = $('candidate').value.trim();
      if (cand) body.candidatePolicies = [cand];
      if (assetRef) body.attachTo = { policyGenerationId: assetRef[0], policyGenerationAssetId: assetRef[1] };
      else if ($('save-run').checked) body.save = true;
      const r = await api('POST', `${engineBase}/test-runs`, body);
      $('suite-result').innerHTML = `${r.suiteName ? `<p class="muted">Ran the saved suite <strong>${esc(r.suiteName)}</strong>.</p>` : ''}${r.testRunId ? `<p class="muted">Saved as <code>${esc(r.testRunId)}</code>.</p>` : ''}<p><strong class="passed">${r.passed} passed</strong>, <strong class="${r.failed ? 'failed' : 'passed'}">${r.failed} failed</strong></p>
        <div class="table-wrap"><table id="suite-results"><thead><tr><th scope="col">Case</th><th scope="col">Expected</th><th scope="col">Decision</th><th scope="col">Deciding policies</th><th scope="col">Result</th></tr></thead>
        <tbody>${r.results.map(x => `<tr><td>${esc(x.name)}</td><td>${badge(x.expected)}</td><td>${badge(x.decision)}</td><td>${x.determiningPolicies.map(p => `<code>${esc(p)}</code>`).join(', ') || '<span class="muted">none (default deny)</span>'}</td><td>${x.passed ? '<span class="passed">passed</span>' : '<span class="failed">FAILED</span>'}</td></tr>`).join('')}</tbody></table></div>`;
    } catch (err) { say(err.message); }
  });
  $('try-form').addEventListener('submit', async e => {
    e.preventDefault();
    try {
      const body = build();
      const cand = $('candidate').value.trim();
      if (cand) body.candidatePolicies = [cand];
      const r = await api('POST', `/policy-engines/${encodeURIComponent($('engine').value)}/authorize`, body);
      const pols = r.determiningPolicies.map(p => `<code>${esc(p)}</code>`).join(', ') || '<span class="muted">none: no policy applies (denied by default)</span>';
      $('decision').className = '';
      $('decision').innerHTML = `<p class="decision ${r.decision}" id="decision-value">${r.decision}</p>
        <p>Deciding policies: ${pols}</p>
        ${r.errors.length ? `<p class="DENY">Errors: ${r.errors.map(esc).join('; ')}</p>` : ''}
        <p class="muted">With LOG_ONLY policies enforced too: ${badge(r.logOnly.decision)} ${r.logOnly.determiningPolicies.map(p => `<code>${esc(p)}</code>`).join(', ')}</p>`;
    } catch (err) { say(err.message); }
  });
}

// ---- engines and policies ----
export async function engines(main) {
  const list = await all('/policy-engines', 'policyEngines');
  let html = `<h1>Engines and policies</h1>`;
  for (const e of list) {
    const policies = await all(`/policy-engines/${e.policyEngineId}/policies`, 'policies');
    html += `<section aria-labelledby="eng-${esc(e.policyEngineId)}"><h2 id="eng-${esc(e.policyEngineId)}">${esc(e.name)} ${badge(e.status)}</h2>
      <p class="muted"><code>${esc(e.policyEngineArn)}</code> · <a href="#/audit?resourceArn=${encodeURIComponent(e.policyEngineArn)}">audit trail</a> · <a href="#/try/${esc(e.policyEngineId)}">try it</a></p>
      ${policies.length ? `<div class="table-wrap"><table class="policies"><thead><tr><th scope="col">Policy</th><th scope="col">Status</th><th scope="col">Enforcement</th><th scope="col">Cedar</th><th scope="col">Actions</th></tr></thead><tbody>
      ${policies.map(p => `<tr data-policy="${esc(p.policyId)}"><td>${esc(p.name)}<br><code class="muted">${esc(p.policyId)}</code></td><td>${badge(p.status)}</td>
        <td>${badge(p.enforcementMode || 'ACTIVE')}</td><td><details><summary>show</summary><pre class="cedar">${highlight(p.definition?.cedar?.statement || p.definition?.policy?.statement || '')}</pre></details></td>
        <td>${p.enforcementMode === 'LOG_ONLY' && has('admin') ? `<button type="button" class="primary activate" data-engine="${esc(e.policyEngineId)}" data-policy="${esc(p.policyId)}">Switch to ACTIVE</button> ` : ''}
          <a href="#/audit?resourceArn=${encodeURIComponent(p.policyArn)}">audit trail</a></td></tr>`).join('')}</tbody></table></div>` : '<p class="muted">No policies.</p>'}</section>`;
  }
  main.innerHTML = list.length ? html : html + '<p>No policy engines yet.</p>';
  main.querySelectorAll('button.activate').forEach(b => b.addEventListener('click', async () => {
    if (!confirm('Enforce this policy? From now on it decides requests.')) return;
    try {
      await api('PATCH', `/policy-engines/${b.dataset.engine}/policies/${b.dataset.policy}`, { enforcementMode: 'ACTIVE' });
      await engines(main);
      say('The policy is now ACTIVE.', true);
    } catch (err) { say(err.message); }
  }));
}

// ---- audit trail ----
export async function audit(main, query) {
  const params = new URLSearchParams(query || '');
  const arn = params.get('resourceArn') || '';
  const page = await api('GET', '/audit-events?maxResults=100' + (arn ? '&resourceArn=' + encodeURIComponent(arn) : ''));
  main.innerHTML = `<h1>Audit trail</h1>
    <form class="row" id="audit-form"><div><label for="arn">Resource ARN</label><input type="text" id="arn" value="${esc(arn)}" placeholder="all resources"></div>
      <div><button type="submit">Show</button></div></form>
    <div class="table-wrap"><table id="audit"><thead><tr><th scope="col">Time</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Resource</th><th scope="col">Details</th></tr></thead>
    <tbody>${(page.auditEvents || page.events || []).map(ev => `<tr><td>${esc(ev.time.replace('T', ' ').slice(0, 19))}</td><td>${esc(ev.principal)}</td><td>${esc(ev.action)}</td>
      <td><code>${esc(ev.resourceArn)}</code></td><td>${ev.details?.selfApproval ? SELF_APPROVAL + ' ' : ''}<code>${esc(JSON.stringify(ev.details ?? ''))}</code></td></tr>`).join('') || '<tr><td colspan="5" class="muted">No events.</td></tr>'}</tbody></table></div>`;
  document.getElementById('audit-form').addEventListener('submit', e => {
    e.preventDefault();
    location.hash = '#/audit?resourceArn=' + encodeURIComponent(document.getElementById('arn').value.trim());
  });
}
