// The customer's experience index, SLA compliance and reports (docs/experience.md): the tiles read
// GET /api/v1/customers/{id}/experience and /sla, the report list GET /api/v1/reports (the hub narrows it to
// this customer's reports) with links to each report's CSV and HTML.
export async function show(me, own) {
  const { esc, num } = Cem;
  const $ = id => document.getElementById(id);
  const BAND_TILE = { bad: 'critical', average: 'warning', ideal: 'ok' };

  const [experience, sla, reports] = await Promise.all([Cem.optional(own + '/experience?days=30'),
    Cem.optional(own + '/sla'), Cem.optional('/api/v1/reports?limit=30')]);

  const current = experience && experience.current;
  if (current) {
    $('t-cei').textContent = num(current.score, 1);
    const trend = experience.trend || [];
    const first = trend.length > 1 ? trend[0].score : null;
    $('t-cei-band').textContent = current.band + ' since ' + Cem.since(current.bandSince) + (first == null ? ''
      : ` · 30 days ago ${num(first, 1)}`);
    $('tile-cei').className = 'tile ' + (BAND_TILE[current.band] || 'ok');
  } else {
    $('t-cei-band').textContent = 'not computed yet';
  }

  if (sla) {
    const measured = sla.services.filter(s => s.compliancePct != null).length;
    $('t-sla').textContent = sla.compliancePct == null ? '–' : num(sla.compliancePct, 1) + ' %';
    $('t-sla-note').textContent = sla.compliancePct == null ? 'nothing contracted measured yet'
      : `last 30 days · ${measured} of ${sla.services.length} services`;
    $('tile-sla').className = 'tile ' + (sla.compliancePct == null || sla.compliancePct >= 99 ? 'ok'
      : sla.compliancePct >= 90 ? 'warning' : 'critical');
  } else {
    $('t-sla-note').textContent = 'not available';
  }

  const list = reports || [];
  $('report-note').textContent = list.length ? `${list.length} latest · daily, weekly, monthly` : '';
  const day = iso => iso.slice(0, 10);
  $('report-list').innerHTML = list.length ? `<table class="data" id="report-table"><thead><tr><th>Period</th>
      <th>Covers</th><th class="num">SLA</th><th class="num">Alarms</th><th class="num">Tickets</th><th>Download</th></tr></thead><tbody>
      ${list.map(r => `<tr data-report="${esc(r.id)}"><td>${esc(r.period)} ${esc(day(r.from))}${r.complete ? ''
        : ' <span class="pill light">so far</span>'}</td>
        <td>${r.scope === 'service' ? esc(r.subjectId) : 'all services'}</td>
        <td class="num">${r.summary.compliancePct == null ? '–' : num(r.summary.compliancePct, 1) + ' %'}</td>
        <td class="num" title="${num(r.summary.alarmMinutes, 0)} alarm minutes">${num(r.summary.alarms, 0)}</td>
        <td class="num">${num(r.summary.tickets, 0)}</td>
        <td><a href="${esc(r.links.html)}" target="_blank" rel="noopener">HTML</a> ·
          <a href="${esc(r.links.csv)}" download>CSV</a></td></tr>`).join('')}</tbody></table>`
    : '<p class="muted">No reports yet: the hub makes one every day (and week, and month) just after it ends.</p>';
}
