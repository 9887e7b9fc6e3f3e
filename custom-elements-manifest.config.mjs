import { readFileSync } from 'node:fs';

// `npm run analyze`: writes custom-elements.json, the manifest that documents every element of the lab
// (attributes, properties, events, parts, custom properties) from the JSDoc in src/ui. A unit test fails
// when the committed manifest no longer matches the code.

/** The theme's custom properties, from the table in src/ui/shared/theme.ts: every element takes them all. */
const themeProperties = [
  ...readFileSync('src/ui/shared/theme.ts', 'utf8').matchAll(/^ \* \| `(--pl-[a-z-]+)` +\| (.+?) +\|$/gm),
].map(([, name, description]) => ({ name, description }));

/** The lab registers its elements with `define('tag', Class)` (src/ui/define.ts): read those as definitions. */
function defineCalls() {
  return {
    name: 'parallel-lab-define',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'define') return;
      const [tag, element] = node.arguments;
      if (!tag || !element || !ts.isStringLiteral(tag)) return;
      const name = element.getText();
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        { kind: 'custom-element-definition', name: tag.text, declaration: { name, module: moduleDoc.path } },
      ];
      const declaration = moduleDoc.declarations?.find((d) => d.name === name);
      if (declaration) Object.assign(declaration, { tagName: tag.text, customElement: true });
    },
    packageLinkPhase({ customElementsManifest }) {
      // Internal state (Lit's `state: true`, private fields) is no attribute a page can set.
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          const hidden = new Set(
            (declaration.members ?? []).filter((m) => m.privacy === 'private' || m.privacy === 'protected').map((m) => m.name),
          );
          if (declaration.attributes) declaration.attributes = declaration.attributes.filter((a) => !hidden.has(a.fieldName));
          if (declaration.customElement) {
            const own = (declaration.cssProperties ?? []).filter(
              (p) => !p.name.includes('*') && !themeProperties.some((t) => t.name === p.name),
            );
            declaration.cssProperties = [...own, ...themeProperties];
          }
        }
      }
    },
  };
}

export default {
  globs: ['src/ui/**/*.ts'],
  exclude: ['src/ui/**/*-copy.ts', 'src/ui/**/*-code.ts'],
  outdir: '.',
  litelement: true,
  // package.json names the manifest itself ("customElements").
  packagejson: false,
  plugins: [defineCalls()],
};
