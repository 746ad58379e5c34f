import {
  onboardingEvents,
  pickTrigger,
  type ConditionFacts,
  type NudgeRecord,
  type ScreenHold,
  type TriggerCandidate,
  type TriggerMoment,
} from '@waymark/core';

/** An experience that may start by itself, and how to start it. */
export interface Startable extends TriggerCandidate {
  /** The experience's kind and key (`id` is `kind:key`). */
  kind: string;
  key: string;
  start(): void;
}

/** What the triggers need from the UI. */
export interface TriggersOptions {
  now(): number;
  session: string;
  /** The experiences with a trigger that could start now (not running, dismissed or done). */
  candidates(): Startable[];
  facts(): ConditionFacts | undefined;
  /** The shared history of everything that started by itself (nudges too). */
  history(): NudgeRecord[];
  /** What holds back anything that starts by itself (core's `arbitrate`), if anything. */
  hold(): ScreenHold | undefined;
  track(event: string, properties: Record<string, unknown>): void;
  save(): void;
}

/**
 * Starts the experience whose trigger fires at a page view or an event, when the screen is free
 * and the shared budget allows (core's `pickTrigger`): records the start in the history the nudges
 * share, then starts it. What is held back is not queued: the next page view or event decides again.
 */
export function createTriggers(o: TriggersOptions): (moment: TriggerMoment) => void {
  return (moment) => {
    const facts = o.facts();
    if (!facts || o.hold()) return;
    const list = o.candidates();
    const picked = list.length ? (pickTrigger(list, moment, facts, o.history(), o.session) as Startable | undefined) : undefined;
    if (!picked) return;
    o.history().push({ type: 'shown', nudge: picked.id, at: o.now(), session: o.session });
    o.save();
    o.track(onboardingEvents.experienceStarted, { experience: picked.id, kind: picked.kind, key: picked.key, trigger: moment.type, session: o.session });
    picked.start();
  };
}
