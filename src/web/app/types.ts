/** The API's shapes, as far as the pages read them (kept here so the app does not pull in server code). */

export interface Estimate { value: number; low: number; high: number }
export interface ModelSummary { model: string; cases: number; passRate: Estimate; meanScore: Estimate; errors: number; costUsd: { total: number; perCase: number }; latencyMs: { p50: number; p95: number }; group?: string }
export interface Comparison { model: string; baseline: string; scoreDiff: Estimate; wins: number; ties: number; losses: number; qualityRatio: Estimate; costRatio: number }
export interface Run { id: string; kind: 'eval' | 'redteam'; suitePath: string; suite?: string; description?: string; models: string[]; baseline?: string; startedAt: string; finishedAt?: string; status: string; counts: { results: number; passed: number; errors: number }; summary?: { models: ModelSummary[]; comparisons: Comparison[] } }
export interface Assertion { type: string; pass: boolean; score: number; reason: string }
export interface Result { runId: string; caseIndex: number; promptId: string; model: string; repeat: number; description?: string; vars: Record<string, unknown>; prompt: string; output: string | null; error?: { kind: string; message: string }; pass: boolean; score: number; assertions: Assertion[]; latencyMs: number; costUsd: number; tokens: { prompt: number; completion: number } }
export interface ModelItem { name: string; locked: boolean; kind?: string; gate: string; lastAttested?: string; runs: number; latestPassRate?: number }
export interface Attestation { file: string; revision?: string; time?: string; status: string; data: Record<string, unknown> }
export interface ModelScore { runId: string; kind: string; suite: string; startedAt: string; baseline?: string; summary: ModelSummary; comparison?: Comparison }
export interface ModelDetail { name: string; lock?: Record<string, unknown>; gate: string; license: unknown; obligations: unknown; findings: unknown[]; lineage: unknown; attestations: Attestation[]; scores: ModelScore[] }
export interface KeyRow { id: string; name?: string; prefix: string; routes: string[]; budgetUsd?: number; budgetPeriod?: string; rpm?: number; tpm?: number; admin: boolean; createdAt: string; expiresAt?: string; revokedAt?: string; status: string }
export interface Bucket { t: number; group: string; requests: number; errors: number; fallbacks: number; costUsd: number; p50: number; p95: number }
export interface Traffic { by: string; sinceMs: number; bucketMs: number; groups: string[]; buckets: Bucket[]; totals: { requests: number; errors: number; fallbacks: number; costUsd: number }; labels: Record<string, string> }
export interface CompareRow { key: string; caseIndex: number; model: string; description?: string; a?: { pass: boolean; score: number; output: string | null }; b?: { pass: boolean; score: number; output: string | null }; change: string }
export interface Suite { suite: string; suitePath: string; kind: string; points: { runId: string; model: string; passRate: number; meanScore: number; costPerCase: number }[] }
