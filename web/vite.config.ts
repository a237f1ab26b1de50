import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * The front end: root web/, output web/dist (served by the Fastify server at /).
 * Pages are lazy (React.lazy in routes.tsx); libraries are split into stable chunks so that no
 * single file approaches 2 MB and a change in app code does not invalidate the cached libraries.
 * Vite 8 bundles with Rolldown, whose `output.codeSplitting.groups` replaces Rollup's
 * `manualChunks` (still accepted but deprecated).
 */
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/, priority: 40 },
            // Charts and schemas only where they are used (analytics; forms), not in every page's first load.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 35 },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 35 },
            { name: 'antd-icons', test: /node_modules[\\/]@ant-design[\\/]icons(-svg)?[\\/]/, priority: 30 },
            { name: 'antd', test: /node_modules[\\/]antd[\\/]/, priority: 20 },
            // antd's building blocks (rc-components, css-in-js, colours), about as large as antd itself; the higher priority
            // lets this group claim them before the antd group pulls them in as dependencies.
            {
              name: 'antd-base',
              test: /node_modules[\\/](@ant-design|@rc-component|rc-[\w-]+|@emotion|stylis|classnames|compute-scroll-into-view|scroll-into-view-if-needed|throttle-debounce|json2mq|copy-to-clipboard|toggle-selection)[\\/]/,
              priority: 25,
            },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
    // The shared domain/ code (code lists, password policy, roles) lives outside web/.
    fs: { allow: [repoRoot] },
  },
});
