/**
 * Generates `schemas/generated/*.ts` (TypeScript types) from `schemas/json/*.json`, so types are
 * never written twice. With `--check` it regenerates in memory and fails when a committed file is stale.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { compile } from 'json-schema-to-typescript';

const schemasDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const jsonDir = path.join(schemasDir, 'json');
const outDir = path.join(schemasDir, 'generated');
const check = process.argv.includes('--check');

const banner = '/* Generated from schemas/json by `npm run schemas:generate`. Do not edit. */';

const files = (await readdir(jsonDir)).filter((f) => f.endsWith('.json')).sort();
const stale: string[] = [];
const indexLines: string[] = [];
for (const file of files) {
  const schema = JSON.parse(await readFile(path.join(jsonDir, file), 'utf8'));
  const ts = await compile(schema, schema.title, {
    bannerComment: banner,
    additionalProperties: false,
    unreachableDefinitions: true,
    style: { singleQuote: true, printWidth: 110, trailingComma: 'all' },
  });
  const outName = file.replace(/\.json$/, '.ts');
  indexLines.push(`export * from './${outName}';`);
  const outPath = path.join(outDir, outName);
  if (check) {
    const current = await readFile(outPath, 'utf8').catch(() => '');
    if (current !== ts) stale.push(outName);
  } else {
    await writeFile(outPath, ts);
  }
}
const index = `${banner}\n${indexLines.join('\n')}\n`;
if (check) {
  const current = await readFile(path.join(outDir, 'index.ts'), 'utf8').catch(() => '');
  if (current !== index) stale.push('index.ts');
  if (stale.length > 0) {
    console.error(
      `schemas/generated is stale (${stale.join(', ')}): run \`npm run schemas:generate\` and commit.`,
    );
    process.exit(1);
  }
  console.log(`schemas/generated is up to date (${files.length} schemas).`);
} else {
  await writeFile(path.join(outDir, 'index.ts'), index);
  console.log(`generated ${files.length} type files in schemas/generated`);
}
