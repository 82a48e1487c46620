import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

// Exactly one invoke(), one on() and the UI language for the menu: the renderer never sees
// ipcRenderer itself.
contextBridge.exposeInMainWorld('kohtaanto', {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke('kohtaanto:invoke', String(method), input),
  on: (event: string, handler: (payload: unknown) => void) => {
    const listener = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) handler(payload);
    };
    ipcRenderer.on('kohtaanto:event', listener);
    return () => ipcRenderer.removeListener('kohtaanto:event', listener);
  },
  setLanguage: (lang: string) => ipcRenderer.send('kohtaanto:language', String(lang)),
});
