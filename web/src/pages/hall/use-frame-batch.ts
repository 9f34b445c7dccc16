import { useCallback, useEffect, useRef } from "react";

/**
 * Collects items and hands them over once per animation frame. Why: the live draw streams thousands of visit
 * events; one React update per event re-rendered the hall thousands of times (frames of 80 ms and more),
 * one update per frame keeps it smooth (docs/performance.md, "Web").
 */
export function useFrameBatch<T>(apply: (batch: T[]) => void): (item: T) => void {
  const pending = useRef<T[]>([]);
  const frame = useRef(0);
  const latest = useRef(apply);
  latest.current = apply;
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  return useCallback((item: T) => {
    pending.current.push(item);
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const batch = pending.current;
      pending.current = [];
      latest.current(batch);
    });
  }, []);
}
