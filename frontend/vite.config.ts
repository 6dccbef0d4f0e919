import { defineConfig } from 'vitest/config';

// Preact JSX through Vite's built-in esbuild: no framework plugin.
// base './' so the same dist works from the Wails asset server and from
// `edgeplay serve --ui` under any path.
export default defineConfig({
  base: './',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020', // WebKitGTK 2.36+ (Debian bookworm) and current Chromium
    assetsInlineLimit: 0,
    reportCompressedSize: true,
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
