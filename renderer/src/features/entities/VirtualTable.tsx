import { useEffect, useLayoutEffect, useReducer, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

/** Every body row is this tall (styles.css `.data-table.virtual`), so a row's place is its index × this. */
export const ROW_HEIGHT = 36;
/** Rows drawn beyond the visible ones on each side, so a fast scroll does not show blanks. */
const OVERSCAN = 12;

/**
 * A table that draws only the rows in view, between two spacer rows that keep the scroll bar
 * true to the whole length. Arrow keys, Page Up/Down, Home and End move between the rows'
 * buttons, scrolling as they go. (A small windowed list rather than a library: a new package
 * cannot be installed in this build.)
 */
export function VirtualTable(props: {
  caption: string;
  total: number;
  columnCount: number;
  head: ReactNode;
  row(index: number): ReactNode;
  onRange(first: number, last: number): void;
  scrollTo?: { index: number; seq: number };
  /** A new value (another search or sort) goes back to the top. */
  resetKey: string;
}) {
  const { total, onRange } = props;
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(800);
  const pendingFocus = useRef<number | null>(null);
  const [, redraw] = useReducer((n: number) => n + 1, 0);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    setHeight(el.clientHeight || 800);
    const ro = new ResizeObserver(() => setHeight(el.clientHeight || 800));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(total - 1, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const visibleRows = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);

  useEffect(() => onRange(first, Math.max(first, last)), [first, last, onRange]);

  /** Scrolls just enough that row `index` is in view below the sticky header. */
  const reveal = (index: number, center = false) => {
    const el = box.current;
    if (!el) return;
    const head = el.querySelector('thead')?.getBoundingClientRect().height ?? ROW_HEIGHT;
    const top = index * ROW_HEIGHT;
    if (center) el.scrollTop = Math.max(0, top - el.clientHeight / 2);
    else if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight - head) el.scrollTop = top + ROW_HEIGHT - el.clientHeight + head;
    setScrollTop(el.scrollTop);
  };

  const { scrollTo, resetKey } = props;
  useEffect(() => {
    if (box.current) box.current.scrollTop = 0;
    setScrollTop(0);
  }, [resetKey]);

  useEffect(() => {
    if (scrollTo) reveal(scrollTo.index, true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollTo?.seq]);

  // A row moved to by keyboard gets focus once it is drawn (it may still be on its way).
  useEffect(() => {
    if (pendingFocus.current === null) return;
    const button = box.current?.querySelector<HTMLElement>(`[data-row="${pendingFocus.current}"]`);
    if (button) {
      button.focus();
      pendingFocus.current = null;
    }
  });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = (e.target as HTMLElement).closest<HTMLElement>('[data-row]');
    if (!at || !total) return;
    const i = Number(at.dataset.row);
    const to =
      e.key === 'ArrowDown' ? i + 1
      : e.key === 'ArrowUp' ? i - 1
      : e.key === 'PageDown' ? i + visibleRows
      : e.key === 'PageUp' ? i - visibleRows
      : e.key === 'Home' ? 0
      : e.key === 'End' ? total - 1
      : null;
    if (to === null) return;
    e.preventDefault();
    const target = Math.min(total - 1, Math.max(0, to));
    reveal(target);
    const drawn = box.current?.querySelector<HTMLElement>(`[data-row="${target}"]`);
    if (drawn) drawn.focus();
    else {
      pendingFocus.current = target;
      redraw();
    }
  };

  const rows: ReactNode[] = [];
  for (let i = first; i <= last; i++) rows.push(props.row(i));
  const spacer = (h: number, k: string) =>
    h > 0 ? (
      <tr key={k} className="spacer" aria-hidden="true">
        <td colSpan={props.columnCount} style={{ height: h }} />
      </tr>
    ) : null;

  return (
    // No scroll anchoring: the browser would move the view to keep a row in place as the spacer
    // above it grows, which scrolls again, and so on.
    <div className="table-scroll" style={{ overflowAnchor: 'none' }} ref={box} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} onKeyDown={onKeyDown}>
      <table className="data-table virtual" aria-rowcount={total + 1}>
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>{props.head}</thead>
        <tbody>
          {spacer(first * ROW_HEIGHT, 'top')}
          {rows}
          {spacer((total - 1 - last) * ROW_HEIGHT, 'bottom')}
        </tbody>
      </table>
    </div>
  );
}
