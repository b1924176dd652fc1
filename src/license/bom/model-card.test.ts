import { describe, expect, it } from 'vitest';
import { toModelCard } from './model-card.js';

describe('toModelCard', () => {
  it('maps task, datasets, input/output kinds, metrics and hub fields', () => {
    const card = toModelCard({
      pipeline_tag: 'automatic-speech-recognition',
      datasets: 'org/voices',
      language: ['en', 'de'],
      tags: ['audio'],
      'model-index': [{ name: 'x', results: [{ dataset: { type: 'librispeech' }, metrics: [{ name: 'WER', value: 4.2 }, { type: 'cer' }] }] }],
      unrelated: { nested: true },
    });
    expect(card).toEqual({
      modelParameters: { task: 'automatic-speech-recognition', datasets: [{ type: 'dataset', name: 'org/voices' }], inputs: [{ format: 'audio' }], outputs: [{ format: 'text' }] },
      quantitativeAnalysis: { performanceMetrics: [{ type: 'WER', value: '4.2', slice: 'librispeech' }] },
      properties: [
        { name: 'huggingface:language', value: 'en' },
        { name: 'huggingface:language', value: 'de' },
        { name: 'huggingface:tags', value: 'audio' },
        { name: 'huggingface:datasets', value: 'org/voices' },
      ],
    });
  });

  it('is undefined for a card with nothing to map', () => {
    expect(toModelCard({})).toBeUndefined();
    expect(toModelCard({ 'model-index': 'broken', pipeline_tag: 3 })).toBeUndefined();
  });
});
