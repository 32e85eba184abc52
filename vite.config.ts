import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dev server forwards API calls so the browser sees one origin, as in production
// where the server serves dist/web itself (cookies and CSP depend on that).
const apiTarget = process.env.RABITA_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: '.',
  plugins: [react()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than our code: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'mantine', test: /node_modules[\\/]@mantine/ },
            { name: 'icons', test: /node_modules[\\/]@tabler/ },
            { name: 'vendor', test: /node_modules/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/healthz': apiTarget,
      '/readyz': apiTarget,
    },
  },
});
