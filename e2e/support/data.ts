import type { APIRequestContext, Page } from '@playwright/test';

// The API's shapes (contract/openapi.yaml), as far as the tests read them.
export type Workspace = { id: string; name: string };
export type Me = { id: string; displayName: string; roles: string[]; workspaces: Workspace[]; currentWorkspaceId: string };
export type Contract = { id: string; number: string; name: string; startDate: string; endDate: string; workspaceIds: string[] };
export type Entitlement = {
  id: string;
  contractId: string;
  packageId?: string | null;
  service: string;
  name: string;
  description?: string;
  kind: 'consumptionService' | 'additionalBenefit';
  unit: string;
  purchased: number | null;
  consumed: number;
  deliveredHours?: number | null;
  action?: { label: string; url: string } | null;
};
export type Package = { id: string; contractId: string; name: string; number?: string; status: string; startDate: string; endDate: string };
export type CustomerActivity = {
  generatedAt: string;
  workspaces: Workspace[];
  contracts: Contract[];
  entitlements: Entitlement[];
  packages: Package[];
};
export type ActivityRecord = { type: string; id: string; quantity: number; [k: string]: unknown };
export type EntitlementActivity = { entitlementId: string; records: ActivityRecord[] };
export type AdditionalCase = {
  caseNumber: string;
  title: string;
  service: 'advisorySupport' | 'reactiveSupport';
  reason: string;
  classification?: string | null;
  workspaceId?: string | null;
  createdAt: string;
  status?: string;
  hours?: number | null;
};

/** Every persona of the demo backend. */
export const PERSONAS = [
  'customer-admin',
  'workspace-admin',
  'activity-user',
  'learning-manager',
  'support-contact',
  'view-all',
  'no-access',
  'signed-out',
] as const;

/** GET an API path as a persona (header `x-demo-persona`), parsed. */
export async function apiGet<T>(request: APIRequestContext, path: string, persona: string): Promise<T> {
  const res = await request.get(`/api/v1${path}`, { headers: { 'x-demo-persona': persona } });
  if (!res.ok()) throw new Error(`GET ${path} as ${persona}: ${res.status()}`);
  return (await res.json()) as T;
}

export type Data = { me: Me; doc: CustomerActivity };

/** `/me` and `/customer-activity` of a persona. */
export async function loadData(request: APIRequestContext, persona: string): Promise<Data> {
  const [me, doc] = await Promise.all([
    apiGet<Me>(request, '/me', persona),
    apiGet<CustomerActivity>(request, '/customer-activity', persona),
  ]);
  return { me, doc };
}

/** Today as YYYY-MM-DD in the time zone the browser runs in (the page's "today"). */
export function todayIn(timeZone = 'Europe/Rome'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** Today as the page sees it (browser clock and time zone). */
export async function browserToday(page: Page): Promise<string> {
  return page.evaluate(() => {
    const d = new Date();
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  });
}

/** Whole days from `from` to `to` (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The workspace ids a `workspace=` selection stands for. */
export function selectedWorkspaces(me: Me, sel: string): string[] {
  if (sel === 'all' && me.workspaces.length > 1) return me.workspaces.map((w) => w.id);
  if (me.workspaces.some((w) => w.id === sel)) return [sel];
  return [me.currentWorkspaceId];
}

/** Active on every day from startDate to endDate, both inclusive. */
export function isActive(c: Contract, today: string): boolean {
  return c.startDate <= today && today <= c.endDate;
}

/** The contracts mapped to any selected workspace, each once, in API order. */
export function contractsInView(doc: CustomerActivity, ws: string[]): Contract[] {
  const seen = new Set<string>();
  return doc.contracts.filter((c) => c.workspaceIds.some((w) => ws.includes(w)) && !seen.has(c.id) && !!seen.add(c.id));
}

export function activeContracts(doc: CustomerActivity, ws: string[], today: string): Contract[] {
  return contractsInView(doc, ws).filter((c) => isActive(c, today));
}

/** The enterprise tiles, in the contract's order, with their slug and services. */
export const TILE_GROUPS = [
  {
    title: 'Integrated Proactive Services',
    slug: 'integrated-proactive-services',
    services: ['proactiveServices', 'proactiveCredits', 'designatedSupportEngineering', 'workshops'],
  },
  { title: 'Support As Needed', slug: 'support-as-needed', services: ['reactiveSupport', 'advisorySupport'] },
  { title: 'On-demand Education', slug: 'on-demand-education', services: ['onDemandEducation'] },
  { title: 'Support Contacts', slug: 'support-contacts', services: ['supportContacts'] },
  { title: 'On-demand Assessments', slug: 'on-demand-assessments', services: ['onDemandAssessments'] },
] as const;
export type TileGroup = (typeof TILE_GROUPS)[number];

/** The enterprise-level consumption services of `contracts` that a tile sums. */
export function groupEntitlements(doc: CustomerActivity, contracts: Contract[], group: TileGroup): Entitlement[] {
  const ids = new Set(contracts.map((c) => c.id));
  return doc.entitlements.filter(
    (e) =>
      (e.packageId ?? null) === null &&
      e.kind === 'consumptionService' &&
      (group.services as readonly string[]).includes(e.service) &&
      ids.has(e.contractId),
  );
}

/** Per unit (in order of first appearance): consumed, purchased (null when any part is uncapped). */
export function unitTotals(parts: Entitlement[]) {
  const out: { unit: string; consumed: number; purchased: number | null }[] = [];
  for (const e of parts) {
    let t = out.find((x) => x.unit === e.unit);
    if (!t) out.push((t = { unit: e.unit, consumed: 0, purchased: 0 }));
    t.consumed += e.consumed;
    t.purchased = t.purchased === null || e.purchased === null ? null : t.purchased + e.purchased;
  }
  return out;
}

const UNIT_WORDS: Record<string, [string, string]> = {
  hours: ['hour', 'hours'],
  credits: ['credit', 'credits'],
  cases: ['case', 'cases'],
  seats: ['seat', 'seats'],
  contacts: ['contact', 'contacts'],
  assessments: ['assessment', 'assessments'],
  workshops: ['workshop', 'workshops'],
  days: ['day', 'days'],
};

/** en-US number as the page writes it (grouping, at most two decimals). */
export function num(n: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(n);
}

/** "12.5 hours", "1 hour". */
export function quantity(n: number, unit: string): string {
  const words = UNIT_WORDS[unit] ?? ['units', 'units'];
  const one = new Intl.PluralRules('en-US').select(n) === 'one';
  return `${num(n)} ${one ? words[0] : words[1]}`;
}

/** The unit as a column header: "Hours", "Credits", ... */
export function unitHeader(unit: string): string {
  const w = (UNIT_WORDS[unit] ?? ['units', 'units'])[1];
  return w[0].toUpperCase() + w.slice(1);
}

/** A calendar date (YYYY-MM-DD) in en-US medium style ("Jan 31, 2027"). */
export function fmtDate(d: string, locale = 'en-US'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
}

/** An instant or a date as the page shows it: the day in the browser's zone. */
export function fmtAnyDate(s: string, locale = 'en-US', timeZone = 'Europe/Rome'): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return fmtDate(s, locale);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(new Date(s));
}

/** Milliseconds of a date or instant (dates at UTC midnight), for ordering. */
export function anyDateMs(s: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) ? Date.parse(`${s}T00:00:00Z`) : Date.parse(s);
}

/** Case- and accent-insensitive text, as the grid compares and searches. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** The record type of an activity and the columns the tests sort by. */
export const RECORD_TYPES = {
  supportRequest: { text: { header: 'Title', field: 'title' }, date: { header: 'Created', field: 'createdAt' } },
  proactiveDelivery: { text: { header: 'Service', field: 'serviceName' }, date: { header: 'Start date', field: 'startDate' } },
  educationActivity: { text: { header: 'Learner name', field: 'learnerName' }, date: { header: 'Started', field: 'startedAt' } },
  supportContact: { text: { header: 'Name', field: 'name' }, date: { header: 'Added', field: 'addedAt' } },
  assessmentSetup: { text: { header: 'Assessment', field: 'assessmentName' }, date: { header: 'Set up', field: 'setupDate' } },
} as const;
export type RecordType = keyof typeof RECORD_TYPES;

/** The entitlements whose activity holds each record type (preferring `preferred` ids). */
export async function entitlementPerRecordType(
  request: APIRequestContext,
  persona: string,
  doc: CustomerActivity,
  preferred: string[] = ['e-cu-reactive', 'e-cu-proactive', 'e-cu-education', 'e-cu-contacts', 'e-cu-assessments'],
): Promise<Record<RecordType, { entitlement: Entitlement; records: ActivityRecord[] }>> {
  const out: Partial<Record<RecordType, { entitlement: Entitlement; records: ActivityRecord[] }>> = {};
  const candidates = [
    ...preferred.map((id) => doc.entitlements.find((e) => e.id === id)).filter((e): e is Entitlement => !!e),
    ...doc.entitlements.filter((e) => e.kind === 'consumptionService' && !preferred.includes(e.id)),
  ];
  for (const e of candidates) {
    if (Object.keys(out).length === Object.keys(RECORD_TYPES).length) break;
    const a = await apiGet<EntitlementActivity>(request, `/entitlements/${encodeURIComponent(e.id)}/activity`, persona);
    if (a.records.length === 0) continue;
    const t = a.records[0].type as RecordType;
    if (t in RECORD_TYPES && !out[t] && a.records.every((r) => r.type === t)) out[t] = { entitlement: e, records: a.records };
  }
  for (const t of Object.keys(RECORD_TYPES)) if (!out[t as RecordType]) throw new Error(`no entitlement with ${t} records`);
  return out as Record<RecordType, { entitlement: Entitlement; records: ActivityRecord[] }>;
}

/** Parses RFC 4180 CSV (quotes, doubled quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** The files of the release's wasm part `name` (its own module and the shared
 *  ones it needs), as the build lists them in dist/embed.js's manifest. */
export async function partFiles(request: APIRequestContext, name: string): Promise<string[]> {
  const m = /\/\*ca:assets\*\/ (\{.*\});/.exec(await (await request.get('/embed.js')).text());
  if (!m) throw new Error('embed.js carries no asset list');
  const parts = (JSON.parse(m[1]) as { parts?: Record<string, { href: string }[]> }).parts ?? {};
  if (!parts[name]) throw new Error(`embed.js lists no part ${name}`);
  return parts[name].map((f) => f.href);
}
