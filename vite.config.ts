import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The production bundle is built from index.html only: the emulator (emulator/) and the local
// Teams host page (host-sim/) are never part of it (tests/build checks the built files).
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    sourcemap: true,
    rollupOptions: { input: { main: 'index.html' } },
  },
  server: { strictPort: true },
});
