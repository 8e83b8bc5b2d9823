// The customers' self-service portal: only the logged-in customer's own data (the server enforces it).
(async () => {
  const { api, optional, esc, time, since, num, problemOf } = Cem;
  const $ = id => document.getElementById(id);
  const me = await Cem.header();
  if (!me.customerId) {
    document.querySelector('main').innerHTML = '<section class="card"><h2>No customer</h2><p>This login belongs to no customer. '
      + 'The portal shows a customer its own services; staff use the <a href="/ui/">dashboard</a>.</p></section>';
    return;
  }
  const own = '/api/v1/customers/' + encodeURIComponent(me.customerId);
  const overview = await api(own + '/overview?interactions=5');
  $('customer-name').textContent = (overview.customer.name || overview.customer.id)
    + (overview.customer.segment ? ' · ' + overview.customer.segment : '');
  $('t-services').textContent = overview.services.length;

  // ---- services and their current KPIs ----
  $('service-list').innerHTML = overview.services.map(s => `<div class="card" style="box-shadow:none">
      <h2>${esc(s.service.id)} <span class="pill light">${esc(s.service.serviceType || '')}</span></h2>
      <table class="data"><thead><tr><th>KPI</th><th class="num">Value</th><th>Measured</th></tr></thead><tbody>
      ${s.latestKpis.map(k => `<tr><td>${esc(k.metric)}</td><td class="num">${num(k.value)} ${esc(k.unit || '')}</td>
        <td title="${esc(time(k.observedAt))}">${esc(since(k.observedAt))} ago</td></tr>`).join('')
        || '<tr><td colspan="3" class="empty">Nothing measured yet</td></tr>'}
      </tbody></table></div>`).join('') || '<p class="muted">No services.</p>';

  // ---- history ----
  const chart = Cem.timeChart($('history-chart'), []);
  // start with a service that has the most KPIs (the richest chart)
  const byKpis = [...overview.services].sort((a, b) => b.latestKpis.length - a.latestKpis.length);
  $('h-service').innerHTML = byKpis.map(s => `<option>${esc(s.service.id)}</option>`).join('');
  function metrics() {
    const s = overview.services.find(x => x.service.id === $('h-service').value);
    const metrics = (s ? s.latestKpis : []).map(k => k.metric);
    const first = Cem.preferredMetric(metrics);
    $('h-metric').innerHTML = metrics.map(m => `<option ${m === first ? 'selected' : ''}>${esc(m)}</option>`).join('');
  }
  async function draw() {
    const serviceId = $('h-service').value, metric = $('h-metric').value;
    if (!serviceId || !metric) { chart.data.datasets = []; chart.update(); return; }
    const to = new Date(), from = new Date(to - $('h-range').value * 3600e3);
    const series = await Cem.kpiHistory(own + '/kpi-series', serviceId, metric, from, to);
    const at = p => new Date(p.at).getTime();
    chart.data.datasets = [
      { label: metric + ' (average)', data: series.points.map(p => ({ x: at(p), y: p.avg })), borderColor: Cem.palette[0], backgroundColor: Cem.palette[0] },
      { label: 'highest', data: series.points.map(p => ({ x: at(p), y: p.max })), borderColor: 'transparent', backgroundColor: 'rgba(31,79,209,.12)', fill: '+1' },
      { label: 'lowest', data: series.points.map(p => ({ x: at(p), y: p.min })), borderColor: 'transparent', backgroundColor: 'rgba(31,79,209,.12)', fill: false }];
    Cem.showRange(chart, from, to);
  }
  $('h-service').onchange = () => { metrics(); draw(); };
  $('h-metric').onchange = draw;
  $('h-range').onchange = draw;
  metrics();
  await draw();

  // ---- alarms, live ----
  const alarms = new Map();
  function renderAlarms() {
    const rows = [...alarms.values()].sort((a, b) => new Date(b.alarmRaisedTime) - new Date(a.alarmRaisedTime));
    $('t-alarms').textContent = rows.filter(a => a.state !== 'cleared').length;
    $('alarm-table').querySelector('tbody').innerHTML = rows.slice(0, 50).map(a => `<tr data-alarm="${esc(a.id)}">
      <td><span class="pill ${esc(a.perceivedSeverity)}">${esc(a.perceivedSeverity)}</span>${a.troubleTicket ? ` <span class="pill light" title="trouble ticket">${esc(a.troubleTicket.id)}</span>` : ''}</td><td>${esc(a.alarmedObject)}</td>
      <td>${esc(problemOf(a))}</td>
      <td>${a.state === 'cleared' ? '<span class="pill ok">cleared</span>' : a.ackState === 'acknowledged'
        ? '<span class="pill light">being handled</span>' : '<span class="pill light">open</span>'}</td>
      <td title="${esc(time(a.alarmRaisedTime))}">${esc(since(a.alarmRaisedTime))} ago</td></tr>`).join('')
      || '<tr><td colspan="5" class="empty">No alarms on my services</td></tr>';
  }
  async function loadAlarms() {
    (await api(own + '/alarms?limit=100')).forEach(a => alarms.set(a.id, a));
    renderAlarms();
  }
  Cem.alarmStream(own + '/alarms/stream', envelope => { const a = envelope.event.alarm; alarms.set(a.id, a); renderAlarms(); },
    on => { $('live').className = 'live' + (on ? ' on' : ''); $('live').textContent = on ? 'live' : 'reconnecting'; if (on) loadAlarms(); });

  // ---- experience index, SLA and reports (docs/experience.md) ----
  await import('/portal/analytics.js').then(m => m.show(me, own)).catch(e => console.warn(e));

  // ---- webhook subscriptions: the hub narrows them to this customer's events ----
  async function loadHooks() {
    const hooks = await api('/tmf-api/eventManagement/v4/hub');
    $('hook-table').querySelector('tbody').innerHTML = hooks.map(h => `<tr><td>${esc(h.id)}</td><td>${esc(h.callback)}</td>
      <td><code>${esc(h.query)}</code></td><td><button class="small hook-del" data-id="${esc(h.id)}">Remove</button></td></tr>`).join('')
      || '<tr><td colspan="4" class="empty">No webhook registered</td></tr>';
  }
  $('hook-add').onclick = async () => {
    $('hook-error').textContent = ''; $('hook-secret').innerHTML = '';
    try {
      const created = await api('/tmf-api/eventManagement/v4/hub', { method: 'POST',
        body: { callback: $('hook-url').value.trim(), query: $('hook-domain').value || null } });
      $('hook-secret').innerHTML = `<p>Registered <b>${esc(created.id)}</b>. Signing secret (shown once, keep it):
        <code>${esc(created.secret || '')}</code></p>`;
      $('hook-url').value = '';
      await loadHooks();
    } catch (e) { $('hook-error').textContent = e.message; }
  };
  $('hook-table').addEventListener('click', async e => {
    const b = e.target.closest('button.hook-del');
    if (!b) return;
    try { await api('/tmf-api/eventManagement/v4/hub/' + encodeURIComponent(b.dataset.id), { method: 'DELETE' }); await loadHooks(); }
    catch (err) { $('hook-error').textContent = err.message; }
  });
  await loadHooks();
  document.body.dataset.ready = 'true';
})();
