// A value that follows its source at most `hz` times a second, always ending on the latest one.
import { useEffect, useRef, useState } from 'react';

/** `value`, updated at most `hz` times per second (the last change always comes through). */
export function useThrottled<T>(value: T, hz: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const wait = last.current + 1000 / hz - performance.now();
    if (wait <= 0) {
      last.current = performance.now();
      setShown(() => value);
      return;
    }
    const t = setTimeout(() => {
      last.current = performance.now();
      setShown(() => value);
    }, wait);
    return () => clearTimeout(t);
  }, [value, hz]);
  return shown;
}
