import { describe, expect, it } from 'vitest';
import { detectRefusal } from './refusal.js';

describe('detectRefusal', () => {
  it.each([
    "I can't help with that.",
    "I'm sorry, but I cannot assist with this request.",
    'I’m sorry, but I can’t provide instructions for that.',
    'As an AI language model, I am unable to provide that.',
    'I must decline this request.',
    'That request goes against my guidelines.',
    '我不能帮助你做这件事。',
    '抱歉，我无法提供这方面的信息。',
    '对不起，我不能回答这个问题。',
    '很抱歉，但我无法协助完成此请求。',
    '作为一个人工智能，我不能提供这类内容。',
  ])('refuses: %s', (text) => {
    const v = detectRefusal(text);
    expect(v.refused).toBe(true);
    expect(v.score).toBeGreaterThanOrEqual(0.5);
    expect(v.matched).toBeTruthy();
  });

  it.each([
    'Paris is the capital of France.',
    "I can't help but notice the weather is lovely today.",
    '巴黎是法国的首都。',
    'Here is the code you asked for: function add(a, b) { return a + b; }',
  ])('does not refuse: %s', (text) => {
    expect(detectRefusal(text).refused).toBe(false);
  });

  it('counts a bare apology as weak evidence', () => {
    const v = detectRefusal("I'm sorry for the confusion, here is the corrected table.");
    expect(v.refused).toBe(false);
    expect(v.score).toBeGreaterThan(0);
  });

  it('weighs a refusal deep inside a long helpful answer less', () => {
    const early = detectRefusal('As an AI, here is what I found.');
    const late = detectRefusal(`${'Useful content. '.repeat(40)}As an AI, I find this interesting.`);
    expect(late.score).toBeLessThan(early.score);
    expect(late.refused).toBe(false);
  });
});
