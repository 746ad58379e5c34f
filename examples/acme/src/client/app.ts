// Bundle entry for app.html, the one file with top-level effects. It runs as a classic script in
// <head> before the async waymark.js tag, so the queue stub exists before the SDK can run.
import { installWaymarkStub } from './install-waymark-stub.js';
import { startApp } from './start-app.js';

installWaymarkStub(window);
if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', () => startApp(window), { once: true });
} else {
  startApp(window);
}
