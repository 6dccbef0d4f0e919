// The bundle inspector's selection and the Bundle(file) answer for it.

import type { BundleInfo } from '../bridge/types';
import { createStore } from './store';

export interface BundleState {
  file: string; // the selected route's file, "" for none
  data: BundleInfo | null;
  loading: boolean;
  error: string;
  module: string; // selected treemap group key
}

const initial: BundleState = { file: '', data: null, loading: false, error: '', module: '' };
export const bundle = createStore<BundleState>(initial);
/** The Bundles view's search over its route list. */
export const bundleQuery = createStore('');

type Loader = (file: string) => Promise<BundleInfo>;
let loader: Loader = () => Promise.reject(new Error('no loader'));
let gen = 0;

export function setBundleLoader(l: Loader): void {
  loader = l;
}

function load(file: string): void {
  const my = ++gen;
  bundle.update((s) => ({ ...s, loading: true }));
  loader(file).then(
    (data) => {
      if (my !== gen) return;
      bundle.update((s) => ({ ...s, data, loading: false, error: '' }));
    },
    (e: unknown) => {
      if (my !== gen) return;
      bundle.update((s) => ({ ...s, loading: false, error: e instanceof Error ? e.message : String(e) }));
    },
  );
}

export function selectBundle(file: string): void {
  const s = bundle.get();
  if (s.file === file && (s.data || s.loading)) return;
  bundle.set({ ...initial, file });
  if (file) load(file);
}

export function selectModule(key: string): void {
  bundle.update((s) => ({ ...s, module: s.module === key ? '' : key }));
}

/** A route finished building: reload the inspector if it shows that route. */
export function bundleBuilt(file: string): void {
  if (file && bundle.get().file === file) load(file);
}

export function resetBundles(): void {
  gen++;
  bundle.set(initial);
  bundleQuery.set('');
}
