import { render } from 'preact';
import { App } from './app.js';

// The entry: index.html has one empty <div id="app"> and loads this file (no inline script).
const root = document.getElementById('app');
if (root) render(<App />, root);
