import {
  PRESET_ABC,
  PRESET_COMPOSITE_QUOTAS,
  PRESET_KEY_ACCOUNT_THRESHOLDS,
  PRESET_LIFECYCLE,
  PRESET_MATRIX,
  PRESET_PROSPECT,
  PRESET_REFERRAL_VALUE,
  PRESET_RFM,
  PRESET_VALUE_CLASSES,
  type Model,
} from '../../engine/index.js';
import type { Db } from '../audit/audit.repository.js';
import { insertModel, insertModelVersion } from './model.repository.js';

export interface PresetModel {
  readonly key: string;
  readonly active: boolean;
  readonly definition: Model;
}

/** Stored without the engine's own id and version: the database numbers models and their versions. */
const stored = (model: Model): Model => {
  const { id: _id, version: _version, ...definition } = model;
  return definition as Model;
};

/** The presets migration 005 installs; later ones arrive by their own migrations. */
export function presetModels(): PresetModel[] {
  return [
    { key: 'composite', active: true, definition: stored(PRESET_COMPOSITE_QUOTAS) },
    { key: 'prospect', active: true, definition: stored(PRESET_PROSPECT) },
    { key: 'rfm', active: true, definition: stored(PRESET_RFM) },
    { key: 'abc', active: true, definition: stored(PRESET_ABC) },
    { key: 'matrix', active: false, definition: stored(PRESET_MATRIX) },
    { key: 'value-classes', active: false, definition: stored(PRESET_VALUE_CLASSES) },
    { key: 'lifecycle', active: false, definition: stored(PRESET_LIFECYCLE) },
    { key: 'key-accounts', active: false, definition: stored(PRESET_KEY_ACCOUNT_THRESHOLDS) },
  ];
}

/** Migration 031's preset. */
export const referralValuePreset = (): PresetModel => ({
  key: 'referral-value',
  active: false,
  definition: stored(PRESET_REFERRAL_VALUE),
});

/** A preset as version 1 of a model of its own; an active one runs monthly (02:00 on the 1st). */
export async function installPreset(db: Db, preset: PresetModel): Promise<void> {
  const model = await insertModel(db, {
    key: preset.key,
    nameZh: preset.definition.name['zh-CN'],
    nameEn: preset.definition.name['en-US'],
    active: preset.active,
    schedule: preset.active ? '0 2 1 * *' : null,
  });
  await insertModelVersion(db, {
    modelId: model.id,
    version: 1,
    definition: preset.definition,
    note: 'preset',
    createdBy: null,
  });
}
