// CEM Hub: what the dashboard and the portal share. Plain ES2020, no build step (docs/dashboard.md).
const Cem = (() => {
  // A failure the page cannot handle shows as a banner (and in data-error, which the browser tests read).
  function fail(message) {
    document.body.dataset.error = message;
    let banner = document.getElementById('cem-error');
    if (!banner) {
      banner = document.createElement('div');
      banner.id = 'cem-error'; banner.className = 'banner';
      document.querySelector('main')?.prepend(banner);
    }
    banner.textContent = 'Something went wrong: ' + message;
  }
  window.addEventListener('error', e => fail(e.message));
  window.addEventListener('unhandledrejection', e => fail(e.reason && e.reason.message ? e.reason.message : String(e.reason)));

  const cookie = name => document.cookie.split('; ').find(c => c.startsWith(name + '='))?.split('=')[1];

  /** fetch() with the session cookie, the CSRF header on writes, JSON both ways; throws on HTTP errors. */
  async function api(path, options = {}) {
    const headers = Object.assign({ 'Accept': 'application/json' }, options.headers || {});
    const method = (options.method || 'GET').toUpperCase();
    if (method !== 'GET') {
      const token = cookie('XSRF-TOKEN');
      if (token) headers['X-XSRF-TOKEN'] = decodeURIComponent(token);
      if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(path, { method, headers, credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    if (response.status === 401) { location.href = '/login'; throw new Error('not logged in'); }
    const text = await response.text();
    const body = text ? (response.headers.get('Content-Type') || '').includes('json') ? JSON.parse(text) : text : null;
    if (!response.ok) {
      const error = new Error(body && body.detail ? body.detail : response.status + ' ' + response.statusText);
      error.status = response.status; error.body = body; throw error;
    }
    return body;
  }

  /** Like api(), but null (not an exception) for 404 and 403: for endpoints another part of the hub may not have yet. */
  async function optional(path) {
    try { return await api(path); } catch (e) { if (e.status === 404 || e.status === 403) return null; throw e; }
  }

  const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const time = iso => iso ? new Date(iso).toLocaleString([], { month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }) : '';
  const shortTime = ms => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const num = (v, digits = 2) => v == null || isNaN(v) ? '–' : Number(v).toLocaleString([], { maximumFractionDigits: digits });
  const since = iso => {
    if (!iso) return '';
    const s = Math.max(0, (Date.now() - new Date(iso).getTime()) / 1000);
    return s < 90 ? Math.round(s) + ' s' : s < 5400 ? Math.round(s / 60) + ' min' : s < 172800 ? Math.round(s / 3600) + ' h' : Math.round(s / 86400) + ' d';
  };
  const customerOf = alarm => (alarm.relatedParty || []).find(p => (p.role || '').toLowerCase() === 'customer');
  const problemOf = alarm => alarm.specificProblem || alarm.crossedThresholdInformation?.indicatorName
    || alarm.probableCause || alarm.alarmType || '';
  const observedOf = alarm => alarm.crossedThresholdInformation?.observedValue ?? '';

  /** Live alarm events (server-sent events); onAlarm gets each envelope, onState true/false as the stream opens/drops. */
  function alarmStream(path, onAlarm, onState) {
    const source = new EventSource(path);
    source.addEventListener('ready', () => onState(true));
    source.addEventListener('alarm', e => onAlarm(JSON.parse(e.data)));
    source.onerror = () => onState(false); // EventSource connects again by itself
    return source;
  }

  async function logout() {
    try { await api('/logout', { method: 'POST' }); } catch (e) { /* the redirect answer is fine */ }
    location.href = '/login?logout';
  }

  /** Fills the header: the user, the role, logout. */
  async function header() {
    const me = await api('/api/v1/me');
    const who = document.getElementById('who');
    if (who) {
      who.innerHTML = `<span>${esc(me.user)} · ${esc(me.roles.join(', ').toLowerCase())}</span>`
        + '<button class="link" id="logout">Log out</button>';
      document.getElementById('logout').onclick = logout;
    }
    return me;
  }

  const palette = ['#1f4fd1', '#e8590c', '#1e8e3e', '#9c36b5', '#0c8599', '#c62828', '#f0a500', '#5c7cfa', '#868e96'];

  /** A Chart.js line chart over time (x: epoch ms, linear axis; no date adapter needed). */
  function timeChart(canvas, datasets, options = {}) {
    return new Chart(canvas, {
      type: 'line',
      data: { datasets },
      options: Object.assign({
        responsive: true, maintainAspectRatio: false, animation: false, parsing: false, normalized: true,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 12, usePointStyle: true } },
          tooltip: { callbacks: { title: items => items.length ? new Date(items[0].parsed.x).toLocaleString() : '' } } },
        scales: { x: { type: 'linear', ticks: { callback: v => shortTime(v), maxTicksLimit: 8 }, grid: { display: false } },
          y: { beginAtZero: false, grid: { color: '#eef1f5' } } },
        elements: { point: { radius: 0, hoverRadius: 4 }, line: { tension: .25, borderWidth: 2 } }
      }, options)
    });
  }

  /** Shows [from, to] on the x axis whatever the data, and dots where the series are too sparse for a line. */
  function showRange(chart, from, to) {
    chart.options.scales.x.min = from.getTime();
    chart.options.scales.x.max = to.getTime();
    for (const d of chart.data.datasets) {
      d.pointRadius = d.borderColor !== 'transparent' && d.data.length < 30 ? 3 : 0;
    }
    chart.update();
  }

  /**
   * A KPI's history for a chart, {serviceId, points: [{at, min, avg, max, count}], note}: up to 6 hours from the raw
   * measurements (rawPath: the dashboard's or the customer's kpi-series), longer ranges from the analytics rollups
   * (GET /api/v1/services/{id}/kpis, hourly; daily beyond two weeks).
   */
  async function kpiHistory(rawPath, serviceId, metric, from, to) {
    const q = `metric=${encodeURIComponent(metric)}&from=${from.toISOString()}&to=${to.toISOString()}`;
    const hours = (to - from) / 3600e3;
    if (hours <= 6) {
      const s = await api(`${rawPath}?serviceId=${encodeURIComponent(serviceId)}&${q}&buckets=90`);
      return { serviceId, points: s.points, note: `${s.bucketSeconds} s buckets of the raw measurements` };
    }
    const granularity = hours > 24 * 14 ? 'day' : 'hour';
    const r = await api(`/api/v1/services/${encodeURIComponent(serviceId)}/kpis?${q}&granularity=${granularity}`);
    const series = (r.series || []).find(x => x.metric === metric);
    return { serviceId, points: (series ? series.points : []).map(p => ({ at: p.start, min: p.min, avg: p.avg, max: p.max,
      count: p.count, p95: p.p95 })), note: `${granularity}ly rollups` };
  }

  /** The KPI a chart starts with: a well-known one when the service has it, else the first. */
  const preferredMetric = metrics => ['vpn.rtt.avg', 'speedtest.download.mbps', 'voice.call.success.ratio', 'net.if.util.in']
    .find(m => metrics.includes(m)) || metrics[0];

  return { kpiHistory, showRange, preferredMetric, api, optional, esc, time, since, num, customerOf, problemOf, observedOf, alarmStream, header, palette, timeChart, logout };
})();
