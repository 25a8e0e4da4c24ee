import { useEffect, useState } from 'react';

/** The value once it has stopped changing for `ms`: typing or a slider drag asks the server once, not every step. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
