'use client';

import { QrCode } from '../../../ui/qr-code';

/**
 * The registration code of the printed card (decree 935 §146: page 1 carries a barcode or
 * registration code with the organization's full name, legal address, registration number and
 * date). A QR code, because it holds those requisites in UTF-8 (Azerbaijani letters included).
 */
export function RegistrationCode({ text, label }: { text: string; label: string }) {
  return <QrCode text={text} label={label} className="doc-regcode-qr" size={112} />;
}
