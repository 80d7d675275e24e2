// The session keeper, handed to the Session panel and banner through a React context of its own
// (none in an embedded page, which keeps no session).
import { createContext, useContext } from 'react';
import type { SessionKeeper } from '../keep/keeper.js';

export const KeeperContext = createContext<SessionKeeper | null>(null);

/** The page's session keeper, or null when it keeps none (embedded). */
export function useKeeper(): SessionKeeper | null {
  return useContext(KeeperContext);
}
