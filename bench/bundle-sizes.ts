// Prints each Lambda function's minified bundle size from the esbuild metafiles of the last `cdk synth` (cdk.out).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';

const outdir = process.argv[2] ?? 'cdk.out';

const templateSchema = z.object({
  Resources: z.record(
    z.string(),
    z.object({
      Type: z.string(),
      Metadata: z.object({ 'aws:cdk:path': z.string(), 'aws:asset:path': z.string().optional() }).partial().optional(),
    }),
  ),
});

/** The part of an esbuild metafile we read: output bytes and what each input contributed to them. */
const metafileSchema = z.object({
  outputs: z.record(
    z.string(),
    z.object({ bytes: z.number(), inputs: z.record(z.string(), z.object({ bytesInOutput: z.number() })) }),
  ),
});

export interface BundleSize {
  function: string;
  bytes: number;
  /** Largest contributors by package (node_modules/<pkg>) or `(own code)`. */
  top: { source: string; bytes: number }[];
}

const packageOf = (input: string): string => {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return match?.[1] ?? '(own code)';
};

const sizeOf = (name: string, metafilePath: string): BundleSize => {
  const meta = metafileSchema.parse(JSON.parse(readFileSync(metafilePath, 'utf8')));
  const [output] = Object.entries(meta.outputs).filter(([file]) => file.endsWith('.mjs') || file.endsWith('.js'));
  if (!output) throw new Error(`no JavaScript output in ${metafilePath}`);
  const byPackage = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output[1].inputs)) {
    byPackage.set(packageOf(input), (byPackage.get(packageOf(input)) ?? 0) + bytesInOutput);
  }
  const top = [...byPackage].map(([source, bytes]) => ({ source, bytes })).sort((a, b) => b.bytes - a.bytes);
  return { function: name, bytes: output[1].bytes, top: top.slice(0, 3) };
};

/** Every bundled function of every stack template in the cloud assembly. */
export const bundleSizes = (dir: string): BundleSize[] =>
  readdirSync(dir)
    .filter((file) => file.endsWith('.template.json'))
    .flatMap((file) => Object.values(templateSchema.parse(JSON.parse(readFileSync(join(dir, file), 'utf8'))).Resources))
    .flatMap((resource) => {
      const asset = resource.Metadata?.['aws:asset:path'];
      const path = resource.Metadata?.['aws:cdk:path'];
      if (resource.Type !== 'AWS::Lambda::Function' || !asset || !path) return [];
      const metafile = join(dir, asset, 'index.meta.json');
      return existsSync(metafile) ? [sizeOf(path.replace(/\/(Handler\/)?Function\/Resource$/, ''), metafile)] : [];
    })
    .sort((a, b) => b.bytes - a.bytes);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(outdir)) throw new Error(`${outdir} not found: run \`npm run synth\` first`);
  const sizes = bundleSizes(outdir);
  if (sizes.length === 0) throw new Error(`no bundled functions with metafiles in ${outdir} (was bundling skipped?)`);
  console.log('| function | minified | largest parts |');
  console.log('| --- | ---: | --- |');
  for (const size of sizes) {
    console.log(
      `| ${size.function} | ${kb(size.bytes)} | ${size.top.map((t) => `${t.source} ${kb(t.bytes)}`).join(', ')} |`,
    );
  }
}
