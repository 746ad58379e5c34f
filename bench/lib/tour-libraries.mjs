import { fileURLToPath } from 'node:url';

const benchDir = fileURLToPath(new URL('..', import.meta.url));
const sdkDist = fileURLToPath(new URL('../../packages/sdk/dist/', import.meta.url));
// pnpm links bench's devDependencies here; driver.js's `exports` hides its IIFE build from
// require.resolve, so paths are built from the package folder for all three.
const pkg = (name, file) => `${benchDir}node_modules/${name}/${file}`;

// Adapters: each runs in the page (serialised with toString), so each is self-contained. They
// build a tour from the shared step data (`prepare`, not timed), start it (`start`, the timed
// call), find the popover showing a title, find its Next button, and end a tour (`stop`). An
// adapter may also say whether a popover has been placed (`placed`), where the library shows it
// before it knows where it goes.

function waymarkAdapter() {
  // The UI (Preact) renders into the open shadow root of the `[data-waymark-ui]` host. A step's
  // popover is `.pop[role=dialog]`; one anchored to a target is also `.wait` (visibility: hidden)
  // until @floating-ui/dom's computePosition has answered, which sets its left, top and an inline
  // `visibility: visible`. A step without a target (`.pop.c`) is centred by CSS.
  const root = () => document.querySelector('[data-waymark-ui]')?.shadowRoot;
  let key;
  return {
    // The guides live in the collector's config; the page only names one.
    prepare(tour) {
      key = tour.key;
    },
    start() {
      window.waymark.startGuide(key);
    },
    popover(title) {
      for (const pop of root()?.querySelectorAll('.pop[role="dialog"]') ?? []) if (pop.querySelector('h2')?.textContent === title) return pop;
      return null;
    },
    placed: (pop) => !pop.classList.contains('wait') || pop.style.visibility === 'visible',
    nextButton: (pop) => pop.querySelector('button.p'),
    stop() {
      root()?.querySelector('.pop[role="dialog"] .x')?.click();
    },
  };
}

function shepherdAdapter() {
  let tour;
  return {
    prepare({ key, steps }) {
      tour = new window.Shepherd.Tour({ tourName: key, useModalOverlay: true, defaultStepOptions: { cancelIcon: { enabled: true } } });
      steps.forEach((s, i) => {
        const last = i === steps.length - 1;
        tour.addStep({
          id: s.key,
          title: s.title,
          text: s.body,
          attachTo: { element: s.selector, on: 'bottom' },
          // Shepherd calls a button's action with the tour as `this`.
          buttons: [
            {
              text: last ? 'Done' : 'Next',
              action() {
                return last ? this.complete() : this.next();
              },
            },
          ],
        });
      });
    },
    start: () => tour.start(),
    popover(title) {
      for (const el of document.querySelectorAll('.shepherd-element')) if (el.querySelector('.shepherd-title')?.textContent === title) return el;
      return null;
    },
    nextButton: (el) => el.querySelector('.shepherd-footer .shepherd-button'),
    stop: () => tour?.cancel(),
  };
}

function driverAdapter() {
  let d;
  return {
    prepare({ steps }) {
      d = window.driver.js.driver({
        showProgress: true,
        steps: steps.map((s) => ({ element: s.selector, popover: { title: s.title, description: s.body, side: 'bottom', align: 'center' } })),
      });
    },
    start: () => d.drive(),
    popover(title) {
      const el = document.querySelector('.driver-popover');
      return el?.querySelector('.driver-popover-title')?.textContent === title ? el : null;
    },
    nextButton: (el) => el.querySelector('.driver-popover-next-btn'),
    stop: () => d?.destroy(),
  };
}

function introAdapter() {
  let tour;
  return {
    // intro.js 8 deprecates `introJs()` (it logs a warning) for `introJs.tour()`, the same tour.
    prepare({ steps }) {
      tour = window.introJs.tour().setOptions({ steps: steps.map((s) => ({ element: s.selector, title: s.title, intro: s.body, position: 'bottom' })) });
    },
    start: () => tour.start(),
    popover(title) {
      for (const el of document.querySelectorAll('.introjs-tooltip')) if (el.querySelector('.introjs-tooltip-title')?.textContent === title) return el;
      return null;
    },
    nextButton: (el) => el.querySelector('.introjs-nextbutton'),
    stop: () => tour?.exit(true),
  };
}

/**
 * The four libraries: what the page loads for a tour (`files`, gzipped for the size column),
 * the tags that load it (`head`), its `package.json` (for the version), when it is ready
 * (`ready`, evaluated in the page), and its adapter. Waymark's files are served by the
 * collector, as in production; the peers' by the bench's own server under `/files/`.
 */
export function tourLibraries({ collectorUrl, publicKey }) {
  return [
    {
      id: 'waymark',
      name: 'Waymark',
      packageJson: `${sdkDist}../package.json`,
      files: [
        { label: 'tracker', path: `${sdkDist}waymark.js` },
        { label: 'UI chunk (its CSS is inside)', path: `${sdkDist}waymark-ui.js` },
      ],
      head: () => `<script src="${collectorUrl}/sdk/waymark.js" data-key="${publicKey}" data-api="${collectorUrl}"></script>`,
      ready: 'typeof window.waymark?.flush === "function"',
      adapter: waymarkAdapter,
    },
    {
      id: 'shepherd',
      name: 'Shepherd',
      packageJson: pkg('shepherd.js', 'package.json'),
      files: [
        { label: 'JS (ESM, the only browser build)', path: pkg('shepherd.js', 'dist/js/shepherd.mjs'), url: '/files/shepherd.mjs' },
        { label: 'CSS', path: pkg('shepherd.js', 'dist/css/shepherd.css'), url: '/files/shepherd.css' },
      ],
      head: () =>
        '<link rel="stylesheet" href="/files/shepherd.css">\n<script type="module">import Shepherd from "/files/shepherd.mjs"; window.Shepherd = Shepherd;</script>',
      ready: 'typeof window.Shepherd?.Tour === "function"',
      adapter: shepherdAdapter,
    },
    {
      id: 'driver',
      name: 'driver.js',
      packageJson: pkg('driver.js', 'package.json'),
      files: [
        { label: 'JS (IIFE)', path: pkg('driver.js', 'dist/driver.js.iife.js'), url: '/files/driver.js.iife.js' },
        { label: 'CSS', path: pkg('driver.js', 'dist/driver.css'), url: '/files/driver.css' },
      ],
      head: () => '<link rel="stylesheet" href="/files/driver.css">\n<script src="/files/driver.js.iife.js"></script>',
      ready: 'typeof window.driver?.js?.driver === "function"',
      adapter: driverAdapter,
    },
    {
      id: 'intro',
      name: 'intro.js',
      packageJson: pkg('intro.js', 'package.json'),
      files: [
        { label: 'JS (minified)', path: pkg('intro.js', 'minified/intro.min.js'), url: '/files/intro.min.js' },
        { label: 'CSS (minified)', path: pkg('intro.js', 'minified/introjs.min.css'), url: '/files/introjs.min.css' },
      ],
      head: () => '<link rel="stylesheet" href="/files/introjs.min.css">\n<script src="/files/intro.min.js"></script>',
      ready: 'typeof window.introJs?.tour === "function"',
      adapter: introAdapter,
    },
  ];
}
