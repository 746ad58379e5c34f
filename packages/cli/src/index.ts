export { runWaymark, type Output } from './run-waymark.js';
export { loadConfigFile } from './load-config-file.js';
