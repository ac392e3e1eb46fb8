// Bundles the viewer into dist/ (embedded into the assembly by the csproj).
// Pre-compressed copies are written too so the server never compresses per request.
import { build } from 'esbuild';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const outdir = process.argv[2] ?? 'dist';
rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: { viewer: 'src/index.ts' },
  bundle: true,
  format: 'esm',
  target: ['es2022'],
  minify: true,
  legalComments: 'eof',
  outdir,
  logLevel: 'warning',
});

for (const file of ['viewer.js', 'viewer.css']) {
  const bytes = readFileSync(`${outdir}/${file}`);
  writeFileSync(`${outdir}/${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(`${outdir}/${file}.gz`, gzipSync(bytes, { level: 9 }));
}
