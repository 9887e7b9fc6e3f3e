import { describe, expect, it } from 'vitest';
import { applyUrlParams, unknownDemoMessage, unknownDemoNotice, urlParamsFor, wantsAutorun } from '../../src/ui/url-params';

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

describe('a ?demo= that names no demo', () => {
  const names = ['cpu', 'scaling', 'data', 'io', 'locks', 'summary'];
  const notice = (search: string) => unknownDemoNotice('Computing', names, ['sw'], search);

  it('is named, with the nearest demo when it is a typo or another case', () => {
    expect(unknownDemoMessage('CPU', names)).toBe('There is no demo called "CPU". Did you mean cpu?');
    expect(unknownDemoMessage('lock', names)).toBe('There is no demo called "lock". Did you mean locks?');
    expect(unknownDemoMessage(' Scalling ', names)).toBe('There is no demo called " Scalling ". Did you mean scaling?');
    expect(unknownDemoMessage('nonsense', names)).toBe('There is no demo called "nonsense".');
    expect(unknownDemoMessage('', names)).toBe('The address names no demo: its ?demo= is empty.');
  });

  it('is quoted short and safe, however long or strange', () => {
    expect(unknownDemoMessage('x'.repeat(100_000), names)).toBe(`There is no demo called "${'x'.repeat(39)}…".`);
    expect(unknownDemoMessage('cpu\u202e', names)).toBe('There is no demo called "cpu[U+202E]". Did you mean cpu?');
  });

  it('says the demo shown instead, and that the other settings were not applied, naming them', () => {
    expect(notice('?demo=CPU&numbers=5&autorun=1&sw=0')).toBe(
      'There is no demo called "CPU". Did you mean cpu? Here is Computing; the address\'s other settings (numbers, autorun) were not applied.',
    );
    expect(notice('?demo=&numbers=5&numbers=6')).toBe(
      "The address names no demo: its ?demo= is empty. Here is Computing; the address's other settings (numbers) were not applied.",
    );
    expect(notice('?demo=x')).toBe('There is no demo called "x". Here is Computing.');
    expect(notice(`?demo=x&${'a'.repeat(100_000)}=1`)).toBe(
      `There is no demo called "x". Here is Computing; the address's other settings (${'a'.repeat(39)}…) were not applied.`,
    );
  });

  it('says nothing when the address names a demo, or none', () => {
    expect(notice('?demo=cpu&numbers=5')).toBe('');
    expect(notice('?numbers=5')).toBe('');
  });
});
