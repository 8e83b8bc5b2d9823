// The threshold rules and their editor, with the backtest preview (POST /api/v1/thresholds/backtest).
(() => {
  const { api, esc, num } = Cem;
  const SEVERITIES = ['critical', 'major', 'minor', 'warning'];
  const dialog = document.getElementById('editor');
  const $ = id => document.getElementById(id);
  let rules = [];
  let editing = null; // the rule as stored, or null for a new one

  const levelsHtml = rule => SEVERITIES.filter(s => rule.levels?.[s])
    .map(s => `<span class="pill ${s}">${s}</span> ${num(rule.levels[s].raise)} / ${num(rule.levels[s].clear)}`).join('<br>');

  async function load() {
    rules = await api('/api/v1/thresholds');
    const mayEdit = window.cemMe && (window.cemMe.roles.includes('ADMIN') || window.cemMe.roles.includes('OPERATOR'));
    const mayPreview = mayEdit || (window.cemMe && window.cemMe.roles.includes('ANALYST'));
    $('rule-new').style.display = mayEdit ? '' : 'none';
    $('editor-save').style.display = mayEdit ? '' : 'none';
    document.querySelector('#rule-table tbody').innerHTML = rules.map(r => `<tr>
      <td><b>${esc(r.id)}</b><div class="hint">${esc(r.description || '')}</div></td><td>${esc(r.metric)}</td>
      <td>${esc(r.scope?.type)}${r.scope?.value ? ': ' + esc(r.scope.value) : ''}</td><td>${esc(r.direction)}</td>
      <td>${levelsHtml(r)}</td>
      <td>${r.debounceSamples ? esc(r.debounceSamples) + ' samples' : ''}${r.debounceSeconds ? ' ' + esc(r.debounceSeconds) + ' s' : ''}</td>
      <td>${r.noDataSeconds ? esc(r.noDataSeconds) + ' s' : ''}</td>
      <td>${r.enabled === false ? '<span class="pill light">off</span>' : '<span class="pill ok">on</span>'}</td>
      <td>${mayPreview ? `<button class="small edit" data-id="${esc(r.id)}">${mayEdit ? 'Edit' : 'Preview'}</button>` : ''}</td></tr>`).join('')
      || '<tr><td colspan="9" class="empty">No rules</td></tr>';
    $('metrics').innerHTML = [...new Set(rules.map(r => r.metric))].map(m => `<option value="${esc(m)}">`).join('');
  }

  function open(rule) {
    editing = rule;
    $('editor-title').textContent = rule ? 'Edit rule ' + rule.id : 'New rule';
    $('editor-version').textContent = rule ? 'version ' + rule.version : '';
    const r = rule || { scope: { type: 'global' }, direction: 'above', levels: {}, enabled: true };
    $('r-id').value = r.id || ''; $('r-id').disabled = !!rule;
    $('r-description').value = r.description || '';
    $('r-metric').value = r.metric || '';
    $('r-scope-type').value = r.scope?.type || 'global';
    $('r-scope-value').value = r.scope?.value || '';
    $('r-direction').value = r.direction || 'above';
    const levels = $('r-levels');
    levels.querySelectorAll('.row').forEach(e => e.remove());
    for (const s of SEVERITIES) {
      const l = r.levels?.[s] || {};
      levels.insertAdjacentHTML('beforeend', `<span class="row"><span class="pill ${s}">${s}</span></span>`
        + `<input class="row" id="r-${s}-raise" type="number" step="any" value="${l.raise ?? ''}">`
        + `<input class="row" id="r-${s}-clear" type="number" step="any" value="${l.clear ?? ''}">`);
    }
    $('r-debounce-samples').value = r.debounceSamples ?? '';
    $('r-debounce-seconds').value = r.debounceSeconds ?? '';
    $('r-nodata').value = r.noDataSeconds ?? '';
    $('r-windows').value = r.activeWindows && r.activeWindows.length ? JSON.stringify(r.activeWindows) : '';
    $('r-enabled').checked = r.enabled !== false;
    $('bt-result').innerHTML = '<span class="muted">Run a preview to see what this rule would have raised and cleared, beside the rule as it is.</span>';
    $('editor-error').textContent = '';
    dialog.showModal();
  }

  const int = id => $(id).value === '' ? null : parseInt($(id).value, 10);

  /** The rule as the form says; throws with a message for the user when the form cannot be one. */
  function fromForm() {
    const levels = {};
    for (const s of SEVERITIES) {
      const raise = $(`r-${s}-raise`).value, clear = $(`r-${s}-clear`).value;
      if (raise !== '' || clear !== '') levels[s] = { raise: parseFloat(raise), clear: parseFloat(clear) };
    }
    let windows = null;
    if ($('r-windows').value.trim()) {
      try { windows = JSON.parse($('r-windows').value); } catch (e) { throw new Error('Active windows: not JSON (' + e.message + ')'); }
    }
    const type = $('r-scope-type').value;
    return { id: $('r-id').value.trim() || null, description: $('r-description').value || null, metric: $('r-metric').value.trim(),
      scope: type === 'global' ? { type } : { type, value: $('r-scope-value').value.trim() }, direction: $('r-direction').value,
      levels, debounceSamples: int('r-debounce-samples'), debounceSeconds: int('r-debounce-seconds'),
      noDataSeconds: int('r-nodata'), activeWindows: windows, enabled: $('r-enabled').checked };
  }

  const box = (title, r) => `<div class="box"><h3>${title}</h3>${r ? `<div class="nums">
      <span><b>${r.raised}</b>raised</span><span><b>${r.changed}</b>changed</span><span><b>${r.cleared}</b>cleared</span>
      <span><b>${num(r.samples, 0)}</b>samples</span><span><b>${r.series}</b>series</span></div>` : '<span class="muted">no rule with this id yet</span>'}</div>`;

  async function preview() {
    $('editor-error').textContent = '';
    try {
      const to = new Date(); const from = new Date(to - $('bt-hours').value * 3600e3);
      const answer = await api('/api/v1/thresholds/backtest', { method: 'POST', body: { rule: fromForm(),
        from: from.toISOString(), to: to.toISOString(), serviceId: $('bt-service').value.trim() || null } });
      $('bt-result').innerHTML = `<div class="compare" id="bt-compare">${box('Proposed', answer.proposed)}${box('Current', answer.current)}</div>`;
    } catch (e) { $('editor-error').textContent = e.body?.errors?.join('; ') || e.message; }
  }

  async function save() {
    $('editor-error').textContent = '';
    try {
      const rule = fromForm();
      if (!rule.id) throw new Error('The rule needs an id');
      await api('/api/v1/thresholds/' + encodeURIComponent(rule.id), { method: 'PUT', body: rule });
      dialog.close(); await load();
    } catch (e) { $('editor-error').textContent = e.body?.errors?.join('; ') || e.message; }
  }

  document.querySelector('#rule-table tbody').addEventListener('click', e => {
    const b = e.target.closest('button.edit');
    if (b) open(rules.find(r => r.id === b.dataset.id));
  });
  $('rule-new').onclick = () => open(null);
  $('bt-run').onclick = preview;
  $('editor-save').onclick = save;
  $('editor-cancel').onclick = () => dialog.close();
  // the dashboard script sets window.cemMe once it knows who is logged in
  const start = () => window.cemMe ? load() : setTimeout(start, 100);
  start();
})();
