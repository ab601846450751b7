'use client';

import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/**
 * The registration code of the printed card (decree 935 §146: page 1 carries a barcode or
 * registration code with the organization's full name, legal address, registration number and
 * date). A QR code, because it holds those requisites in UTF-8 (Azerbaijani letters included).
 */
export function RegistrationCode({ text, label }: { text: string; label: string }) {
  const [svg, setSvg] = useState<string>();
  useEffect(() => {
    let live = true;
    QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 })
      .then((markup) => {
        if (live) setSvg(markup);
      })
      .catch(() => {
        if (live) setSvg(undefined);
      });
    return () => {
      live = false;
    };
  }, [text]);
  if (!svg) return null;
  return (
    <img
      className="doc-regcode-qr"
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
      alt={label}
      width={112}
      height={112}
    />
  );
}
