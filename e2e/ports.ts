// The ports of the browser tests' servers: the app's (E2E_PORT, 4173 by default) and the plots
// demo's (E2E_DEMO_PORT, else 2000 above), so several checkouts on one machine run side by side.

/** Port of `vite preview` serving the built app. */
export const APP_PORT = Number(process.env.E2E_PORT ?? 4173);

/** Port of `vite preview` serving the plots demo page (e2e/plots-demo). */
export const DEMO_PORT = Number(process.env.E2E_DEMO_PORT ?? APP_PORT + 2000);

/** The demo page's address. */
export const DEMO_URL = `http://127.0.0.1:${DEMO_PORT}/`;
