// What the Learn panel says about each algorithm: its objective and update rules as TeX (in the
// run's notation: V m×n, W m×k, H k×n, M the mask of observed entries, ε, η, λ), and in words why
// W and H stay non-negative. Constant text written here: no user text ever reaches KaTeX. Pure.
import type { AlgorithmId } from '../../../src/solvers/types.js';

/** A formula with the sentence that introduces it. */
export interface Formula {
  readonly caption: string;
  readonly tex: string;
}

/** One algorithm's lesson. */
export interface Lesson {
  readonly objective: Formula;
  readonly updates: readonly Formula[];
  /** Why W, H ≥ 0 after every iteration. */
  readonly nonNegative: string;
}

const FROBENIUS: Formula = {
  caption: 'It minimizes the squared error over the observed entries:',
  tex: String.raw`\min_{W \ge 0,\; H \ge 0}\ \tfrac12 \bigl\lVert M \circ (V - WH) \bigr\rVert_F^2`,
};

const ALTERNATING = 'Then the same for each row of W with H fixed: ';

/** The lesson of each algorithm. */
export const LESSONS: Record<AlgorithmId, Lesson> = {
  mu: {
    objective: FROBENIUS,
    updates: [
      {
        caption: 'H first, every entry at once (∘ and the fraction bar act entry by entry):',
        tex: String.raw`H \leftarrow H \circ \frac{W^{\mathsf T} V}{W^{\mathsf T} (M \circ WH) + \varepsilon}`,
      },
      {
        caption: 'then W with the new H:',
        tex: String.raw`W \leftarrow W \circ \frac{V H^{\mathsf T}}{(M \circ WH)\, H^{\mathsf T} + \varepsilon}`,
      },
    ],
    nonNegative:
      'Each entry is multiplied by a ratio of non-negative numbers, so a non-negative W, H stays non-negative: no projection is needed. The price: an entry that reaches 0 stays 0.',
  },
  kl: {
    objective: {
      caption: 'It minimizes the generalized Kullback–Leibler divergence over the observed entries:',
      tex: String.raw`\min_{W, H \ge 0} \sum_{(i,j):\,M_{ij}=1} \Bigl( V_{ij} \ln \frac{V_{ij}}{(WH)_{ij}} - V_{ij} + (WH)_{ij} \Bigr)`,
    },
    updates: [
      {
        caption: 'H first:',
        tex: String.raw`H_{aj} \leftarrow H_{aj} \frac{\sum_i W_{ia} M_{ij} V_{ij} / (WH)_{ij}}{\sum_i W_{ia} M_{ij} + \varepsilon}`,
      },
      {
        caption: 'then W:',
        tex: String.raw`W_{ia} \leftarrow W_{ia} \frac{\sum_j H_{aj} M_{ij} V_{ij} / (WH)_{ij}}{\sum_j H_{aj} M_{ij} + \varepsilon}`,
      },
    ],
    nonNegative: 'As in the Frobenius update, each entry is multiplied by a ratio of non-negative numbers, so W and H stay non-negative.',
  },
  als: {
    objective: FROBENIUS,
    updates: [
      {
        caption: 'Each column of H solves the least-squares problem on its observed rows o, and negatives are set to 0:',
        tex: String.raw`h_j \leftarrow \max\!\bigl(0,\ (W_o^{\mathsf T} W_o)^{-1} W_o^{\mathsf T} v_{o,j}\bigr)`,
      },
      {
        caption: `${ALTERNATING}`,
        tex: String.raw`w_i \leftarrow \max\!\bigl(0,\ (H_o H_o^{\mathsf T})^{-1} H_o v_{i,o}^{\mathsf T}\bigr)`,
      },
    ],
    nonNegative:
      'The least-squares solution can have negative entries; they are truncated to 0. That truncation is why ALS is fast but not monotone: the clipped H is no longer the best H for this W.',
  },
  anls: {
    objective: FROBENIUS,
    updates: [
      {
        caption: 'Each column of H is the exact non-negative least-squares solution (active set) on its observed rows o:',
        tex: String.raw`h_j \leftarrow \operatorname*{arg\,min}_{h \ge 0} \bigl\lVert W_o h - v_{o,j} \bigr\rVert_2`,
      },
      {
        caption: ALTERNATING,
        tex: String.raw`w_i \leftarrow \operatorname*{arg\,min}_{w \ge 0} \bigl\lVert H_o^{\mathsf T} w - v_{i,o}^{\mathsf T} \bigr\rVert_2`,
      },
      {
        caption:
          'With Extrapolate between steps, each new factor is pushed on along its last step before the other is solved from it (β grows while the loss falls; a step that raises the loss is taken back and β shrinks):',
        tex: String.raw`H_y \leftarrow \max\!\bigl(0,\ H + \beta\,(H - H_{\mathrm{prev}})\bigr), \qquad W_y \leftarrow \max\!\bigl(0,\ W + \beta\,(W - W_{\mathrm{prev}})\bigr)`,
      },
    ],
    nonNegative: 'The constraint h ≥ 0 is part of each small problem, so every solution is non-negative; the loss never increases.',
  },
  hals: {
    objective: FROBENIUS,
    updates: [
      {
        caption: 'One row a of H at a time, from the Gram matrices WᵀW and WᵀV:',
        tex: String.raw`H_{a,:} \leftarrow \max\!\Bigl(0,\ H_{a,:} + \frac{(W^{\mathsf T} V)_{a,:} - (W^{\mathsf T} W)_{a,:} H}{(W^{\mathsf T} W)_{aa}}\Bigr)`,
      },
      {
        caption: 'then one column a of W at a time, from HHᵀ and VHᵀ:',
        tex: String.raw`W_{:,a} \leftarrow \max\!\Bigl(0,\ W_{:,a} + \frac{(V H^{\mathsf T})_{:,a} - W (H H^{\mathsf T})_{:,a}}{(H H^{\mathsf T})_{aa}}\Bigr)`,
      },
    ],
    nonNegative:
      'Each row of H (column of W) is the exact minimizer over that row alone subject to ≥ 0: the max(0, ·) is the projection, and the loss never increases.',
  },
  gd: {
    objective: {
      caption: 'It minimizes the squared error plus an L2 penalty λ:',
      tex: String.raw`\tfrac12 \bigl\lVert M \circ (V - WH) \bigr\rVert_F^2 + \tfrac{\lambda}{2}\bigl(\lVert W \rVert_F^2 + \lVert H \rVert_F^2\bigr)`,
    },
    updates: [
      { caption: 'With the residual R of the current W, H:', tex: String.raw`R = M \circ (V - WH)` },
      {
        caption: 'both factors take a step of size η down the gradient, then are projected onto ≥ 0:',
        tex: String.raw`W \leftarrow \max\!\bigl(0,\ W + \eta (R H^{\mathsf T} - \lambda W)\bigr), \quad H \leftarrow \max\!\bigl(0,\ H + \eta (W^{\mathsf T} R - \lambda H)\bigr)`,
      },
    ],
    nonNegative:
      'A gradient step can make entries negative; the projection max(0, ·) sets them back to 0. Turn Project onto W, H ≥ 0 off to see entries go negative (the result is then no NMF).',
  },
  sgd: {
    objective: {
      caption: 'It minimizes the same penalized error, one observed entry (i, j) at a time:',
      tex: String.raw`\sum_{(i,j):\,M_{ij}=1} \tfrac12 \bigl(V_{ij} - w_i h_j\bigr)^2 + \tfrac{\lambda}{2}\bigl(\lVert W \rVert_F^2 + \lVert H \rVert_F^2\bigr)`,
    },
    updates: [
      {
        caption: 'For each observed entry, in an order shuffled every epoch by the seed, with e = V_ij − w_i h_j:',
        tex: String.raw`w_i \leftarrow \max\!\bigl(0,\ w_i + \eta (e\, h_j^{\mathsf T} - \lambda w_i)\bigr), \quad h_j \leftarrow \max\!\bigl(0,\ h_j + \eta (e\, w_i^{\mathsf T} - \lambda h_j)\bigr)`,
      },
    ],
    nonNegative: 'As in gradient descent, each step is followed by the projection max(0, ·) onto the non-negative numbers.',
  },
};

/** The notation of every formula: symbol (TeX) and meaning. */
export const NOTATION: readonly { readonly tex: string; readonly meaning: string }[] = [
  { tex: 'V', meaning: 'the data, m × n, non-negative' },
  { tex: 'W', meaning: 'm × k: each column a part (a topic, a face part, a taste)' },
  { tex: 'H', meaning: 'k × n: how much of each part every column of V uses' },
  { tex: 'k', meaning: 'the rank: the number of parts' },
  { tex: 'M', meaning: 'the mask: 1 where V is observed, 0 where missing (all ones without missing entries)' },
  { tex: String.raw`\varepsilon`, meaning: 'a small number in the multiplicative denominators (the ε parameter)' },
  { tex: String.raw`\eta`, meaning: 'the learning rate (step size) of gradient descent' },
  { tex: String.raw`\lambda`, meaning: 'the L2 penalty of gradient descent' },
  { tex: String.raw`\circ`, meaning: 'the entry-by-entry product' },
];
