// The customer experience index's distribution by segment and band (GET /api/v1/experience/distribution,
// docs/experience.md): a stacked bar chart of customers per band and a table with each band's average score.
const BANDS = [['bad', '#c62828'], ['average', '#f0a500'], ['ideal', '#1e8e3e']];

export async function showDistribution() {
  const { esc, num } = Cem;
  const note = document.getElementById('cei-note');
  const table = document.getElementById('cei-table');
  const distribution = await Cem.optional('/api/v1/experience/distribution');
  const segments = Object.keys(distribution || {}).sort();
  if (!segments.length) {
    note.textContent = 'no index computed yet';
    table.innerHTML = '<p class="muted">The index is recomputed every minute; customers appear here after the first pass.</p>';
    return;
  }
  const cell = (segment, band) => (distribution[segment] || {})[band] || { customers: 0, averageScore: null };
  let total = 0;
  segments.forEach(s => BANDS.forEach(([b]) => { total += cell(s, b).customers; }));
  note.textContent = `${total} customers · bands: bad, average, ideal`;
  table.innerHTML = `<table class="data" id="cei-distribution"><thead><tr><th>Segment</th>
      ${BANDS.map(([b]) => `<th class="num">${b}</th>`).join('')}<th class="num">Customers</th></tr></thead><tbody>
      ${segments.map(s => {
        const n = BANDS.reduce((sum, [b]) => sum + cell(s, b).customers, 0);
        return `<tr data-segment="${esc(s)}"><td>${esc(s)}</td>${BANDS.map(([b]) => {
          const c = cell(s, b);
          return `<td class="num" title="average score ${num(c.averageScore, 1)}">${c.customers
            ? `${num(c.customers, 0)} <span class="hint">(${num(c.averageScore, 1)})</span>` : '–'}</td>`;
        }).join('')}<td class="num">${num(n, 0)}</td></tr>`;
      }).join('')}</tbody></table>
    <p class="hint">Customers per band; in brackets the band's average index (0–100).</p>`;
  document.getElementById('cei-chart-box').classList.remove('hidden');
  new Chart(document.getElementById('cei-chart'), {
    type: 'bar',
    data: { labels: segments, datasets: BANDS.map(([b, color]) => ({ label: b, backgroundColor: color, maxBarThickness: 90,
      data: segments.map(s => cell(s, b).customers) })) },
    options: { responsive: true, maintainAspectRatio: false, animation: false,
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
      scales: { x: { stacked: true, grid: { display: false } }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }
  });
}
