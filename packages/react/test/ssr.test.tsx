// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Gate, useChecklist, useGate, useTrack, useWaymark, WaymarkProvider } from '../src/index.js';

function Probe() {
  const gate = useGate('reports');
  const { checklist } = useChecklist('getting-started');
  const track = useTrack();
  const waymark = useWaymark();
  // Calls during a server render must not throw (they are dropped with the request).
  waymark.identify('u1');
  return <p>{`ready=${gate.ready} unlocked=${gate.unlocked} left=${gate.left.length} checklist=${checklist?.title ?? 'unknown'} track=${typeof track}`}</p>;
}

describe('on the server', () => {
  it('renders with no window: gates unknown and locked, the gate mark in the markup', () => {
    expect(typeof window).toBe('undefined');
    const html = renderToString(
      <WaymarkProvider options={{ key: 'pk_test', api: 'https://collector.test' }}>
        <Probe />
        <Gate feature="reports">
          <button type="button">Reports</button>
        </Gate>
        <Gate feature="reports">{(g) => <span>{g.unlocked ? 'open' : 'closed'}</span>}</Gate>
      </WaymarkProvider>,
    );
    expect(html).toContain('ready=false unlocked=false left=0 checklist=unknown track=function');
    expect(html).toContain('<button type="button" data-waymark-gate="reports">Reports</button>');
    expect(html).toContain('<span>closed</span>');
  });

  it('says clearly when a hook is used outside the provider', () => {
    expect(() => renderToString(<Probe />)).toThrow('Waymark hooks must be used inside <WaymarkProvider>');
  });
});
