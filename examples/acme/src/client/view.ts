import type { Analytics } from './create-analytics.js';
import type { DemoUser } from './demo-users.js';
import type { RouteParams } from './match-route.js';
import type { WorkspaceStore } from './workspace-store.js';

/** What a screen gets when it is mounted. */
export interface ViewContext {
  win: Window;
  /** The element the view renders into (emptied before each mount). */
  outlet: HTMLElement;
  params: RouteParams;
  user: DemoUser;
  store: WorkspaceStore;
  analytics: Analytics;
  navigate(path: string): void;
  now(): number;
}

/** A screen: renders into the outlet and returns the cleanup for anything it listens to. */
export type View = (context: ViewContext) => () => void;
