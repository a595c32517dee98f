// Cedar display helpers: escaping, syntax highlighting, links from policy parts to requirement words,
// and what each finding means with what to do about it.

export function esc(s) {
  return String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

const KEYWORDS = new Set(['permit', 'forbid', 'when', 'unless', 'principal', 'action', 'resource', 'context', 'if', 'then',
  'else', 'in', 'is', 'has', 'like', 'true', 'false']);
const TOKEN = /(\/\/[^\n]*)|("(?:[^"\\]|\\.)*")|(\b\d+(?:\.\d+)?\b)|([A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)+)|([A-Za-z_][A-Za-z0-9_]*)|(&&|\|\||==|!=|<=|>=|[<>!])/g;

/** Highlighted HTML of a piece of Cedar (escaped). */
export function highlight(text) {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    out += esc(text.slice(last, m.index));
    const [t, cmt, str, num, ent, word, op] = m;
    if (cmt) out += `<span class="cmt">${esc(t)}</span>`;
    else if (str) out += `<span class="str">${esc(t)}</span>`;
    else if (num) out += `<span class="num">${esc(t)}</span>`;
    else if (ent) out += `<span class="ent">${esc(t)}</span>`;
    else if (word && KEYWORDS.has(word)) out += `<span class="kw">${esc(t)}</span>`;
    else if (op) out += `<span class="op">${esc(t)}</span>`;
    else out += esc(t);
    last = m.index + t.length;
  }
  return out + esc(text.slice(last));
}

/**
 * The parts of a statement linked to the requirement words they came from. With the asset's
 * `alignment` (policy parts with spans) each part found in the text is its own link; without it, the whole
 * statement links to the asset's span. Returns HTML of a <pre> whose links carry data-spans="s-e,s-e".
 */
export function linkedCedar(statement, alignment, fallbackSpan) {
  const ranges = [];
  for (const part of alignment || []) {
    if (!part.spans || !part.spans.length) continue;
    const needle = part.role === 'TOOL' ? `"${part.target}"` : part.target;
    let at = statement.indexOf(needle);
    while (at >= 0 && ranges.some(r => at < r.end && at + needle.length > r.start)) at = statement.indexOf(needle, at + 1);
    if (at < 0) continue;
    ranges.push({ start: at, end: at + needle.length, spans: part.spans, role: part.role });
  }
  ranges.sort((a, b) => a.start - b.start);
  if (!ranges.length && fallbackSpan) ranges.push({ start: 0, end: statement.length, spans: [fallbackSpan], role: 'POLICY' });
  let out = '';
  let last = 0;
  for (const r of ranges) {
    out += highlight(statement.slice(last, r.start));
    const spans = r.spans.map(s => `${s.start}-${s.end}`).join(',');
    out += `<span class="part" tabindex="0" role="button" data-spans="${spans}" title="${esc(r.role.toLowerCase())}: show the words it came from">`
      + highlight(statement.slice(r.start, r.end)) + '</span>';
    last = r.end;
  }
  return `<pre class="cedar">${out}${highlight(statement.slice(last))}</pre>`;
}

const GUIDE = {
  VALID: ['The policy is well-formed, validates against the gateway schema and is not trivially permissive or restrictive.',
    'Nothing to fix. Still read the explanation and examples: valid is not the same as intended.'],
  INVALID: ['The Cedar does not parse or does not validate against the gateway schema (unknown tool, attribute or type).',
    'Edit the Cedar below until validation passes, or reject and ask the author to reword the requirement.'],
  NOT_TRANSLATABLE: ['The requirement could not be turned into a faithful policy (unsupported construct or unclear wording).',
    'Write the policy by hand with "Edit the Cedar", or request changes to the requirement text.'],
  AMBIGUOUS: ['The requirement can be read in more than one way; the translator chose one reading (described here).',
    'Check the decision examples. If the reading is right, acknowledge it; otherwise edit the Cedar or request changes.'],
  ALLOW_ALL: ['The permit has no effective condition: it allows every caller to use this tool on this gateway.',
    'Confirm that everyone should be allowed, or add the missing condition (user, role, amount) before approving.'],
  ALLOW_NONE: ['The permit can never apply: its conditions contradict each other, so it allows nothing.',
    'Fix the condition (often a reversed comparison) or reject it; as written it has no effect.'],
  DENY_ALL: ['The forbid applies to every request for its tools: those tools are shut off for everyone.',
    'Make sure this is an intended shutdown (forbid always wins); otherwise add a condition.'],
  DENY_NONE: ['The forbid can never apply, so it blocks nothing.',
    'Fix its condition or reject it: as written it gives a false sense of protection.'],
};

/** [what it means, what to do] for a finding type. */
export function guide(type) {
  return GUIDE[type] || ['A finding of type ' + type + '.', 'Read its description before approving.'];
}
