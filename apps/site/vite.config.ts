import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The client build of the public sites: the stylesheet every page inlines, and the script of the
 * interactive islands (only pages that have one load it). Hashed names, listed in a manifest the
 * server reads at start; served under /_assets/ with immutable caching.
 */
export default defineConfig({
  plugins: [react()],
  base: '/_assets/',
  publicDir: false,
  build: {
    outDir: 'dist/client',
    assetsDir: '',
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    cssMinify: true,
    rollupOptions: {
      input: {
        site: 'src/styles/site.css',
        islands: 'src/client/islands.tsx',
      },
    },
  },
});
