import type { Plugin, UserConfigFn } from 'vite';
import { overrideVaadinConfig } from './vite.generated';

/**
 * Vaadin's client loads its start-up modules one after the other: the bootstrap, then the components, then the
 * client engine, each requested only once the one before has run. Preload hints in the page let the browser
 * fetch all three while it parses the page, so a first visit (empty cache) waits for one round trip, not three.
 * Only the chunks of this build are named (their hashed file names), so the hints never point at an old file.
 */
const preloadFlowStartup = (): Plugin => ({
  name: 'mnistlab:preload-flow-startup',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(_html, ctx) {
      const startup = /(^|\/)(FlowBootstrap|generated-flow-imports|FlowClient)-[^/]*\.js$/;
      return Object.values(ctx.bundle ?? {})
        .filter((chunk) => chunk.type === 'chunk' && startup.test(chunk.fileName))
        .map((chunk) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: '', href: `./${chunk.fileName}` },
          injectTo: 'head' as const
        }));
    }
  }
});

const customConfig: UserConfigFn = () => ({
  plugins: [preloadFlowStartup()]
});

export default overrideVaadinConfig(customConfig);
