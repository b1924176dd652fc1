import { describe, expect, it } from 'vitest';
import { resolveCandidates, scoreCatalog } from './catalog-match.js';
import { makeDoc } from './doc.js';
import { identifyText } from './text-identify.js';

// Short wordings written for these tests; each states the facts that tell neighbours apart.
const llama = (v: string, extra = '') =>
  `LLAMA ${v} COMMUNITY LICENSE AGREEMENT\nMeta Platforms grants a license to the Llama Materials. Display "Built with Llama". ` +
  `Additional Commercial Terms apply above 700 million monthly active users. ${extra}`;

const qwen = (research: boolean) =>
  `Qwen ${research ? 'RESEARCH ' : ''}LICENSE AGREEMENT\nAlibaba Cloud grants a license to the Qwen Materials` +
  (research
    ? ' for non-commercial purposes only; "Non-Commercial" means research or evaluation purposes only.'
    : '. Commercial use above 100 million monthly active users requires a license from Alibaba Cloud.') +
  ' Say "Built with Qwen" for models improved with them. People\'s Courts in Hangzhou decide disputes.';

describe('catalog matching by facts', () => {
  it('tells Llama 3.1 from 3.2 by the version the text states', () => {
    expect(identifyText(llama('3.1')).id).toBe('llama-3.1');
    expect(identifyText(llama('3.2', 'The multimodal models are not licensed in the European Union.')).id).toBe('llama-3.2');
    const [top, second] = scoreCatalog(makeDoc(llama('3.2')));
    expect(top?.entry.id).toBe('llama-3.2');
    expect(second?.versionState).toBe('other');
  });

  it('tells the Qwen License from the Qwen Research License', () => {
    expect(identifyText(qwen(false)).id).toBe('qwen');
    expect(identifyText(qwen(true)).id).toBe('qwen-research');
    // Without its title the research text is still research: the non-commercial grant decides.
    expect(identifyText(qwen(true).replace('Qwen RESEARCH LICENSE AGREEMENT', 'Terms')).id).toBe('qwen-research');
  });

  it('recognises an unseen version as the family, with low confidence, not as a neighbour', () => {
    const m = identifyText(llama('3.4'));
    expect(m.entry?.family).toBe('llama');
    expect(m.unseenVersion).toBe('3.4');
    expect(m.id).toBe('llama-3.3');
    expect(m.confidence).toBeLessThanOrEqual(0.6);
    expect(identifyText(llama('7')).id).toBe('llama-4');
  });

  it('picks the nearest known version for an unseen one', () => {
    const resolved = resolveCandidates(scoreCatalog(makeDoc(llama('2.5'))));
    expect(resolved?.unseenVersion).toBe('2.5');
    expect(['llama-2', 'llama-3']).toContain(resolved?.candidate.entry.id);
  });

  it('marks text that fits several versions equally as ambiguous', () => {
    const m = identifyText('Meta Platforms licenses the Llama Materials. Show "Built with Llama". Additional Commercial Terms above 700 million monthly active users.');
    expect(m.entry?.family).toBe('llama');
    expect(m.ambiguousWith?.length).toBeGreaterThan(0);
    expect(m.confidence).toBeLessThanOrEqual(0.65);
  });

  it('prefers a model license over the SPDX text it extends (Modified MIT)', () => {
    const kimi = 'Modified MIT License\nCopyright (c) 2025 Moonshot AI\nPermission is hereby granted, free of charge. Our only modification: products above 100 million monthly active users or 20 million US dollars monthly revenue display "Kimi K2" on the user interface.';
    expect(identifyText(kimi).id).toBe('kimi-modified-mit');
  });

  it('halves the score of an entry whose excluded facts appear', () => {
    const scores = new Map(scoreCatalog(makeDoc(qwen(true))).map((c) => [c.entry.id, c.score]));
    expect(scores.get('qwen') ?? 1).toBeLessThan((scores.get('qwen-research') ?? 0) / 2);
  });
});
