/**
 * The same content as an Astro Starlight docs site, for the benchmark's comparison: each
 * generated page becomes a Starlight Markdown page with the same title and paragraphs.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import matter from 'gray-matter';
import { listFiles } from './measure.ts';

/** Markdown-escapes a paragraph so Starlight renders it literally, as Readout does. */
function markdownText(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|!])/g, '\\$1');
}

/** Writes a Starlight project into `projectDir` from Readout's generated pages in `generatedDir`. */
export async function writeStarlightProject(generatedDir: string, projectDir: string): Promise<void> {
  await rm(projectDir, { recursive: true, force: true });
  const docs = join(projectDir, 'src/content/docs');
  for (const file of (await listFiles(generatedDir)).filter((f) => f.endsWith('.mdx'))) {
    const { data, content } = matter(await readFile(join(generatedDir, file), 'utf8'));
    const paragraphs = [...content.matchAll(/ text=\{("(?:[^"\\]|\\.)*")\} \/>/g)].map((m) => markdownText(JSON.parse(m[1]!) as string));
    const target = join(docs, file.replace(/\.mdx$/, '.md'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, matter.stringify(paragraphs.join('\n\n') + '\n', { title: data['title'] as string, description: (data['statement'] ?? data['title']) as string }));
  }
  await writeFile(
    join(projectDir, 'astro.config.mjs'),
    `import starlight from '@astrojs/starlight';\nimport { defineConfig } from 'astro/config';\nexport default defineConfig({ site: 'https://readout.example.org', integrations: [starlight({ title: 'Readout benchmark' })] });\n`,
  );
  await writeFile(
    join(projectDir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n`,
  );
}
