import type { WaymarkConfig } from '@waymark/core';
import { buildPopulation } from './build-population.js';
import type { SimAccount, SimMessage, SimUser, SimulationOptions } from './simulation-types.js';
import { simulateUser } from './simulate-user.js';

/** A whole simulated population and everything its users sent, oldest first. */
export interface Simulation {
  accounts: SimAccount[];
  users: SimUser[];
  messages: SimMessage[];
}

/**
 * Generates the population and every user's history, merged into one timeline in time order
 * (the order clients would have sent them). The same options and config give the same result.
 */
export function generateSimulation(options: SimulationOptions, config: WaymarkConfig): Simulation {
  const { accounts, users } = buildPopulation(options);
  const messages: SimMessage[] = [];
  for (const user of users) for (const m of simulateUser(user, config, options)) messages.push(m);
  // Stable: messages of one user at the same millisecond keep the order they were made in.
  messages.sort((a, b) => a.at - b.at);
  return { accounts, users, messages };
}
