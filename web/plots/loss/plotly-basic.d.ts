// plotly.js-basic-dist-min ships no types; its API is plotly's own, typed by plotly.js-dist-min
// (a devDependency used for these types only, never bundled).
declare module 'plotly.js-basic-dist-min' {
  export * from 'plotly.js-dist-min';
  import Plotly from 'plotly.js-dist-min';
  export default Plotly;
}

/** The URL of plotly's partial bundle with its compile hint, for a classic <script> (web/vite/plotlyScript.ts). */
declare module 'virtual:plotly-script' {
  const url: string;
  export default url;
}
