export { WaymarkProvider, type WaymarkProviderProps } from './waymark-provider.js';
export { useWaymark } from './use-waymark.js';
export { useTrack } from './use-track.js';
export { useGate, type GateState } from './use-gate.js';
export { Gate, type GateProps } from './gate.js';
export { useChecklist, type ChecklistState } from './use-checklist.js';
export type { ChecklistView, GateView, Properties, Waymark, WaymarkOptions } from '@waymark/sdk';
