import type { ImportTemplate, TemplateOptions } from './builtin-templates.js';
import type { ImportEntity } from './fields.js';
import type { Mapping } from './mapping.js';
import type { ImportFile, ImportRequest } from './pipeline.js';

export interface RequestInput extends TemplateOptions {
  readonly entity: ImportEntity;
  readonly files: readonly ImportFile[];
  readonly mapping?: Mapping;
  readonly template?: ImportTemplate;
  readonly dryRun?: boolean;
  readonly skipBadRows?: boolean;
}

export class TemplateEntityMismatch extends Error {}

/** A template gives the mapping and options; what the user states explicitly wins over it. */
export function buildImportRequest(input: RequestInput): ImportRequest {
  const { template, ...given } = input;
  if (template && template.entity !== input.entity)
    throw new TemplateEntityMismatch(
      `template ${template.name} imports ${template.entity}, not ${input.entity}`,
    );
  const defined = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
  return { ...template?.options, mapping: template?.mapping, ...defined } as ImportRequest;
}
