import { describe, expect, it } from 'vitest';
import { applyUrlParams, urlParamsFor, wantsAutorun } from '../../src/ui/url-params';

describe('URL parameters', () => {
  it('go to the demo the URL names, or to every demo when it names none', () => {
    expect(urlParamsFor('cpu', '?demo=cpu&numbers=5').get('numbers')).toBe('5');
    expect(urlParamsFor('cpu', '?numbers=5').get('numbers')).toBe('5');
    expect(urlParamsFor('locks', '?demo=cpu&numbers=5').get('numbers')).toBeNull();
  });

  it('set each field from the parameter named after its attribute, or after the field', () => {
    const host = { chunkSize: '1', numbers: '10', rounds: '' };
    const attributes = { chunkSize: 'chunk-size', numbers: 'numbers', rounds: 'rounds' };
    applyUrlParams(host, 'cpu', attributes, '?demo=cpu&chunk-size=50&numbers=1%2C000');
    expect(host).toEqual({ chunkSize: '50', numbers: '1,000', rounds: '' });
    applyUrlParams(host, 'cpu', attributes, '?chunkSize=7');
    expect(host.chunkSize).toBe('7');
  });

  it('leave the fields alone when meant for another demo', () => {
    const host = { workers: '4' };
    applyUrlParams(host, 'locks', { workers: 'workers' }, '?demo=io&workers=9');
    expect(host.workers).toBe('4');
  });

  it('ask for autorun only with 1 or true', () => {
    expect(wantsAutorun(new URLSearchParams('autorun=1'))).toBe(true);
    expect(wantsAutorun(new URLSearchParams('autorun=true'))).toBe(true);
    expect(wantsAutorun(new URLSearchParams('autorun=0'))).toBe(false);
    expect(wantsAutorun(new URLSearchParams('autorun'))).toBe(false);
  });
});
