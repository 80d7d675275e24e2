// Entry of the browser app (placeholder until the app lands).
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<h1>NMF Playground</h1>);
