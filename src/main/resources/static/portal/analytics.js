// The customer's experience index, SLA compliance and reports, from the analytics endpoints (docs/experience.md).
// Until that part of the hub runs, the tiles say so instead of failing.
export async function show(me, own) {
  document.getElementById('t-cei-band').textContent = 'not available yet';
  document.getElementById('t-sla-note').textContent = 'not available yet';
  document.getElementById('report-note').textContent = '';
  document.getElementById('report-list').innerHTML = '<p class="muted">Reports appear here once the hub produces them.</p>';
}
