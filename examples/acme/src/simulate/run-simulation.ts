import type { WaymarkConfig } from '@waymark/core';
import type { ArchetypeKey } from './archetypes.js';
import { createProgress, type ProgressStream } from './create-progress.js';
import { createRandom } from './create-random.js';
import { generateSimulation } from './generate-simulation.js';
import { packBatches, defaultPackLimits, type PackLimits } from './pack-batches.js';
import { sendBatches, type SendTotals } from './send-batches.js';
import type { SimulationOptions } from './simulation-types.js';

/** A simulation to generate and send to a collector. */
export interface RunOptions extends SimulationOptions {
  /** The collector's base URL. */
  url: string;
  /** The app's secret key. */
  key: string;
  config: WaymarkConfig;
  concurrency?: number;
  packLimits?: PackLimits;
  /** Where progress is shown (default: nowhere). */
  progress?: ProgressStream;
  fetch?: typeof fetch;
}

/** What was generated and what the collector answered. */
export interface RunSummary {
  accounts: number;
  users: number;
  /** Accounts per archetype. */
  archetypes: Partial<Record<ArchetypeKey, number>>;
  /** Messages per kind: `identify`, `group`, `page`, or the track's event name. */
  kinds: Record<string, number>;
  totals: SendTotals;
  generateSeconds: number;
  sendSeconds: number;
}

/**
 * Generates the population and sends it through `POST /v1/batch`, showing progress; resolves
 * with a summary once every message is acknowledged, rejects with the first final failure.
 */
export async function runSimulation(options: RunOptions): Promise<RunSummary> {
  const t0 = performance.now();
  const simulation = generateSimulation(options, options.config);
  const t1 = performance.now();
  const archetypes: RunSummary['archetypes'] = {};
  for (const a of simulation.accounts) archetypes[a.archetype] = (archetypes[a.archetype] ?? 0) + 1;
  const kinds: Record<string, number> = {};
  for (const { body } of simulation.messages) {
    const kind = body.type === 'track' ? String(body['event']) : body.type;
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  const progress = options.progress ? createProgress(options.progress, simulation.messages.length) : undefined;
  const totals = await sendBatches(packBatches(simulation.messages, options.packLimits ?? defaultPackLimits), {
    url: options.url,
    key: options.key,
    concurrency: options.concurrency ?? 4,
    random: createRandom(options.seed, 'backoff').next,
    onProgress: (t) => progress?.update(t.messages),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  progress?.done();
  return {
    accounts: simulation.accounts.length,
    users: simulation.users.length,
    archetypes,
    kinds,
    totals,
    generateSeconds: (t1 - t0) / 1000,
    sendSeconds: (performance.now() - t1) / 1000,
  };
}
