/**
 * The CMS of a PAdES signature (ETSI.CAdES.detached, RFC 5652): SignedData without content, one
 * SignerInfo with the signed attributes content-type, message-digest (SHA-256 of the PDF's byte
 * ranges) and signing-certificate-v2 (RFC 5035, the SHA-256 of the signer's certificate), signed
 * ECDSA P-256 with SHA-256 by a key that stays in KMS; the signer's and the CA's certificates.
 */
import { createHash, createPublicKey, verify as verifySignature, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { ECDSA_WITH_SHA256, SHA256, type DigestSigner } from './x509';

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
} as const;

const buffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

/** The signed attributes as signed: DER of the SET (the [0] IMPLICIT tag turned into SET OF). */
function signedAttributesDer(attrs: pkijs.SignedAndUnsignedAttributes): Uint8Array {
  const der = new Uint8Array(attrs.toSchema().toBER(false));
  der[0] = 0x31;
  return der;
}

/** The signed attributes as they were received (their own encoding), tagged as SET OF. */
function signedAsStored(attrs: pkijs.SignedAndUnsignedAttributes): Uint8Array {
  if (attrs.encodedValue.byteLength === 0) return signedAttributesDer(attrs);
  const der = new Uint8Array(attrs.encodedValue.slice(0));
  der[0] = 0x31;
  return der;
}

export interface CmsRequest {
  /** SHA-256 of the signed bytes (the PDF's byte ranges). */
  digest: Uint8Array;
  /** The signer's certificate (DER) and the chain above it (the CA's). */
  certificate: Uint8Array;
  chain: Uint8Array[];
  sign: DigestSigner;
}

/** A detached CMS SignedData (DER) over the digest, signed through `sign`. */
export async function buildCms(request: CmsRequest): Promise<Uint8Array> {
  const cert = pkijs.Certificate.fromBER(buffer(request.certificate));
  const essCertId = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({
            value: [
              new asn1js.OctetString({
                valueHex: buffer(createHash('sha256').update(request.certificate).digest()),
              }),
            ],
          }),
        ],
      }),
    ],
  });
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({
        type: OID.contentType,
        values: [new asn1js.ObjectIdentifier({ value: OID.data })],
      }),
      new pkijs.Attribute({
        type: OID.messageDigest,
        values: [new asn1js.OctetString({ valueHex: buffer(request.digest) })],
      }),
      new pkijs.Attribute({ type: OID.signingCertificateV2, values: [essCertId] }),
    ],
  });
  const toSign = signedAttributesDer(signedAttrs);
  const signature = await request.sign(createHash('sha256').update(toSign).digest());
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256 }),
    signedAttrs,
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: ECDSA_WITH_SHA256 }),
    signature: new asn1js.OctetString({ valueHex: buffer(signature) }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: SHA256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [cert, ...request.chain.map((c) => pkijs.Certificate.fromBER(buffer(c)))],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({
    contentType: OID.signedData,
    content: signedData.toSchema(true),
  });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

/** What a CMS says and whether it holds, for the digest of the bytes it claims to cover. */
export interface CmsCheck {
  /** The signature over the signed attributes verifies with the signer certificate's key. */
  signatureValid: boolean;
  /** The message-digest attribute equals the digest of the covered bytes. */
  digestMatches: boolean;
  /** The signing-certificate-v2 attribute names the signer's certificate by its SHA-256. */
  signingCertificateMatches: boolean;
  /** The signer's certificate (DER) and the other certificates carried. */
  certificate?: Uint8Array;
  others: Uint8Array[];
}

function attribute(attrs: pkijs.SignedAndUnsignedAttributes | undefined, type: string) {
  return attrs?.attributes.find((a) => a.type === type)?.values[0];
}

/** Checks a detached CMS SignedData against the SHA-256 of the bytes it covers. */
export function checkCms(cms: Uint8Array, digest: Uint8Array): CmsCheck {
  const none: CmsCheck = {
    signatureValid: false,
    digestMatches: false,
    signingCertificateMatches: false,
    others: [],
  };
  let signedData: pkijs.SignedData;
  try {
    const info = pkijs.ContentInfo.fromBER(buffer(cms));
    if (info.contentType !== OID.signedData) return none;
    signedData = new pkijs.SignedData({ schema: info.content });
  } catch {
    return none;
  }
  const signer = signedData.signerInfos[0];
  const certs = (signedData.certificates ?? []).filter(
    (c): c is pkijs.Certificate => c instanceof pkijs.Certificate,
  );
  const sid = signer?.sid instanceof pkijs.IssuerAndSerialNumber ? signer.sid : undefined;
  const own = certs.find(
    (c) => sid && c.serialNumber.isEqual(sid.serialNumber) && c.issuer.isEqual(sid.issuer),
  );
  if (!signer || !own) return none;
  const certificate = new Uint8Array(own.toSchema().toBER(false));
  const others = certs.filter((c) => c !== own).map((c) => new Uint8Array(c.toSchema().toBER(false)));
  const md = attribute(signer.signedAttrs, OID.messageDigest);
  const digestMatches =
    md instanceof asn1js.OctetString && Buffer.from(md.valueBlock.valueHexView).equals(Buffer.from(digest));
  const ess = attribute(signer.signedAttrs, OID.signingCertificateV2);
  const certHash = (() => {
    try {
      const first = ((ess as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence).valueBlock
        .value[0] as asn1js.Sequence;
      const hash = first.valueBlock.value.find((v) => v instanceof asn1js.OctetString) as asn1js.OctetString;
      return Buffer.from(hash.valueBlock.valueHexView);
    } catch {
      return undefined;
    }
  })();
  const signingCertificateMatches = !!certHash?.equals(createHash('sha256').update(certificate).digest());
  let signatureValid = false;
  if (signer.signedAttrs && signer.signatureAlgorithm.algorithmId === ECDSA_WITH_SHA256) {
    try {
      const key = createPublicKey({
        key: Buffer.from(new X509Certificate(certificate).publicKey.export({ format: 'der', type: 'spki' })),
        format: 'der',
        type: 'spki',
      });
      signatureValid = verifySignature(
        'sha256',
        signedAsStored(signer.signedAttrs),
        { key, dsaEncoding: 'der' },
        new Uint8Array(signer.signature.valueBlock.valueHexView),
      );
    } catch {
      signatureValid = false;
    }
  }
  return { signatureValid, digestMatches, signingCertificateMatches, certificate, others };
}
