// The few WebAssembly JS API types the engine uses, for the realms whose lib has no DOM
// (Node: src, test, bench). The browser realm (web/tsconfig.json) excludes this file and
// takes the full declarations from lib.dom.
declare namespace WebAssembly {
  // biome-ignore lint/complexity/noBannedTypes: an opaque handle, nothing is read from it
  type Module = {};
  interface Memory {
    readonly buffer: ArrayBuffer;
    grow(delta: number): number;
  }
  var Memory: { new (descriptor: { initial: number; maximum?: number; shared?: boolean }): Memory };
  function compile(bytes: ArrayBufferView | ArrayBuffer): Promise<Module>;
}
