import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The admin is served under /admin by the API (embedded mode) or from any static host (CDN).
 * ADMIN_BASE_PATH changes the path it lives under; VITE_API_BASE_URL points it at an API on
 * another origin (default: the same origin).
 */
const base = process.env.ADMIN_BASE_PATH ?? '/admin/';

export default defineConfig({
  base,
  plugins: [react(), tailwindcss()],
  build: {
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    // Read by scripts/bundle-size.mjs to tell the first load from the lazy chunks.
    manifest: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Named vendor chunks: libraries change less often than our code, so browsers keep them
        // cached across deployments — and libraries used only by lazy screens (forms, editor,
        // drag and drop) stay out of the first load instead of being merged into a shared chunk.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
            { name: 'router', test: /node_modules[\\/]react-router[\\/]/, priority: 20 },
            { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/, priority: 20 },
            { name: 'i18next', test: /node_modules[\\/](i18next|react-i18next)[\\/]/, priority: 20 },
            {
              name: 'contract',
              test: /node_modules[\\/]zod[\\/]|packages[\\/](schema|sdk)[\\/]/,
              priority: 20,
            },
            { name: 'forms', test: /node_modules[\\/]react-hook-form[\\/]/, priority: 20 },
            { name: 'dnd', test: /node_modules[\\/]@dnd-kit[\\/]/, priority: 20 },
            {
              name: 'editor',
              test: /node_modules[\\/](@tiptap|prosemirror-[a-z-]+|orderedmap|rope-sequence|w3c-keyname|linkifyjs)[\\/]/,
              priority: 20,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': process.env.SWIGS_API_URL ?? 'http://127.0.0.1:3000',
      '/uploads': process.env.SWIGS_API_URL ?? 'http://127.0.0.1:3000',
    },
  },
});
