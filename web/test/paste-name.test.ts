// Pastes are numbered so two can be told apart, past the paste on screen.
import { describe, expect, it } from 'vitest';
import { nextPasteName } from '../components/DataPanel/pasteName.js';

describe('paste names', () => {
  it('numbers pastes in turn', () => {
    const a = nextPasteName(0, null);
    const b = nextPasteName(a.number, a.name);
    expect([a.name, b.name]).toEqual(['pasted data 1', 'pasted data 2']);
  });
  it('goes past a paste on screen from a reopened link, and ignores other names', () => {
    expect(nextPasteName(0, 'pasted data 7').name).toBe('pasted data 8');
    expect(nextPasteName(2, 'pasted data 1').name).toBe('pasted data 3');
    expect(nextPasteName(0, 'ratings.csv').name).toBe('pasted data 1');
    expect(nextPasteName(0, 'pasted data 1x').name).toBe('pasted data 1');
  });
});
