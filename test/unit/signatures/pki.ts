import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { signDigest } from '../../../infra/local/services/kms';
import { buildCms } from '../../../functions/modules/signatures/crypto/cms';
import { issueCertificate } from '../../../functions/modules/signatures/crypto/x509';

export const AT = new Date('2026-03-02T08:00:00Z');
export const LATER = new Date('2031-03-02T08:00:00Z');
const spki = (key: KeyObject) => new Uint8Array(key.export({ format: 'der', type: 'spki' }));
const digestSigner = (key: KeyObject) => async (digest: Uint8Array) =>
  new Uint8Array(signDigest(key, digest));

/** A test agency: its CA, and officials with certificates it issued who sign CMS. */
export async function agency() {
  const ca = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const certificate = await issueCertificate({
    subject: {
      commonName: 'Nümunə Agentliyi',
      organization: 'Nümunə Agentliyi',
      organizationIdentifier: 'VATAZ-1234567890',
      country: 'AZ',
    },
    publicKey: spki(ca.publicKey),
    notBefore: AT,
    notAfter: LATER,
    ca: true,
    sign: digestSigner(ca.privateKey),
  });
  const official = async (name: string) => {
    const key = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const cert = await issueCertificate({
      subject: { commonName: name, organization: 'Nümunə Agentliyi', title: 'Şöbə müdiri' },
      publicKey: spki(key.publicKey),
      notBefore: AT,
      notAfter: LATER,
      ca: false,
      issuer: certificate,
      sign: digestSigner(ca.privateKey),
    });
    return {
      cert,
      sign: (digest: Uint8Array) =>
        buildCms({ digest, certificate: cert, chain: [certificate], sign: digestSigner(key.privateKey) }),
    };
  };
  return { certificate, official };
}

export async function onePagePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText('Salam');
  return doc.save({ useObjectStreams: false });
}
