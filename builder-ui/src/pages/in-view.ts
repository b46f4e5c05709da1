/**
 * Whether a canvas element is in view (visible in the canvas, which scrolls in its own container).
 * One IntersectionObserver serves every element of the canvas: a page of 300 components would
 * otherwise create hundreds of observers. Where there is no IntersectionObserver (jsdom),
 * everything counts as in view.
 */
import { useEffect, useState, type RefObject } from 'react';

const listeners = new Map<Element, (inView: boolean) => void>();
let observer: IntersectionObserver | undefined;

function shared(): IntersectionObserver {
  observer ??= new IntersectionObserver((entries) => {
    for (const entry of entries) listeners.get(entry.target)?.(entry.isIntersecting);
  });
  return observer;
}

const supported = () => typeof IntersectionObserver !== 'undefined';

/**
 * True while the element is in view; always true when `enabled` is false.
 * A ref rather than a state: observing starts in an effect, without a second render per element.
 */
export function useInView(ref: RefObject<Element | null>, enabled = true): boolean {
  const [inView, setInView] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!enabled || !el || !supported()) return;
    const io = shared();
    listeners.set(el, setInView);
    io.observe(el);
    return () => {
      io.unobserve(el);
      listeners.delete(el);
    };
  }, [ref, enabled]);
  return inView || !enabled || !supported();
}
