// Bundle entry for login.html: only the queue stub and a page view. The sign-in itself is a plain
// GET form to /app/ (a full navigation), so it works even before any script has loaded.
import { createAnalytics } from './create-analytics.js';
import { installWaymarkStub } from './install-waymark-stub.js';

installWaymarkStub(window);
createAnalytics(window).page('Login', { path: window.location.pathname });
