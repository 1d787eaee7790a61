import { describe, expect, it } from 'vitest';
import { enterAction } from './app-form.tsx';

const key = (k: string, mods: { ctrlKey?: boolean; metaKey?: boolean; isComposing?: boolean } = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});
const input = { tagName: 'INPUT', picks: false };
const picker = { tagName: 'INPUT', picks: true };

describe('Enter in a form', () => {
  it('moves on from a text field and leaves a date picker or select to pick, never submitting', () => {
    expect(enterAction(key('Enter'), input)).toBe('next');
    expect(enterAction(key('Enter'), picker)).toBe('stay');
    expect(enterAction(key('Enter'), { tagName: 'TEXTAREA', picks: false })).toBe('stay');
    expect(enterAction(key('Enter'), { tagName: 'BUTTON', picks: false })).toBe('stay');
    expect(enterAction(key('Enter', { isComposing: true }), input)).toBe('stay');
    expect(enterAction(key('Tab'), input)).toBe('stay');
  });

  it('submits on Ctrl+Enter or Cmd+Enter from any field, and on Enter only where the form asks for it', () => {
    expect(enterAction(key('Enter', { ctrlKey: true }), input)).toBe('submit');
    expect(enterAction(key('Enter', { metaKey: true }), { tagName: 'TEXTAREA', picks: false })).toBe(
      'submit',
    );
    expect(enterAction(key('Enter'), input, true)).toBe('submit');
    expect(enterAction(key('Enter'), picker, true)).toBe('stay');
  });
});
