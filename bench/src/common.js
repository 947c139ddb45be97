// Shared by the AG Grid page and the TanStack floor: the data, the columns
// of a supportRequest as our grid shows them (same headers, same words for
// the enums, same Intl formats), the search text, and the count line.
export const API = '/api/v1/entitlements/bench-100k/activity';
export const ROW_HEIGHT = 41;

const LABELS = { critical: 'Critical', a: 'A', b: 'B', c: 'C', open: 'Open', closed: 'Closed' };
export const label = (w) => (w == null ? undefined : LABELS[w] || 'Unknown');

const numFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const dateFmt = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });
export const fmtNum = (n) => (n == null ? '' : numFmt.format(n));
// An instant (as our page: the browser's time zone), or a plain date (UTC).
export const fmtDate = (s) => {
  if (!s) return '';
  const ms = Date.parse(s.length === 10 ? s + 'T00:00:00Z' : s);
  return Number.isNaN(ms) ? s : s.length === 10 ? dateFmtUtc.format(ms) : dateFmt.format(ms);
};
const dateFmtUtc = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

// kind: text (searched), enum (searched as its words), date (not searched),
// num (searched as written), as our grid's Filter rows does.
export const COLUMNS = [
  { id: 'caseNumber', header: 'Case number', kind: 'text', get: (r) => r.caseNumber },
  { id: 'title', header: 'Title', kind: 'text', get: (r) => r.title },
  { id: 'severity', header: 'Severity', kind: 'enum', get: (r) => label(r.severity) },
  { id: 'status', header: 'Status', kind: 'enum', get: (r) => label(r.status) },
  { id: 'createdAt', header: 'Created', kind: 'date', get: (r) => r.createdAt },
  { id: 'closedAt', header: 'Closed', kind: 'date', get: (r) => r.closedAt },
  { id: 'primaryContact', header: 'Primary contact', kind: 'text', get: (r) => r.primaryContact },
  { id: 'product', header: 'Product', kind: 'text', get: (r) => r.product },
  { id: 'quantity', header: 'Hours', kind: 'num', get: (r) => r.quantity },
];

// Lower case without accents, as our `fold`.
export const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

// The text Filter rows searches in a row.
export function haystack(r) {
  let h = '';
  for (const c of COLUMNS) {
    if (c.kind === 'date') continue;
    const v = c.get(r);
    if (v == null) continue;
    h += String(v) + '\u001f';
  }
  return fold(h);
}

export async function loadRecords() {
  const res = await fetch(API, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${API}: ${res.status}`);
  const doc = await res.json();
  return doc.records.filter((r) => r.type === 'supportRequest');
}

const intFmt = new Intl.NumberFormat('en-US');
export function countText(shown, total, filtered) {
  return filtered
    ? `${intFmt.format(shown)} of ${intFmt.format(total)} records match`
    : `${intFmt.format(total)} records`;
}

// Marks the document once rows are on screen (after the frame that paints
// them), for a harness that waits for [data-ready].
export function markReady() {
  requestAnimationFrame(() => setTimeout(() => (document.documentElement.dataset.ready = '1'), 0));
}
