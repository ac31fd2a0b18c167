// Decodes positions in a minified bundle (`index.mjs:LINE:COLUMN`) with the source map the synth kept beside cdk.out.
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';

/** Rewrites every `index.mjs:L:C` in `text` to the original file and line; unknown positions stay as they are. */
export const decodeBundlePositions = (text: string, mapFile: string): string => {
  if (!existsSync(mapFile)) return text;
  const map = new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')));
  return text.replace(/[^\s(]*index\.mjs:(\d+):(\d+)/g, (whole, line: string, column: string) => {
    const entry = map.findEntry(Number(line) - 1, Number(column) - 1);
    if (!('originalSource' in entry)) return whole;
    // esbuild's sources are relative to the bundle's first home: keep the repository-relative part.
    const source = entry.originalSource.replace(/^.*?(?=(node_modules|packages|functions)\/)/, '');
    return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
};
