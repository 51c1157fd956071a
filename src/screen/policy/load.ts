import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { type Policy, PolicySchema } from './schema.ts';

/** A problem in a policy file, naming the field (`findings.listed.weight`). */
export interface PolicyIssue {
  readonly path: string;
  readonly message: string;
}

export type PolicyResult =
  | { readonly ok: true; readonly policy: Policy; readonly hash: string }
  | { readonly ok: false; readonly issues: readonly PolicyIssue[] };

const DEFAULT_URL = new URL('../default-policy.yaml', import.meta.url);

function loadDefault(): Policy {
  const parsed = PolicySchema.safeParse(parseYaml(readFileSync(DEFAULT_URL, 'utf8')));
  // The shipped default is part of the code: failing validation is a bug, not user input.
  if (!parsed.success)
    throw new Error(`default-policy.yaml is invalid: ${formatIssues(toIssues(parsed.error))}`);
  return deepFreeze(parsed.data);
}

/** The documented default policy (src/screen/default-policy.yaml). */
export const DEFAULT_POLICY: Policy = loadDefault();

/** A stable hash of a validated policy: screening runs record it so monitoring can tell policies apart. */
export function policyHash(p: Policy): string {
  return createHash('sha256').update(canonicalJson(p)).digest('hex').slice(0, 16);
}

/**
 * Validates a policy object (already parsed from YAML/JSON). It is merged onto `base` (the
 * default policy) first, so a file names only what it changes; objects merge key by key,
 * arrays and values replace.
 */
export function parsePolicy(raw: unknown, base: Policy = DEFAULT_POLICY): PolicyResult {
  if (raw !== null && raw !== undefined && (typeof raw !== 'object' || Array.isArray(raw))) {
    return { ok: false, issues: [{ path: '(root)', message: 'expected a mapping of policy fields' }] };
  }
  const merged = deepMerge(base, raw ?? {});
  const parsed = PolicySchema.safeParse(merged);
  if (!parsed.success) return { ok: false, issues: toIssues(parsed.error) };
  return { ok: true, policy: parsed.data, hash: policyHash(parsed.data) };
}

/** Parses policy text; YAML is a superset of JSON, so both read the same way. */
export function parsePolicyText(text: string, base: Policy = DEFAULT_POLICY): PolicyResult {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    return {
      ok: false,
      issues: [{ path: '(file)', message: err instanceof Error ? err.message : String(err) }],
    };
  }
  return parsePolicy(raw, base);
}

/** Reads and validates a policy file (YAML or JSON). I/O errors throw; content errors are values. */
export async function readPolicyFile(path: string, base: Policy = DEFAULT_POLICY): Promise<PolicyResult> {
  return parsePolicyText(await readFile(path, 'utf8'), base);
}

export function formatIssues(issues: readonly PolicyIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('; ');
}

function toIssues(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): PolicyIssue[] {
  return error.issues.map((i) => ({
    path: i.path.length > 0 ? i.path.map(String).join('.') : '(root)',
    message: i.message,
  }));
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in base ? deepMerge(base[k], v) : v;
  return out;
}

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null) {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

/** JSON with object keys sorted, so equal values hash equally whatever the key order. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (isPlainObject(v)) {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => v[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}
