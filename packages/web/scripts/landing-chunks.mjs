/**
 * Issue 14, first load: each opening page's code travels in one file instead of 15–40 small ones.
 * A phone's HTTP/1.1 has six connections, so 40 files wait their turn in about seven round trips;
 * one file waits for one. Lighthouse's mobile /customers went from 0.81 to 0.93 with this
 * (docs/performance.md, "First load, third pass").
 *
 * Which modules a page needs is known only after tree-shaking (the module graph reaches all of
 * Fluent through its barrel files), so the build runs twice. The first pass
 * (`LANDING_CHUNKS_SURVEY=1`) writes, for each group below, the modules of the chunks its roots
 * load (statically) that neither the entry nor an earlier group loads. The second pass puts each
 * group's modules into one chunk named after it. A later page that shares a module imports it
 * from that chunk: every signed-in page passes through the shell, every customer tab through the
 * customer's page, so the file is already there.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** In load order: Sign in's code, then what every signed-in page needs, then a customer's page. */
export const LANDING_CHUNKS = [
  { name: 'sign-in', roots: ['src/features/auth/SignIn.tsx'] },
  {
    name: 'signed-in',
    roots: [
      'src/app/SignedIn.tsx',
      'src/app/AppShell.tsx',
      'src/features/customers/CustomersList.tsx',
    ],
  },
  {
    name: 'customer',
    roots: ['src/features/customers/CustomerPage.tsx', 'src/features/software/SoftwareList.tsx'],
  },
];

/** The landing chunk a source root travels in, if any. */
export function landingChunkOf(source) {
  return LANDING_CHUNKS.find((group) => group.roots.includes(source))?.name;
}

/** The survey pass: a plugin that writes `{ [group]: moduleIds }` to `out`. */
export function surveyLandingChunks(webRoot, out) {
  return {
    name: 'csp:survey-landing-chunks',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
      const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const closure = (starts) => {
        const seen = new Set();
        const stack = [...starts];
        while (stack.length > 0) {
          const chunk = stack.pop();
          if (seen.has(chunk)) continue;
          seen.add(chunk);
          for (const file of chunk.imports) stack.push(byFile.get(file));
        }
        return seen;
      };
      const loaded = closure(chunks.filter((chunk) => chunk.isEntry));
      const survey = {};
      for (const group of LANDING_CHUNKS) {
        const roots = new Set(group.roots.map((file) => path.resolve(webRoot, file)));
        const facades = chunks.filter((chunk) => roots.has(chunk.facadeModuleId));
        if (facades.length !== roots.size) {
          throw new Error(`landing chunks: a root of ${group.name} is not a chunk of its own`);
        }
        const mine = [...closure(facades)].filter((chunk) => !loaded.has(chunk));
        // Re-exporting files (barrels) render no code; grouping them would only add imports.
        survey[group.name] = mine.flatMap((chunk) =>
          Object.entries(chunk.modules)
            .filter(([, module]) => module.renderedLength > 0)
            .map(([id]) => id),
        );
        for (const chunk of mine) loaded.add(chunk);
      }
      writeFileSync(out, JSON.stringify(survey, null, 1));
    },
  };
}

/** The grouping pass: one chunk per surveyed group (none without a survey). */
export function landingChunkGroups(surveyFile) {
  const survey = existsSync(surveyFile) ? JSON.parse(readFileSync(surveyFile, 'utf8')) : {};
  return LANDING_CHUNKS.map((group, index) => {
    const members = new Set(survey[group.name] ?? []);
    return {
      name: group.name,
      test: (id) => members.has(id),
      priority: LANDING_CHUNKS.length - index,
      // Only the surveyed modules: their dependencies belong to the entry or an earlier group.
      includeDependenciesRecursively: false,
    };
  });
}
