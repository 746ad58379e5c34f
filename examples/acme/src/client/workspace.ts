/** One task inside a project. */
export interface Task {
  id: string;
  title: string;
  done: boolean;
  createdAt: string;
}

/** A project and its tasks. */
export interface Project {
  id: string;
  name: string;
  createdAt: string;
  tasks: Task[];
}

/** A pending teammate invitation. */
export interface Invite {
  email: string;
  role: 'admin' | 'member';
  invitedAt: string;
}

/** Settings, one group per settings tab. */
export interface Settings {
  profile: { displayName: string; title: string };
  workspace: { name: string; timezone: string };
  notifications: { weeklyDigest: boolean; mentions: boolean };
}

/** Everything an account keeps in this browser. */
export interface Workspace {
  version: 1;
  /** When the account signed up (fixed on its first visit in this browser). */
  createdAt: string;
  /** When each user joined, by user id. */
  userCreatedAt: Record<string, string>;
  projects: Project[];
  invites: Invite[];
  settings: Settings;
}
