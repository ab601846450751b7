'use client';

import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code of `text`, drawn in the browser as SVG (nothing leaves the page). */
export function QrCode({
  text,
  label,
  className,
  size,
  margin = 1,
}: {
  text: string;
  label: string;
  className: string;
  size: number;
  margin?: number;
}) {
  const [svg, setSvg] = useState<string>();
  useEffect(() => {
    let live = true;
    QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin })
      .then((markup) => {
        if (live) setSvg(markup);
      })
      .catch(() => {
        if (live) setSvg(undefined);
      });
    return () => {
      live = false;
    };
  }, [text, margin]);
  if (!svg) return null;
  return (
    <img
      className={className}
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
      alt={label}
      width={size}
      height={size}
    />
  );
}
