// Prints each Lambda function's minified bundle size from the esbuild metafiles of the last `npm run synth` (cdk.out).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { bundleExtrasDir } from '../infra/constructs/service-function.js';
import { deployedFunctions, readCloudAssembly } from '../test/bundles/support/cloud-assembly.js';

const outdir = process.argv[2] ?? 'cdk.out';

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
  /** date-holidays is in the bundle (issue 17: only the functions that materialise holidays may carry it). */
  carriesDateHolidays: boolean;
  /** What the bundle would weigh with the AWS SDK taken from the Lambda runtime (projected: its packages left out). */
  withoutAwsSdkBytes: number;
}

/** The packages the Lambda runtime's AWS SDK v3 provides. */
const awsSdkPackage = /^@(?:aws-sdk|smithy|aws-crypto)\//;

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
  return {
    function: name,
    bytes: output[1].bytes,
    top: top.slice(0, 3),
    carriesDateHolidays: byPackage.has('date-holidays'),
    withoutAwsSdkBytes:
      output[1].bytes -
      top.filter((part) => awsSdkPackage.test(part.source)).reduce((sum, part) => sum + part.bytes, 0),
  };
};

/**
 * Every bundled function of the cloud assembly. The metafile is read beside cdk.out, where the synth keeps it
 * since issue 17 (build/bundles/<construct path>/), or from the asset folder of an older synth.
 */
export const bundleSizes = (dir: string): BundleSize[] => {
  const assembly = readCloudAssembly(dir);
  return deployedFunctions(assembly)
    .flatMap((fn) => {
      const metafile = [bundleExtrasDir(assembly.outdir, fn.constructPath), fn.assetDir ?? '']
        .map((folder) => join(folder, 'index.meta.json'))
        .find(existsSync);
      return metafile ? [sizeOf(fn.name, metafile)] : [];
    })
    .sort((a, b) => b.bytes - a.bytes);
};

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(outdir)) throw new Error(`${outdir} not found: run \`npm run synth\` first`);
  const sizes = bundleSizes(outdir);
  if (sizes.length === 0) throw new Error(`no bundled functions with metafiles in ${outdir} (was bundling skipped?)`);
  console.log('| function | minified | AWS SDK from the runtime (projected) | largest parts |');
  console.log('| --- | ---: | ---: | --- |');
  for (const size of sizes) {
    console.log(
      `| ${size.function} | ${kb(size.bytes)} | ${kb(size.withoutAwsSdkBytes)} | ${size.top.map((t) => `${t.source} ${kb(t.bytes)}`).join(', ')} |`,
    );
  }
}
