import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { z } from 'zod';
import { type ImportResult, runImport } from '../ingest/index.ts';
import { datasetName, ValidationError } from '../model/index.ts';
import type { Store } from '../store/index.ts';

/**
 * A workspace: a folder with a `workspace.json` manifest naming the files to import, in
 * order, each with its format and dataset. The example workspace is one; an analyst's case
 * folder can be another.
 */
const Manifest = z.object({
  title: z.string(),
  description: z.string().optional(),
  imports: z
    .array(
      z.object({
        dataset: z.string(),
        format: z.string(),
        paths: z.array(z.string()).min(1),
        title: z.string(),
        publisher: z.string().optional(),
        url: z.string().optional(),
        licence: z.string().optional(),
      }),
    )
    .min(1),
});
export type WorkspaceManifest = z.infer<typeof Manifest>;

export async function readWorkspace(dir: string): Promise<WorkspaceManifest> {
  const file = join(dir, 'workspace.json');
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new ValidationError('invalid_value', `cannot read ${file}: ${err.code ?? err.message}`);
  });
  const parsed = Manifest.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ValidationError(
      'invalid_value',
      `${file}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}

/** Imports every file of the workspace into `store`, in manifest order. */
export async function loadWorkspace(
  store: Store,
  dir: string,
  opts: { rejectDir: string; onImport?: (r: ImportResult) => void },
): Promise<ImportResult[]> {
  const manifest = await readWorkspace(dir);
  const results: ImportResult[] = [];
  for (const imp of manifest.imports) {
    const r = await runImport(store, {
      format: imp.format,
      // Provenance names files as the user would type them: relative to the working directory.
      paths: imp.paths.map((p) => relative(process.cwd(), resolve(dir, p)) || '.'),
      dataset: imp.dataset,
      rejectDir: opts.rejectDir,
    });
    // The manifest knows better than the format's defaults what this dataset is.
    const name = datasetName(imp.dataset);
    const current = await store.getDataset(name);
    await store.upsertDataset({
      name,
      title: imp.title,
      publisher: imp.publisher ?? current?.publisher ?? null,
      url: imp.url ?? current?.url ?? null,
      licence: imp.licence ?? current?.licence ?? null,
      publishedAt: current?.publishedAt ?? null,
      version: current?.version ?? null,
    });
    results.push(r);
    opts.onImport?.(r);
  }
  return results;
}

/** The bundled example workspace. */
export const EXAMPLE_WORKSPACE = resolve(
  dirname(new URL(import.meta.url).pathname),
  '..',
  '..',
  'examples',
  'workspace',
);
