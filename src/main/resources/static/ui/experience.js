// The customer experience index's distribution by segment, from the analytics endpoints (docs/experience.md).
export async function showDistribution() {
  const note = document.getElementById('cei-note');
  const table = document.getElementById('cei-table');
  note.textContent = 'not available on this hub yet';
  table.innerHTML = '<p class="muted">The customer experience index is computed by the analytics part of the hub; '
    + 'its distribution appears here once that part runs.</p>';
}
