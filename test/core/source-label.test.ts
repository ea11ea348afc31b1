import { describe, expect, it } from 'vitest';
import type { GlossaryEntry } from '../../src/content/schemas.ts';
import { renderGlossaryEntry } from '../../src/core/glossary-render.ts';
import { translator } from '../../src/core/i18n.ts';
import { parseSource, renderSource } from '../../src/core/source-label.ts';

const materials = {
  '001_1bcf1295be94a6cc.txt': 'Material da Aula 2 — Guia completo de MLOps',
  '003_6284a55e34df5567.txt': 'Material da Aula 3 — Cultura e práticas DataOps e MLOps',
};
const pt = translator('pt-BR');
const en = translator('en');

describe('parseSource', () => {
  it('splits files, continued sections and general knowledge, keeping semicolons inside a description', () => {
    expect(
      parseSource(
        '001_1bcf1295be94a6cc.txt § Glossário; § Gabarito (5); general: deploy canário; shadow; 003_6284a55e34df5567.txt',
      ),
    ).toEqual([
      { kind: 'material', file: '001_1bcf1295be94a6cc.txt', section: 'Glossário' },
      { kind: 'material', file: '001_1bcf1295be94a6cc.txt', section: 'Gabarito (5)' },
      { kind: 'general', note: 'deploy canário; shadow' },
      { kind: 'material', file: '003_6284a55e34df5567.txt' },
    ]);
  });

  it('reports text that names neither a file nor general knowledge', () => {
    expect(parseSource('Slides da professora')).toEqual([{ kind: 'other', text: 'Slides da professora' }]);
  });
});

describe('renderSource', () => {
  it('shows the material title instead of the file name, with the section', () => {
    expect(renderSource('001_1bcf1295be94a6cc.txt § Glossário de Termos-Chave', materials, pt)).toBe(
      'Material da Aula 2 — Guia completo de MLOps § Glossário de Termos-Chave',
    );
  });

  it('names a material once for consecutive sections and again when another comes between', () => {
    expect(
      renderSource(
        '003_6284a55e34df5567.txt § Princípios de DevOps; § Princípios de MLOps; 001_1bcf1295be94a6cc.txt § II; 003_6284a55e34df5567.txt § Tipos de Drift',
        materials,
        pt,
      ),
    ).toBe(
      'Material da Aula 3 — Cultura e práticas DataOps e MLOps § Princípios de DevOps; § Princípios de MLOps; ' +
        'Material da Aula 2 — Guia completo de MLOps § II; Material da Aula 3 — Cultura e práticas DataOps e MLOps § Tipos de Drift',
    );
  });

  it('shows general knowledge as a localised label, once', () => {
    expect(renderSource('general: conhecimento geral de MLOps (deploy canário)', materials, pt)).toBe(
      'Conhecimento geral de MLOps (além do material do curso)',
    );
    expect(
      renderSource('001_1bcf1295be94a6cc.txt § II; general: shadow; general: canário', materials, en),
    ).toBe(
      'Material da Aula 2 — Guia completo de MLOps § II; General MLOps knowledge (beyond the course material)',
    );
  });

  it('never shows the file name of a material without a title', () => {
    const shown = renderSource('004_cd6f5de89e7adce4.txt § Big Data x Small Data', materials, pt);
    expect(shown).toBe('Material do curso § Big Data x Small Data');
    expect(shown).not.toContain('.txt');
  });
});

describe('glossary entry footer', () => {
  const entry: GlossaryEntry = {
    id: 'feature-store',
    term: 'Feature Store',
    aliases: { pt: [], en: [] },
    definition: 'Repositório centralizado de features.',
    related: [],
    lessons: [2],
    source: '001_1bcf1295be94a6cc.txt § Glossário de Termos-Chave; § Gabarito do Questionário (5)',
  };

  it('cites the material by title, never by file name', () => {
    const footer = renderGlossaryEntry(entry, [entry], pt, materials).footer;
    expect(footer).toBe(
      'Fonte: Material da Aula 2 — Guia completo de MLOps § Glossário de Termos-Chave; § Gabarito do Questionário (5)',
    );
  });

  it('labels general knowledge in the reader’s language', () => {
    const general = { ...entry, source: 'general: conhecimento geral de MLOps (serverless)' };
    expect(renderGlossaryEntry(general, [general], en, materials).footer).toBe(
      'Source: General MLOps knowledge (beyond the course material)',
    );
  });
});
