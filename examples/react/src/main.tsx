import { WaymarkProvider } from '@waymark/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';

const api = import.meta.env['VITE_WAYMARK_API'] ?? 'http://localhost:8787';
const key = import.meta.env['VITE_WAYMARK_KEY'] ?? '';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <WaymarkProvider options={{ key, api }}>
      <App />
    </WaymarkProvider>
  </StrictMode>,
);
