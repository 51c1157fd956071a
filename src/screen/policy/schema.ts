import { z } from 'zod';

/**
 * The screening policy: which facts become findings, how severe, how they add up to a risk.
 * Parsed at the edge with zod; the core takes a validated {@link Policy}.
 */

export const FINDING_TYPES = [
  'listed',
  'owned_by_listed',
  'xinjiang_located',
  'high_priority_sector',
  'upstream_exposure',
  'third_country_routing',
  'new_intermediary_after_listing',
] as const;
export type FindingType = (typeof FINDING_TYPES)[number];

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const RISK_LEVELS = ['none', 'low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

const severity = z.enum(SEVERITIES);
const unit = z.number().min(0).max(1);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD');
const findingType = z.enum(FINDING_TYPES);
const downgrade = z.strictObject({ severity, factor: unit });

const listRule = z.strictObject({ title: z.string().optional(), severity, weight: unit });

export const PolicySchema = z
  .strictObject({
    version: z.literal(1),
    name: z.string().min(1),
    description: z.string().optional(),
    legal: z.strictObject({
      uflpaEffective: isoDate,
      ofacThresholdPct: z.number().gt(0).max(100),
      ofacSeedLists: z.array(z.string().min(1)).min(1),
    }),
    matching: z.strictObject({
      threshold: unit,
      candidates: z.int().min(1).max(20),
    }),
    lists: z.record(z.string().min(1), listRule).refine((r) => 'default' in r, {
      message: 'needs a `default` entry for lists not named',
    }),
    findings: z.strictObject({
      listed: z.strictObject({ enabled: z.boolean(), beforeEffective: downgrade }),
      owned_by_listed: z.strictObject({
        enabled: z.boolean(),
        weight: unit,
        reportPct: z.number().gt(0).max(100),
        highPct: z.number().gt(0).max(100),
        unknownShare: z.strictObject({ severity: z.enum(SEVERITIES), factor: unit }),
      }),
      xinjiang_located: z.strictObject({
        enabled: z.boolean(),
        weight: unit,
        minConfidence: unit,
        beforeEffective: downgrade,
        nameOnly: downgrade,
      }),
      high_priority_sector: z.strictObject({
        enabled: z.boolean(),
        severity,
        core: unit,
        downstream: unit,
        partialFactor: unit,
        descriptionMinConfidence: unit,
      }),
      upstream_exposure: z.strictObject({
        enabled: z.boolean(),
        weight: unit,
        tiers: z.int().min(2).max(8),
        highWithinTiers: z.int().min(1).max(8),
      }),
      third_country_routing: z.strictObject({
        enabled: z.boolean(),
        weight: unit,
        homeCountries: z.array(z.string().regex(/^[A-Z]{2}$/, 'expected ISO 3166 alpha-2 codes')),
      }),
      new_intermediary_after_listing: z.strictObject({
        enabled: z.boolean(),
        weight: unit,
        severity,
        windowDays: z.int().min(1).max(3650),
      }),
    }),
    risk: z.strictObject({
      thresholds: z
        .strictObject({ medium: unit, high: unit })
        .refine((t) => t.medium > 0 && t.medium < t.high, { message: 'needs 0 < medium < high' }),
      highFloor: z.array(findingType),
      capAlone: z.strictObject({ types: z.array(findingType), level: z.enum(RISK_LEVELS) }),
    }),
  })
  .refine((p) => p.findings.owned_by_listed.reportPct <= p.findings.owned_by_listed.highPct, {
    message: 'findings.owned_by_listed.reportPct must not exceed highPct',
    path: ['findings', 'owned_by_listed', 'reportPct'],
  });

/** A validated policy. */
export type Policy = z.infer<typeof PolicySchema>;
