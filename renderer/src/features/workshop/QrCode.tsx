import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/**
 * The join address as a QR code, drawn here as SVG (no network, no canvas): the image is a data
 * URL, so the page's CSP (img-src data:) allows it and no markup is injected into the document.
 */
export function QrCode({ text, label, size = 320 }: { text: string; label: string; size?: number }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // Medium error correction survives a projector's glare and a phone held at an angle.
    QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } })
      .then((svg) => {
        if (live) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
      })
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [text]);
  if (!src) return <div className="ws-qr ws-qr-empty" style={{ width: size, height: size }} />;
  return <img className="ws-qr" src={src} width={size} height={size} alt={label} data-qr-text={text} />;
}
