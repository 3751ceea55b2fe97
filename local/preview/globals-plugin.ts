// Bundles the card the way HubSpot's card build does: react, react-dom and
// @remote-ui/react are not bundled but read from globals the host sets first.
// A card carrying its own React copy breaks hooks ("reading 'useContext'").
import type { Plugin } from 'esbuild';

const SHIMS: Record<string, string> = {
  react: 'module.exports = self.React;',
  'react-dom': 'module.exports = self.ReactDOM;',
  '@remote-ui/react': 'module.exports = self.RemoteUI;',
  // The automatic JSX runtime expressed with the shared React's createElement.
  'react/jsx-runtime': [
    'const React = self.React;',
    'const jsx = (type, props, key) => React.createElement(type, key === undefined ? props : { ...props, key });',
    'module.exports = { jsx, jsxs: jsx, jsxDEV: jsx, Fragment: React.Fragment };',
  ].join('\n'),
};
SHIMS['react/jsx-dev-runtime'] = SHIMS['react/jsx-runtime'] ?? '';

export const EXTERNAL_GLOBALS = Object.keys(SHIMS);

export function hostGlobalsPlugin(): Plugin {
  const filter = new RegExp(`^(${EXTERNAL_GLOBALS.map((name) => name.replace(/[/]/g, '\\/')).join('|')})$`);
  return {
    name: 'host-globals',
    setup(build) {
      build.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'host-global' }));
      build.onLoad({ filter: /.*/, namespace: 'host-global' }, (args) => ({ contents: SHIMS[args.path] ?? '', loader: 'js' }));
    },
  };
}
