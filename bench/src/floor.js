// The floor: plain JS with TanStack table-core (row models: core, filtered,
// sorted) and virtual-core (windowing), rendering a <table> as our grid does
// (sticky header, spacer rows, fixed 41 px rows, 12 rows of overscan).
import { createTable, getCoreRowModel, getFilteredRowModel, getSortedRowModel } from '@tanstack/table-core';
import { Virtualizer, elementScroll, observeElementOffset, observeElementRect } from '@tanstack/virtual-core';
import { COLUMNS, ROW_HEIGHT, countText, fmtDate, fmtNum, fold, haystack, loadRecords, markReady } from './common.js';

const scrollEl = document.getElementById('grid');
const input = document.getElementById('q');
const count = document.getElementById('count');
const tableEl = document.createElement('table');
tableEl.className = 'grid-table';
tableEl.setAttribute('aria-label', 'Consumption details');
const thead = tableEl.createTHead();
const tbody = tableEl.createTBody();
scrollEl.append(tableEl);

const columns = [
  ...COLUMNS.map((c) => ({
    id: c.id,
    header: c.header,
    accessorFn: c.get,
    sortingFn: c.kind === 'text' || c.kind === 'enum' ? 'text' : 'basic',
    sortUndefined: 'last',
    enableGlobalFilter: false,
    meta: c,
  })),
  // The search text, built on first use and cached by the row (row.getValue).
  { id: '_search', accessorFn: haystack, enableGlobalFilter: true, enableSorting: false },
];

function contains(row, columnId, words) {
  const h = row.getValue(columnId);
  for (const w of words) if (!h.includes(w)) return false;
  return true;
}
contains.resolveFilterValue = (q) => fold(q).split(/\s+/).filter(Boolean);

let state = {};
const table = createTable({
  data: [],
  columns,
  state,
  onStateChange: (u) => {
    state = typeof u === 'function' ? u(state) : u;
    table.setOptions((o) => ({ ...o, state }));
    update();
  },
  renderFallbackValue: null,
  globalFilterFn: contains,
  getColumnCanGlobalFilter: (c) => c.id === '_search',
  sortDescFirst: false,
  enableSortingRemoval: false,
  enableMultiSort: false,
  getCoreRowModel: getCoreRowModel(),
  getFilteredRowModel: getFilteredRowModel(),
  getSortedRowModel: getSortedRowModel(),
});

state = { ...table.initialState, sorting: [], globalFilter: '', columnVisibility: { _search: false } };
table.setOptions((o) => ({ ...o, state }));

const vopts = {
  count: 0,
  getScrollElement: () => scrollEl,
  estimateSize: () => ROW_HEIGHT,
  overscan: 12,
  scrollToFn: elementScroll,
  observeElementRect,
  observeElementOffset,
  onChange: () => renderBody(),
};
const virtualizer = new Virtualizer(vopts);

function renderHead() {
  const tr = document.createElement('tr');
  for (const h of table.getHeaderGroups()[0].headers) {
    const col = h.column;
    const th = document.createElement('th');
    th.scope = 'col';
    const s = col.getIsSorted();
    th.setAttribute('aria-sort', s === 'asc' ? 'ascending' : s === 'desc' ? 'descending' : 'none');
    if (col.columnDef.meta.kind === 'num') th.className = 'num';
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'sort-button';
    b.textContent = col.columnDef.header;
    b.onclick = col.getToggleSortingHandler();
    th.append(b);
    tr.append(th);
  }
  thead.replaceChildren(tr);
}

function spacer(h, n) {
  const tr = document.createElement('tr');
  tr.className = 'spacer';
  tr.setAttribute('aria-hidden', 'true');
  const td = document.createElement('td');
  td.colSpan = n;
  td.style.height = `${h}px`;
  tr.append(td);
  return tr;
}

function renderBody() {
  const rows = table.getRowModel().rows;
  const items = virtualizer.getVirtualItems();
  const cols = table.getVisibleLeafColumns();
  const frag = document.createDocumentFragment();
  const pad = virtualizer.options.paddingStart;
  if (items.length) {
    const top = items[0].start - pad;
    const bottom = virtualizer.getTotalSize() - items[items.length - 1].end;
    if (top > 0) frag.append(spacer(top, cols.length));
    for (const it of items) {
      const row = rows[it.index];
      const tr = document.createElement('tr');
      tr.setAttribute('aria-rowindex', String(it.index + 2));
      for (const col of cols) {
        const td = document.createElement('td');
        const kind = col.columnDef.meta.kind;
        const v = row.getValue(col.id);
        if (kind === 'num') {
          td.className = 'num';
          td.textContent = fmtNum(v);
        } else if (kind === 'date') td.textContent = fmtDate(v);
        else if (kind === 'enum' && v != null) {
          const span = document.createElement('span');
          span.className = 'badge';
          span.textContent = v;
          td.append(span);
        } else td.textContent = v ?? '';
        tr.append(td);
      }
      frag.append(tr);
    }
    if (bottom > 0) frag.append(spacer(bottom, cols.length));
  }
  tbody.replaceChildren(frag);
}

// State changed (data, filter, sort): new row model → window → DOM.
function update() {
  const rows = table.getRowModel().rows;
  count.textContent = countText(rows.length, table.getCoreRowModel().rows.length, state.globalFilter.trim() !== '');
  virtualizer.setOptions({ ...vopts, count: rows.length, paddingStart: headerHeight });
  virtualizer._willUpdate();
  if (state.sorting !== drawnSorting) {
    drawnSorting = state.sorting;
    renderHead();
  }
  renderBody();
  document.documentElement.dataset.q = state.globalFilter; // the query now shown
}

input.addEventListener('input', () => table.setGlobalFilter(input.value));
virtualizer._didMount();
renderHead();
let drawnSorting = state.sorting;
const headerHeight = thead.offsetHeight;

const data = await loadRecords();
table.setOptions((o) => ({ ...o, data }));
update();
markReady();
