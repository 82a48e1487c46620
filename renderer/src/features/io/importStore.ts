import { create } from 'zustand';

/** Whether the import dialog is open, and with which files (picked, or dropped on the window). */
export const useImportDialog = create<{ open: boolean; files: File[]; show(files?: File[]): void; close(): void }>((set) => ({
  open: false,
  files: [],
  show: (files = []) => set({ open: true, files }),
  close: () => set({ open: false, files: [] }),
}));
