import { defineConfig } from 'vite';

// The collector and the app's public key come from VITE_WAYMARK_API and VITE_WAYMARK_KEY.
export default defineConfig({
  resolve: { dedupe: ['react', 'react-dom'] },
  build: { outDir: 'dist', emptyOutDir: true },
});
