/** A customer company using Acme Projects. */
export interface DemoAccount {
  id: string;
  name: string;
  plan: 'starter' | 'business' | 'enterprise';
  seats: number;
  /** How long ago the account signed up, relative to its first visit in this browser. */
  ageDays: number;
}

/** A person who can sign in to the demo. */
export interface DemoUser {
  id: string;
  name: string;
  email: string;
  role: 'owner' | 'admin' | 'member';
  account: DemoAccount;
}

/** The three demo sign-ins offered on the login page, each in its own account. */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    id: 'usr_dana_ortiz',
    name: 'Dana Ortiz',
    email: 'dana.ortiz@northwind.example',
    role: 'admin',
    account: { id: 'acct_northwind', name: 'Northwind Logistics', plan: 'business', seats: 40, ageDays: 12 },
  },
  {
    id: 'usr_marcus_chen',
    name: 'Marcus Chen',
    email: 'marcus.chen@globex.example',
    role: 'member',
    account: { id: 'acct_globex', name: 'Globex Manufacturing', plan: 'enterprise', seats: 250, ageDays: 47 },
  },
  {
    id: 'usr_priya_shah',
    name: 'Priya Shah',
    email: 'priya.shah@initech.example',
    role: 'owner',
    account: { id: 'acct_initech', name: 'Initech Health', plan: 'starter', seats: 5, ageDays: 81 },
  },
];

/** Looks a demo user up by id. */
export function findDemoUser(userId: string | null | undefined): DemoUser | undefined {
  return DEMO_USERS.find((user) => user.id === userId);
}
