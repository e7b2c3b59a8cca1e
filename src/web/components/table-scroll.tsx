import { type ReactNode, useEffect, useRef, useState } from "react";

/**
 * Lets a wide table scroll sideways on a narrow screen. Only while it actually overflows does the
 * wrapper become a named, focusable region, so keyboard users can scroll it (WCAG 2.1.1) without an
 * extra tab stop on wide screens.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [isOverflowing, setIsOverflowing] = useState(false);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setIsOverflowing(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    for (const child of Array.from(element.children)) observer.observe(child);
    return () => observer.disconnect();
  }, []);

  return (
    <div
      ref={ref}
      style={{ overflowX: "auto" }}
      {...(isOverflowing ? { role: "region", "aria-label": label, tabIndex: 0 } : {})}
    >
      {children}
    </div>
  );
}
