import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PDFDocument } from 'pdf-lib';
import { KmsSigningKeys } from '../../functions/platform/adapters/kms/signing-keys.adapter';
import { appendSignature, buildCms, issueCertificate } from '../../functions/modules/signatures';
import { LOCAL_AWS_CREDENTIALS, LOCAL_AWS_REGION } from '../../infra/local/services/common';
import { start } from '../../infra/local/services/kms';

export interface SigningFigures {
  signatures: number;
  perSecond: number;
  /** Mean milliseconds per signature spent in PDF work (incremental update, hashing, filling). */
  pdfMs: number;
  /** Mean milliseconds per signature waiting on KMS Sign (the CMS's only key operation). */
  kmsMs: number;
  /** Mean milliseconds building the CMS around the KMS signature (ASN.1). */
  cmsMs: number;
  fileKb: number;
}

/** Goal: signing is dominated by KMS, not by the PDF and CMS work around it. */
export const SIGNING_GOAL = 'KMS time > PDF + CMS time per signature';

/** A document's single file of `pages` text pages, the size of a typical letter with attachments. */
async function sampleFile(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage();
    for (let line = 0; line < 40; line++)
      page.drawText(`Page ${i + 1}, line ${line + 1}`, { x: 50, y: 800 - line * 18, size: 10 });
  }
  return doc.save({ useObjectStreams: false });
}

/**
 * Signatures per second through the local KMS (one official's key, the agency CA's certificate):
 * each signature is an incremental PAdES update on the same `pages`-page file, one after another,
 * timing the PDF work and the KMS round trips apart.
 */
export async function signingRun(count = 200, pages = 20): Promise<SigningFigures> {
  const dataDir = await mkdtemp(join(tmpdir(), 'karguzar-bench-kms-'));
  const kms = await start({ dataDir, port: 0, signingAliases: [] });
  try {
    const keys = new KmsSigningKeys({
      region: LOCAL_AWS_REGION,
      endpoint: kms.endpoint,
      credentials: LOCAL_AWS_CREDENTIALS,
    });
    const caKey = await keys.createKey({ tenantId: 'bench', owner: 'agency-ca', description: 'bench CA' });
    const signerKey = await keys.createKey({
      tenantId: 'bench',
      owner: 'official',
      description: 'bench official',
    });
    const now = new Date();
    const later = new Date(now.getTime() + 365 * 24 * 3600 * 1000);
    // Both certificates are signed by the CA's key: the CA's itself (self-signed), then the official's.
    const issue = async (keyId: string, commonName: string, issuer?: Uint8Array) =>
      issueCertificate({
        subject: { commonName, organization: 'Bench Agentliyi', country: 'AZ' },
        publicKey: await keys.publicKey(keyId),
        notBefore: now,
        notAfter: later,
        ca: !issuer,
        ...(issuer ? { issuer } : {}),
        sign: (d) => keys.signDigest(caKey, d),
      });
    const ca = await issue(caKey, 'Bench Agentliyi');
    const certificate = await issue(signerKey, 'Rəşad Məmmədov', ca);
    const file = await sampleFile(pages);
    let kmsMs = 0;
    let cmsMs = 0;
    const signOnce = async (i: number) =>
      appendSignature(
        file,
        { fieldName: `Imza-${i}`, name: 'Rəşad Məmmədov', reason: 'İmza — Direktor', signingTime: now },
        async (digest) => {
          const began = performance.now();
          let inKms = 0;
          const cms = await buildCms({
            digest,
            certificate,
            chain: [ca],
            sign: async (d) => {
              const t = performance.now();
              const out = await keys.signDigest(signerKey, d);
              inKms += performance.now() - t;
              return out;
            },
          });
          kmsMs += inKms;
          cmsMs += performance.now() - began - inKms;
          return cms;
        },
      );
    for (let i = 0; i < 10; i++) await signOnce(i); // warm-up: JIT, the connection
    kmsMs = 0;
    cmsMs = 0;
    const began = performance.now();
    for (let i = 0; i < count; i++) await signOnce(i);
    const total = performance.now() - began;
    return {
      signatures: count,
      perSecond: count / (total / 1000),
      pdfMs: (total - kmsMs - cmsMs) / count,
      kmsMs: kmsMs / count,
      cmsMs: cmsMs / count,
      fileKb: file.length / 1024,
    };
  } finally {
    await kms.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
