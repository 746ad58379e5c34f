// The tours every library runs: the same five targets, titles and bodies for each.

/** The measured 5-step tour; each step is anchored to one of the page's five targets. */
export const benchTour = {
  key: 'bench-tour',
  title: 'Bench tour',
  steps: [
    { key: 'new-project', selector: '#t1', title: 'Create a project', body: 'Every report belongs to a project. Start here.' },
    { key: 'search', selector: '#t2', title: 'Find anything', body: 'Search projects, people and reports.' },
    { key: 'invite', selector: '#t3', title: 'Invite your team', body: 'Work together: invite a teammate by email.' },
    { key: 'numbers', selector: '#t4', title: 'Your weekly numbers', body: 'Usage over the last seven days, per project.' },
    { key: 'export', selector: '#t5', title: 'Export a report', body: 'Download any report as CSV.' },
  ],
};

/** A one-step tour run (and ended) before the timed one, on every page and for every library. */
export const warmupTour = {
  key: 'bench-warmup',
  title: 'Bench warm-up',
  steps: [{ key: 'welcome', selector: '#t4', title: 'Welcome', body: 'A warm-up step, not measured.' }],
};

/** The tours as a Waymark config document (what `PUT /v1/admin/config` receives). */
export function waymarkConfig() {
  const guide = (tour) => ({
    key: tour.key,
    title: tour.title,
    steps: tour.steps.map((s) => ({ key: s.key, title: s.title, body: s.body, target: { selector: s.selector }, placement: 'bottom' })),
  });
  return { version: 1, guides: [guide(warmupTour), guide(benchTour)] };
}
