import { create } from 'zustand';

/** Whether the duplicates review is open. */
export const useDuplicatesDialog = create<{ open: boolean; show(): void; close(): void }>((set) => ({
  open: false,
  show: () => set({ open: true }),
  close: () => set({ open: false }),
}));
