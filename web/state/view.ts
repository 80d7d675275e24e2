// The ids of the app's views (pure: the state, the link and a stored session name them; the tabs
// and components are in web/app/views.ts). The list itself lives with the link, which names them.
export { VIEW_IDS, type ViewId } from '../../src/share/section.js';
