import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { test, expect } from '../fixtures';
import { PERSONAS, type CustomerActivity, type Me } from '../support/data';

// The contract, compiled once: the whole document is one schema, so the
// `#/components/schemas/...` refs resolve; `discriminator` is ignored (oneOf decides).
const openapi = parse(readFileSync(path.join(__dirname, '../../contract/openapi.yaml'), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i);
ajv.addSchema(openapi, 'openapi');
const validator = (name: string) => {
  const v = ajv.getSchema(`openapi#/components/schemas/${name}`);
  if (!v) throw new Error(`no schema ${name}`);
  return v;
};

type Checked = { path: string; status: number; errors: string[] };

/** GETs a path as a persona and validates the body against a schema; returns what is wrong. */
async function check(request: APIRequestContext, persona: string, apiPath: string, schema: string, status = 200): Promise<Checked & { body: unknown }> {
  const res = await request.get(`/api/v1${apiPath}`, { headers: { 'x-demo-persona': persona } });
  const errors: string[] = [];
  if (res.status() !== status) errors.push(`status ${res.status()}, expected ${status}`);
  const type = res.headers()['content-type'] ?? '';
  const wantType = status >= 400 ? 'application/problem+json' : 'application/json';
  if (!type.startsWith(wantType)) errors.push(`content-type ${type}, expected ${wantType}`);
  let body: unknown;
  try {
    body = await res.json();
  } catch (e) {
    errors.push(`not JSON: ${(e as Error).message}`);
    return { path: apiPath, status: res.status(), errors, body };
  }
  const v = validator(schema);
  if (!v(body)) {
    for (const e of v.errors ?? []) errors.push(`${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  }
  if (status >= 400 && (body as { status?: number }).status !== undefined && (body as { status?: number }).status !== status) {
    errors.push(`problem status ${(body as { status?: number }).status} ≠ ${status}`);
  }
  return { path: apiPath, status: res.status(), errors: errors.slice(0, 10), body };
}

const WITH_ACCESS = PERSONAS.filter((p) => p !== 'no-access' && p !== 'signed-out');

test('the contract compiles and rejects what it must', () => {
  const me = validator('Me');
  expect(me({ id: 'u', displayName: 'U', roles: ['customerAdmin'], workspaces: [{ id: 'w', name: 'W' }], currentWorkspaceId: 'w' })).toBe(true);
  expect(me({ id: 'u', displayName: 'U', roles: ['nobody'], workspaces: [], currentWorkspaceId: 'w' })).toBe(false);
  const rec = validator('ActivityRecord');
  expect(rec({ type: 'supportContact', id: 'x', name: 'n', status: 'active', quantity: 1 })).toBe(true);
  expect(rec({ type: 'supportContact', id: 'x', name: 'n', status: 'teleported', quantity: 1 })).toBe(false);
  expect(validator('Contract')({ id: 'c', number: 'n', name: 'x', startDate: '2026-01-01', endDate: 'soon', workspaceIds: [] })).toBe(false);
});

for (const persona of WITH_ACCESS) {
  test.describe(`as ${persona}`, () => {
    test('/me, /customer-activity, /additional-cases and every entitlement\'s activity follow openapi.yaml', async ({ request }) => {
      const failures: Checked[] = [];
      const me = await check(request, persona, '/me', 'Me');
      const doc = await check(request, persona, '/customer-activity', 'CustomerActivity');
      const cases = await check(request, persona, '/additional-cases', 'AdditionalCases');
      failures.push(me, doc, cases);
      const activity = doc.body as CustomerActivity;
      expect(activity.entitlements.length, 'entitlements to check').toBeGreaterThan(0);
      const ids = [...new Set(activity.entitlements.map((e) => e.id))];
      for (const id of ids) {
        const a = await check(request, persona, `/entitlements/${encodeURIComponent(id)}/activity`, 'EntitlementActivity');
        if ((a.body as { entitlementId?: string })?.entitlementId !== id) a.errors.push(`entitlementId ≠ ${id}`);
        failures.push(a);
      }
      // Things the schema cannot say.
      const m = me.body as Me;
      const extra: string[] = [];
      if (!m.workspaces.some((w) => w.id === m.currentWorkspaceId)) extra.push('/me: currentWorkspaceId is not among workspaces');
      const contractIds = new Set(activity.contracts.map((c) => c.id));
      for (const e of activity.entitlements) if (!contractIds.has(e.contractId)) extra.push(`entitlement ${e.id}: unknown contract ${e.contractId}`);
      for (const p of activity.packages) if (!contractIds.has(p.contractId)) extra.push(`package ${p.id}: unknown contract ${p.contractId}`);
      const pkgIds = new Set(activity.packages.map((p) => p.id));
      for (const e of activity.entitlements) if (e.packageId && !pkgIds.has(e.packageId)) extra.push(`entitlement ${e.id}: unknown package ${e.packageId}`);
      expect(failures.filter((f) => f.errors.length).map((f) => ({ path: f.path, errors: f.errors }))).toEqual([]);
      expect(extra).toEqual([]);
      expect(ids.length).toBe(activity.entitlements.length);
    });

    test('an unknown entitlement answers 404 with a Problem', async ({ request }) => {
      const r = await check(request, persona, '/entitlements/no-such-entitlement/activity', 'Problem', 404);
      expect(r.errors).toEqual([]);
    });
  });
}

test('no-access: /me is a user, every other endpoint a 403 Problem', async ({ request }) => {
  const results = [
    await check(request, 'no-access', '/me', 'Me'),
    await check(request, 'no-access', '/customer-activity', 'Problem', 403),
    await check(request, 'no-access', '/additional-cases', 'Problem', 403),
    await check(request, 'no-access', '/entitlements/e-cu-reactive/activity', 'Problem', 403),
  ];
  expect(results.filter((r) => r.errors.length).map((r) => ({ path: r.path, errors: r.errors }))).toEqual([]);
});

test('signed-out: every endpoint is a 401 Problem', async ({ request }) => {
  const results = [
    await check(request, 'signed-out', '/me', 'Problem', 401),
    await check(request, 'signed-out', '/customer-activity', 'Problem', 401),
    await check(request, 'signed-out', '/additional-cases', 'Problem', 401),
    await check(request, 'signed-out', '/entitlements/e-cu-reactive/activity', 'Problem', 401),
  ];
  expect(results.filter((r) => r.errors.length).map((r) => ({ path: r.path, errors: r.errors }))).toEqual([]);
});

test('an entitlement outside the persona\'s workspaces answers 404 (or 403) with a Problem', async ({ request }) => {
  const all = (await (await request.get('/api/v1/customer-activity', { headers: { 'x-demo-persona': 'customer-admin' } })).json()) as CustomerActivity;
  const mine = (await (await request.get('/api/v1/customer-activity', { headers: { 'x-demo-persona': 'workspace-admin' } })).json()) as CustomerActivity;
  const outside = all.entitlements.find((e) => !mine.entitlements.some((m) => m.id === e.id))!;
  expect(outside).toBeTruthy();
  const res = await request.get(`/api/v1/entitlements/${outside.id}/activity`, { headers: { 'x-demo-persona': 'workspace-admin' } });
  expect([403, 404]).toContain(res.status());
  const r = await check(request, 'workspace-admin', `/entitlements/${outside.id}/activity`, 'Problem', res.status());
  expect(r.errors).toEqual([]);
});
