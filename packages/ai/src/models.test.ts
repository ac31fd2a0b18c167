// The model allowlist: one default in the EU, every entry complete, dated and sourced; lookups by id.
import { describe, expect, it } from 'vitest';
import {
  ALLOWED_MODELS,
  allowedModel,
  DEFAULT_MODEL_ID,
  EU_REGIONS,
  ModelNotAllowedError,
  requireAllowedModel,
  staysInEu,
} from './models.js';

describe('model allowlist', () => {
  it('has the EU Claude Haiku 4.5 profile as default and an Amazon Nova EU profile, both staying in the EU', () => {
    // Act
    const defaultModel = requireAllowedModel(DEFAULT_MODEL_ID);
    const nova = ALLOWED_MODELS.filter((model) => model.provider === 'Amazon' && model.geography === 'eu');
    // Assess
    expect(ALLOWED_MODELS[0]).toBe(defaultModel);
    expect(defaultModel.modelIds).toEqual(['anthropic.claude-haiku-4-5-20251001-v1:0']);
    expect(staysInEu(defaultModel)).toBe(true);
    expect(nova.length).toBeGreaterThan(0);
    expect(nova.every(staysInEu)).toBe(true);
  });

  it('dates, sources and prices every entry; geographic profiles list their regions, all of them EU for eu.', () => {
    for (const model of ALLOWED_MODELS) {
      expect(model.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(model.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/bedrock\//);
      expect(model.pricePer1MInputUsd).toBeGreaterThan(0);
      expect(model.pricePer1MOutputUsd).toBeGreaterThan(model.pricePer1MInputUsd);
      expect(model.id.startsWith(`${model.geography}.`)).toBe(true);
      if (model.geography === 'eu') expect(model.regions.every((region) => EU_REGIONS.has(region))).toBe(true);
    }
    expect(new Set(ALLOWED_MODELS.map((model) => model.id)).size).toBe(ALLOWED_MODELS.length);
  });

  it('never counts a global profile as staying in the EU', () => {
    const global = ALLOWED_MODELS.find((model) => model.geography === 'global');
    expect(global && staysInEu(global)).toBe(false);
  });

  it('finds an entry by id, and refuses an id outside the list (the end-of-life Claude 3 Haiku)', () => {
    expect(allowedModel('eu.amazon.nova-micro-v1:0')?.provider).toBe('Amazon');
    expect(allowedModel('anthropic.claude-3-haiku-20240307-v1:0')).toBeUndefined();
    expect(() => requireAllowedModel('anthropic.claude-3-haiku-20240307-v1:0')).toThrow(ModelNotAllowedError);
  });
});
