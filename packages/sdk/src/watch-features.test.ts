import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchFeatures } from './watch-features.js';

describe('watchFeatures', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('reports the innermost tagged ancestor of the clicked element, without reading text', () => {
    document.body.innerHTML = `
      <section data-waymark-feature="reports">
        <button data-waymark-feature="reports.export"><span id="label">Export secret@example.com</span></button>
        <p id="plain">text</p>
      </section>
      <div id="untagged">x</div>`;
    const onFeature = vi.fn();
    const stop = watchFeatures(onFeature);
    document.getElementById('label')!.click();
    document.getElementById('plain')!.click();
    document.getElementById('untagged')!.click();
    expect(onFeature.mock.calls).toEqual([['reports.export'], ['reports']]);
    stop();
    document.getElementById('label')!.click();
    expect(onFeature).toHaveBeenCalledTimes(2);
  });

  it('sees clicks even when the page stops propagation (capture phase)', () => {
    document.body.innerHTML = '<button data-waymark-feature="billing.upgrade">Upgrade</button>';
    const button = document.querySelector('button')!;
    button.addEventListener('click', (e) => e.stopPropagation());
    const onFeature = vi.fn();
    const stop = watchFeatures(onFeature);
    button.click();
    stop();
    expect(onFeature).toHaveBeenCalledWith('billing.upgrade');
  });

  it('ignores an empty tag', () => {
    document.body.innerHTML = '<button data-waymark-feature="">x</button>';
    const onFeature = vi.fn();
    const stop = watchFeatures(onFeature);
    document.querySelector('button')!.click();
    stop();
    expect(onFeature).not.toHaveBeenCalled();
  });
});
