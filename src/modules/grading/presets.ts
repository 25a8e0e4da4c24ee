import {
  PRESET_ABC,
  PRESET_COMPOSITE_QUOTAS,
  PRESET_KEY_ACCOUNT_THRESHOLDS,
  PRESET_LIFECYCLE,
  PRESET_MATRIX,
  PRESET_PROSPECT,
  PRESET_RFM,
  PRESET_VALUE_CLASSES,
  type Model,
} from '../../engine/index.js';

export interface PresetModel {
  readonly key: string;
  readonly active: boolean;
  readonly definition: Model;
}

/** Stored without the engine's own id and version: the database numbers models and their versions. */
export const stored = (model: Model): Model => {
  const { id: _id, version: _version, ...definition } = model;
  return definition as Model;
};

/** The presets migration 005 installs; later ones arrive by their own migrations (031: referral value). */
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
