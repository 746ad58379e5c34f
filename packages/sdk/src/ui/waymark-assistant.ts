import { assistantGlobal } from '../ui-host.js';
import { AssistantPanel } from './assistant-panel.js';

// Entry of the assistant chunk (dist/waymark-assistant.js), loaded by the UI chunk the first time
// the launcher's panel opens: defines the panel for the UI to render with its own Preact.
(window as unknown as Record<string, typeof AssistantPanel>)[assistantGlobal] = AssistantPanel;
