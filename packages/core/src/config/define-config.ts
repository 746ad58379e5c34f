import type { WaymarkConfigInput } from './config-schema.js';

/** Types a config written in TypeScript (editor completion and checks); returns it unchanged. Validate with `validateConfig`. */
export function defineConfig(config: WaymarkConfigInput): WaymarkConfigInput {
  return config;
}
