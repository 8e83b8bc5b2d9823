// The operators' dashboard: active alarms live (SSE) with ack, events/s, adapters, KPI trends, CEI by segment.
(async () => {
  const { api, optional, esc, time, since, num, customerOf, problemOf, observedOf } = Cem;
  const SEVERITY_ORDER = { critical: 0, major: 1, minor: 2, warning: 3, indeterminate: 4 };
  const me = await Cem.header();
  const mayAck = me.roles.includes('ADMIN') || me.roles.includes('OPERATOR');
  window.cemMe = me;

  // ---- active alarms: the list over REST, then every change from the stream ----
  const alarms = new Map();
  const fresh = new Set();
  const tbody = document.querySelector('#alarm-table tbody');

  function renderAlarms() {
    const rows = [...alarms.values()].sort((a, b) => (SEVERITY_ORDER[a.perceivedSeverity] ?? 9) - (SEVERITY_ORDER[b.perceivedSeverity] ?? 9)
      || new Date(b.alarmRaisedTime) - new Date(a.alarmRaisedTime));
    document.getElementById('alarm-count').textContent = rows.length + ' active';
    if (!rows.length) { tbody.innerHTML = '<tr><td colspan="8" class="empty">No active alarms</td></tr>'; return; }
    tbody.innerHTML = rows.map(a => {
      const customer = customerOf(a);
      const acked = a.ackState === 'acknowledged';
      return `<tr data-alarm="${esc(a.id)}" class="${fresh.has(a.id) ? 'fresh' : ''}">
        <td><span class="pill ${esc(a.perceivedSeverity)}">${esc(a.perceivedSeverity)}</span>${a.flapping ? ' <span class="pill light">flapping</span>' : ''}${a.troubleTicket ? ` <span class="pill light" title="CRM trouble ticket">${esc(a.troubleTicket.id)}</span>` : ''}</td>
        <td class="nowrap">${esc(a.alarmedObject)}</td>
        <td>${customer ? esc(customer.name || customer.id) : '<span class="muted">–</span>'}</td>
        <td>${esc(problemOf(a))}</td>
        <td class="num">${esc(observedOf(a))}</td>
        <td class="nowrap" title="${esc(time(a.alarmRaisedTime))}">${esc(since(a.alarmRaisedTime))} ago</td>
        <td>${acked ? `<span class="pill ok" title="${esc(a.ackUserId || '')}">acked</span>` : '<span class="pill light">open</span>'}</td>
        <td>${mayAck && !acked ? `<button class="small ack" data-id="${esc(a.id)}">Ack</button>` : ''}</td></tr>`;
    }).join('');
    fresh.clear();
  }

  tbody.addEventListener('click', async e => {
    const button = e.target.closest('button.ack');
    if (!button) return;
    button.disabled = true;
    try {
      const alarm = await api('/tmf-api/alarmManagement/v4/alarm/' + encodeURIComponent(button.dataset.id),
        { method: 'PATCH', body: { ackState: 'acknowledged' } });
      alarms.set(alarm.id, alarm); renderAlarms();
    } catch (err) { button.disabled = false; alert('Ack failed: ' + err.message); }
  });

  async function loadAlarms() {
    const [raised, updated] = await Promise.all(['raised', 'updated'].map(s => api('/tmf-api/alarmManagement/v4/alarm?state=' + s + '&limit=500')));
    alarms.clear();
    [...raised, ...updated].forEach(a => alarms.set(a.id, a));
    renderAlarms();
  }

  const live = document.getElementById('live');
  let summaryTimer = null;
  Cem.alarmStream('/api/v1/stream/alarms', envelope => {
    const a = envelope.event.alarm;
    if (a.state === 'cleared') alarms.delete(a.id); else { alarms.set(a.id, a); fresh.add(a.id); }
    renderAlarms();
    clearTimeout(summaryTimer); summaryTimer = setTimeout(() => loadSummary().catch(() => {}), 500); // the tiles follow
  }, on => {
    live.className = 'live' + (on ? ' on' : ''); live.textContent = on ? 'live' : 'reconnecting';
    if (on) loadAlarms(); // after a reconnect, the list catches up with what the stream missed
  });

  // ---- summary: tiles, events/s, adapters ----
  const rateChart = Cem.timeChart(document.getElementById('rate-chart'), [{ label: 'events/s', data: [], borderColor: Cem.palette[0],
    backgroundColor: 'rgba(31,79,209,.12)', fill: true }], { plugins: { legend: { display: false } }, scales: {
      x: { type: 'linear', ticks: { callback: v => new Date(v).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }), maxTicksLimit: 6 }, grid: { display: false } },
      y: { beginAtZero: true, grid: { color: '#eef1f5' } } } });

  async function loadSummary() {
    const s = await api('/api/v1/dashboard/summary');
    for (const sev of ['critical', 'major', 'minor', 'warning']) document.getElementById('t-' + sev).textContent = s.activeAlarms[sev] ?? 0;
    document.getElementById('t-unack').textContent = s.unacknowledged;
    document.getElementById('t-rate').textContent = num(s.eventsPerSecond, 1);
    rateChart.data.datasets[0].data = s.eventRate.map(p => ({ x: new Date(p.at).getTime(), y: p.perSecond }));
    rateChart.update();
    document.querySelector('#adapter-table tbody').innerHTML = s.adapters.map(a => `<tr>
      <td title="${esc(a.id)}">${esc(a.title)}</td>
      <td><span class="pill ${esc(a.health.toLowerCase())}" title="routes: ${esc(a.status)}">${esc(a.health)}</span></td>
      <td class="num">${num(a.received, 0)}</td><td class="num">${num(a.mapped, 0)}</td><td class="num">${num(a.quarantined, 0)}</td></tr>`).join('')
      || '<tr><td colspan="5" class="empty">No adapters loaded</td></tr>';
  }
  setInterval(() => loadSummary().catch(() => {}), 5000);

  // ---- KPI trends ----
  const pick = { customer: document.getElementById('trend-customer'), service: document.getElementById('trend-service'),
    metric: document.getElementById('trend-metric'), range: document.getElementById('trend-range') };
  const trendChart = Cem.timeChart(document.getElementById('trend-chart'), []);
  let overview = null;

  async function loadCustomers() {
    const customers = await api('/api/v1/customers?limit=1000');
    pick.customer.innerHTML = customers.map(c => `<option value="${esc(c.id)}">${esc(c.name || c.id)} (${esc(c.id)})</option>`).join('');
    if (customers.length) await customerChanged();
  }

  async function customerChanged() {
    overview = await api('/api/v1/customers/' + encodeURIComponent(pick.customer.value) + '/overview?interactions=1');
    pick.service.innerHTML = '<option value="">every service</option>' + overview.services
      .map(s => `<option value="${esc(s.service.id)}">${esc(s.service.id)} · ${esc(s.service.serviceType || '')}</option>`).join('');
    metricsChanged();
    await drawTrend();
  }

  function metricsChanged() {
    const services = overview.services.filter(s => !pick.service.value || s.service.id === pick.service.value);
    const metrics = [...new Set(services.flatMap(s => s.latestKpis.map(k => k.metric)))].sort();
    const keep = metrics.includes(pick.metric.value) ? pick.metric.value : Cem.preferredMetric(metrics);
    pick.metric.innerHTML = metrics.map(m => `<option ${m === keep ? 'selected' : ''}>${esc(m)}</option>`).join('');
  }

  async function drawTrend() {
    const metric = pick.metric.value;
    const to = new Date(); const from = new Date(to - pick.range.value * 3600e3);
    const services = overview.services.filter(s => (!pick.service.value || s.service.id === pick.service.value)
      && s.latestKpis.some(k => k.metric === metric));
    const note = document.getElementById('trend-note');
    if (!metric || !services.length) { trendChart.data.datasets = []; trendChart.update(); note.textContent = 'No KPI measured for this selection yet.'; return; }
    const all = await Promise.all(services.map(s => Cem.kpiHistory('/api/v1/dashboard/kpi-series', s.service.id, metric, from, to)));
    const unit = services[0].latestKpis.find(k => k.metric === metric)?.unit || '';
    const datasets = [];
    all.forEach((series, i) => {
      const color = Cem.palette[i % Cem.palette.length];
      const points = series.points.map(p => ({ x: new Date(p.at).getTime(), y: p.avg }));
      datasets.push({ label: series.serviceId + ' avg', data: points, borderColor: color, backgroundColor: color });
      if (all.length === 1) {
        datasets.push({ label: 'max', data: series.points.map(p => ({ x: new Date(p.at).getTime(), y: p.max })),
          borderColor: 'transparent', backgroundColor: 'rgba(31,79,209,.12)', fill: '+1', pointRadius: 0 });
        datasets.push({ label: 'min', data: series.points.map(p => ({ x: new Date(p.at).getTime(), y: p.min })),
          borderColor: 'transparent', backgroundColor: 'rgba(31,79,209,.12)', fill: false, pointRadius: 0 });
      }
    });
    trendChart.data.datasets = datasets;
    trendChart.options.scales.y.title = { display: !!unit, text: unit };
    Cem.showRange(trendChart, from, to);
    const samples = all.reduce((n, s) => n + s.points.reduce((m, p) => m + p.count, 0), 0);
    note.textContent = `${num(samples, 0)} measurements; ${all[0].note}`;
  }

  pick.customer.onchange = () => customerChanged();
  pick.service.onchange = () => { metricsChanged(); drawTrend(); };
  pick.metric.onchange = drawTrend;
  pick.range.onchange = drawTrend;
  setInterval(() => { if (overview) drawTrend().catch(() => {}); }, 30000);

  // ---- customer experience index by segment (docs/experience.md) ----
  await import('/ui/experience.js').then(m => m.showDistribution()).catch(() => {});

  await Promise.all([loadSummary(), loadCustomers()]);
  document.body.dataset.ready = 'true';
})();
