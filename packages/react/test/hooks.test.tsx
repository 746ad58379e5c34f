import { act, useEffect, type ReactNode } from 'react';
import { createRoot, hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Gate, useChecklist, useGate, useTrack, useWaymark, WaymarkProvider, type ChecklistView } from '../src/index.js';
import { fakeWaymark, lockedReports } from './fake-waymark.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let container: HTMLElement;
async function mount(node: ReactNode): Promise<HTMLElement> {
  container = document.body.appendChild(document.createElement('div'));
  root = createRoot(container);
  await act(async () => root!.render(node));
  return container;
}
afterEach(async () => {
  await act(async () => root?.unmount());
  root = undefined;
  document.body.innerHTML = '';
  localStorage.clear();
});

function GateText({ feature }: { feature: string }) {
  const g = useGate(feature);
  return (
    <p id="gate">{`ready=${g.ready} unlocked=${g.unlocked} progress=${g.progress?.done}/${g.progress?.total} left=${g.left.map((t) => t.title).join(',')}`}</p>
  );
}

describe('useGate and <Gate>', () => {
  it('follow the gate as the SDK reports changes, and remove their listeners on unmount', async () => {
    const fake = fakeWaymark();
    fake.setGate(lockedReports);
    const el = await mount(
      <WaymarkProvider waymark={fake.waymark}>
        <GateText feature="reports" />
        <Gate feature="reports">
          <button type="button">Reports</button>
        </Gate>
        <Gate feature="reports">{(g) => <span id="rp">{g.unlocked ? 'open' : `${g.left.length} left`}</span>}</Gate>
      </WaymarkProvider>,
    );
    expect(el.querySelector('#gate')?.textContent).toBe('ready=true unlocked=false progress=2/3 left=Invite a teammate');
    expect(el.querySelector('button')?.getAttribute('data-waymark-gate')).toBe('reports');
    expect(el.querySelector('#rp')?.textContent).toBe('1 left');

    await act(async () => fake.setGate({ ...lockedReports, unlocked: true, reason: 'condition', progress: { done: 3, total: 3 }, todo: [] }));
    expect(el.querySelector('#gate')?.textContent).toBe('ready=true unlocked=true progress=3/3 left=');
    expect(el.querySelector('#rp')?.textContent).toBe('open');

    expect(fake.listeners.size).toBeGreaterThan(0);
    await act(async () => root!.unmount());
    root = undefined;
    expect(fake.listeners.size).toBe(0);
    // A tracker passed in belongs to the caller: it is not destroyed.
    expect(fake.calls.map((c) => c[0])).not.toContain('destroy');
  });

  it('hydrates server markup without a mismatch, then shows the stored state', async () => {
    const fake = fakeWaymark();
    fake.setGate({ ...lockedReports, unlocked: true, reason: 'override', todo: [] });
    const app = (
      <WaymarkProvider waymark={fake.waymark}>
        <GateText feature="reports" />
      </WaymarkProvider>
    );
    container = document.body.appendChild(document.createElement('div'));
    container.innerHTML = renderToString(app);
    expect(container.textContent).toBe('ready=false unlocked=false progress=undefined/undefined left=');
    const errors = vi.fn();
    await act(async () => {
      root = hydrateRoot(container, app, { onRecoverableError: errors });
    });
    expect(errors).not.toHaveBeenCalled();
    expect(container.textContent).toBe('ready=true unlocked=true progress=2/3 left=');
  });
});

function Child() {
  const track = useTrack();
  const waymark = useWaymark();
  useEffect(() => {
    waymark.identify('u1', { plan: 'pro' });
    track('Dashboard Viewed', { tab: 'home' });
  }, [track, waymark]);
  return null;
}

describe('useTrack and useWaymark', () => {
  it("keep calls made before the tracker starts (children's effects run first) and replay them in order", async () => {
    const fake = fakeWaymark();
    await mount(
      <WaymarkProvider waymark={fake.waymark}>
        <Child />
      </WaymarkProvider>,
    );
    expect(fake.calls).toEqual([
      ['identify', ['u1', { plan: 'pro' }]],
      ['track', ['Dashboard Viewed', { tab: 'home' }]],
    ]);
  });
});

function ChecklistText() {
  const { checklist, show } = useChecklist('getting-started');
  return (
    <button type="button" onClick={show}>
      {checklist ? `${checklist.title} ${checklist.done}/${checklist.total} next=${checklist.next ?? '-'}` : 'unknown'}
    </button>
  );
}

describe('useChecklist', () => {
  const view: ChecklistView = {
    key: 'getting-started',
    title: 'Getting started',
    done: 1,
    total: 2,
    complete: false,
    dismissed: false,
    audience: true,
    next: 'invite',
    items: [
      { key: 'create-project', title: 'Create a project', done: true },
      { key: 'invite', title: 'Invite a teammate', done: false },
    ],
  };
  it('reads what the SDK stored, follows its change event, and opens the panel', async () => {
    const fake = fakeWaymark();
    const el = await mount(
      <WaymarkProvider waymark={fake.waymark}>
        <ChecklistText />
      </WaymarkProvider>,
    );
    expect(el.textContent).toBe('unknown');
    await act(async () => {
      localStorage.setItem('waymark.checklists', JSON.stringify({ 'getting-started': view }));
      window.dispatchEvent(new Event('waymark:checklists'));
    });
    expect(el.textContent).toBe('Getting started 1/2 next=invite');
    const done = { ...view, done: 2, complete: true, items: view.items.map((i) => ({ ...i, done: true })) };
    delete done.next;
    await act(async () => {
      localStorage.setItem('waymark.checklists', JSON.stringify({ 'getting-started': done }));
      window.dispatchEvent(new Event('waymark:checklists'));
    });
    expect(el.textContent).toBe('Getting started 2/2 next=-');
    await act(async () => el.querySelector('button')!.click());
    expect(fake.calls).toContainEqual(['showChecklist', ['getting-started']]);
  });
});
