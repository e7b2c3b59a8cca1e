import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * The web app lives in src/web and is built into dist/web, which the server serves with an SPA
 * fallback. In development `npm run dev` proxies /api to the server on port 3000.
 */
export default defineConfig({
  root: fileURLToPath(new URL("./src/web", import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("./dist/web", import.meta.url)),
    emptyOutDir: true,
    // ECharts (~190 KB gzip) is its own chunk, loaded only on pages with charts; the default 500 KB
    // warning would flag it on every build.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      "/api": { target: "http://127.0.0.1:3000", changeOrigin: false },
    },
  },
});
