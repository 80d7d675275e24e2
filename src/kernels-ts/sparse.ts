// Plain-TypeScript versions of assembly/sparse.ts (the oracle of test/kernels-sparse.test.ts):
// a compressed form is `count` vectors, vector v's entries at ptr[v] .. ptr[v+1], entry t at idx[t].

/** out (count×k) = S·B: out[v,:] = Σ_t vals[t]·B[idx[t],:]. B (·×k) row-major. */
export function sparse_times(ptr: Int32Array, idx: Int32Array, vals: Float64Array, B: Float64Array, k: number, out: Float64Array): void {
  out.fill(0);
  for (let v = 0; v + 1 < ptr.length; v++) {
    for (let t = ptr[v]; t < ptr[v + 1]; t++) {
      for (let a = 0; a < k; a++) out[v * k + a] += vals[t] * B[idx[t] * k + a];
    }
  }
}

/** out[t] = A[v,:]·B[idx[t],:] for each entry t of vector v. A (count×k), B (·×k). */
export function sparse_sample(ptr: Int32Array, idx: Int32Array, A: Float64Array, B: Float64Array, k: number, out: Float64Array): void {
  for (let v = 0; v + 1 < ptr.length; v++) {
    for (let t = ptr[v]; t < ptr[v + 1]; t++) {
      let s = 0;
      for (let a = 0; a < k; a++) s += A[v * k + a] * B[idx[t] * k + a];
      out[t] = s;
    }
  }
}
