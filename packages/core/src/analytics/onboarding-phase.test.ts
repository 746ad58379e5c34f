import { describe, expect, it } from 'vitest';
import { onboardingPhase } from './onboarding-phase.js';

describe('onboardingPhase', () => {
  it('is onboarding for days 0–90 and graduated after', () => {
    expect(onboardingPhase(0)).toBe('onboarding');
    expect(onboardingPhase(90)).toBe('onboarding');
    expect(onboardingPhase(91)).toBe('graduated');
    expect(onboardingPhase(400)).toBe('graduated');
  });
});
